"""In-house named-entity recognition: a CRF over cached per-word-type features, gazetteers and merging."""
