"""Evaluation of the pipeline against gold data (``newsparse eval``)."""
