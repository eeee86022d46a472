"""quotes: direct, partial and indirect quotations with canonical speakers, cues and descriptions.

The machinery lives in :mod:`newsparse.quotes`; this module is the stage contract:
parameters, lexicon and tagger loading (once), and writing :class:`Quote` objects and
entity links onto the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsparse.model import Document, Quote, TextSpan
from newsparse.stages.base import Stage


# an upper-case place (and region) line with a dash, or a wire credit, before the first sentence
DATELINE = re.compile(r"(?:[A-Z][A-Z.'’ -]{2,}(?:,[^—–\n]{1,40}?)?(?:\s*\([A-Za-z .]{2,20}\))?|\(?[A-Z][A-Za-z .]{1,20}\))"
                      r"\s*(?:—|–|--)\s*")


def _p(default, help: str):  # noqa: A002 - "help" is the registry's metadata key
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass
class QuotesParams:
    min_words: int = _p(1, "drop quotes with fewer words")
    extra_cues: list[str] = _p([], "more cue verbs or phrases, added to the packaged lexicon")
    cues: list[str] = _p([], "same as extra_cues (kept for older configs)")
    cues_file: Optional[str] = _p(None, "a YAML cue lexicon (shaped like newsparse/quotes/cues.yaml) added to the packaged one")
    indirect: bool = _p(True, "report indirect (reported) speech")
    keep_scare: bool = _p(True, "keep scare quotes as kind 'scare' (never attributed)")
    floating_paragraphs: int = _p(4, "how many paragraphs back a quote with no cue may find its speaker")
    min_confidence: float = _p(0.0, "drop attributed quotes below this confidence")


class QuotesStage(Stage):
    """Who said what: quotations in every mark style, partial and indirect speech, speakers resolved."""

    name = "quotes"
    Params = QuotesParams
    description = "quotations (direct, partial, indirect) with canonical speaker, cue and description"

    def __init__(self, params: QuotesParams | None = None) -> None:
        super().__init__(params)
        self._lex = None

    @property
    def lexicon(self):
        if self._lex is None:
            from newsparse.quotes.cues import load_lexicon

            self._lex = load_lexicon(self.params.cues_file,
                                     tuple(self.params.extra_cues or ()) + tuple(self.params.cues or ()))
        return self._lex

    def process(self, doc: Document) -> Document:
        from newsparse.nlp.pos import load_tagger
        from newsparse.quotes.attribute import attribute
        from newsparse.quotes.describe import clean_description
        from newsparse.quotes.speakers import SpeakerIndex

        if not doc.text:
            doc.quotes = []
            return doc
        if not doc.sentences:
            from newsparse.stages.segment import split_sentences

            for p in doc.paragraphs or []:
                doc.sentences.extend(split_sentences(doc.text, p.start, p.end))
        lex = self.lexicon
        index = SpeakerIndex.build(doc, lex)
        drafts = attribute(doc, lex, load_tagger(), index, self.params.floating_paragraphs)
        p = self.params
        quotes: list[Quote] = []
        text = doc.text
        for d in sorted(drafts, key=lambda d: d.start):
            if d.kind == "scare" and not p.keep_scare:
                continue
            if d.kind == "indirect" and not p.indirect:
                continue
            if d.kind != "scare" and len(text[d.start : d.end].split()) < max(p.min_words, 1):
                continue
            if d.kind != "scare" and d.confidence < p.min_confidence:
                continue
            if d.kind in ("indirect", "partial"):
                m = DATELINE.match(text, d.start, d.end)
                if m and m.end() < d.end:
                    d.start = m.end()  # "BERLIN -- The agency says …": the place line is not what was said
            end = d.end
            while end > d.start + 1 and text[end - 1] in ",;: ":
                end -= 1  # the comma before "she said" is punctuation of the sentence, not of the quote
            d.end = end
            sp = d.speaker
            desc = d.desc
            if sp is not None and sp.person is not None and not clean_description(desc):
                desc = index.description(sp.person)
            desc = clean_description(desc)
            q = Quote(
                start=d.start, end=d.end, text=text[d.start : d.end], kind=d.kind,
                speaker=sp.name if sp else None,
                speaker_mention=TextSpan(sp.mention_start, sp.mention_end, sp.mention_text) if sp else None,
                speaker_description=desc if sp else None,
                cue=d.cue, confidence=d.confidence if d.kind != "scare" else 0.0, rule=d.rule,
            )
            if sp is not None and sp.person is not None and sp.person.entity:
                q.entity = sp.person.entity
            quotes.append(q)
        doc.quotes = quotes
        link_speakers(doc)
        return doc


def link_speakers(doc: Document) -> None:
    """Point each quote at its speaker's entity (by mention, then by name) and count ``quoted``."""
    by_id = {e.id: e for e in doc.entities}
    by_name: dict[str, object] = {}
    for e in doc.entities:
        by_name.setdefault(e.name.lower(), e)
        for a in e.aliases:
            by_name.setdefault(a.lower(), e)
    for e in doc.entities:
        e.quoted = 0
    for q in doc.quotes:
        if q.kind == "scare" or not q.speaker:
            q.entity = None
            continue
        ent = by_id.get(q.entity) if q.entity else None
        if ent is None:
            ent = by_name.get(q.speaker.lower())
        if ent is not None:
            q.entity = ent.id
            ent.quoted += 1
