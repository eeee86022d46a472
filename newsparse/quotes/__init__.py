"""Quotation finding and speaker attribution (the ``quotes`` stage's machinery).

``marks`` pairs quotation marks; ``cues`` (+ ``cues.yaml``) is the cue lexicon; ``tokens``
turns a paragraph into tagged tokens and sentence units; ``phrases`` finds speaker phrases
around a cue; ``attributions`` pairs cues with speakers; ``content`` decides what an
attribution reports and of which kind; ``names``, ``describe`` and ``speakers`` give the
canonical name, description and entity of a speaker (pronouns, surnames, role nouns);
``attribute`` runs it all over a document, paragraph by paragraph.
"""
