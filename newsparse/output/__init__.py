"""Rendering analyses: the JSON record (the API), tables, CSV."""
