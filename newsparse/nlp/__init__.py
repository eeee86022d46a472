"""Small in-house NLP components (part-of-speech lexicon tagger), loaded lazily and cached once."""
