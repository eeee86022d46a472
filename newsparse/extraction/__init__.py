"""Article extraction helpers: HTML body and metadata, saved-text pages, furniture, normalisation.

Used by the ``extract`` and ``clean`` stages; heavy libraries (trafilatura, lxml,
ftfy) are imported inside functions.
"""
