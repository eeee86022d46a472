"""Quotation finding and speaker attribution (the ``quotes`` stage's machinery).

``marks`` pairs quotation marks, ``cues`` holds the cue lexicon, ``tokens`` turns a
paragraph into tagged tokens and sentence units, ``speakers`` finds and names speakers,
``attribute`` ties quotes, cues and speakers together.
"""
