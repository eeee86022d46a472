"""Packaged configuration files (``default.yaml`` is the built-in default)."""
