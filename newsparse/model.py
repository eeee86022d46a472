"""The one document model every stage reads and writes.

Every span (paragraph, sentence, token, quote, cue, speaker mention, entity
mention) is a pair of character offsets into ``Document.text`` - the cleaned
text - so any output can be checked by slicing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Span:
    """A half-open character range ``[start, end)`` into the cleaned text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class TextSpan(Span):
    """A span that also carries the text it covers (for output and checks)."""

    text: str = ""


@dataclass
class Block:
    """A unit of the extracted page before cleaning, in reading order.

    ``kind`` is one of: ``paragraph``, ``heading``, ``caption``, ``blockquote``,
    ``list_item``, ``title``, ``byline``, ``table``. Extractors emit blocks; the
    clean stage decides which become part of ``Document.text``.
    """

    text: str
    kind: str = "paragraph"


@dataclass
class Paragraph(Span):
    """A paragraph of the cleaned text; ``kind`` as for :class:`Block`."""

    kind: str = "paragraph"


@dataclass
class Token(Span):
    """A word or punctuation token; ``pos`` is filled by a tagger if one runs."""

    pos: Optional[str] = None


@dataclass
class Metadata:
    """Article metadata. ``date`` is ISO ``YYYY-MM-DD`` and only set when the page states it."""

    title: Optional[str] = None
    date: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    source: Optional[str] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None
    description: Optional[str] = None


@dataclass
class Removed:
    """A line or block that cleaning removed, and why (``--explain``)."""

    text: str
    reason: str
    stage: str = "clean"


@dataclass
class Quote(Span):
    """A quotation: ``text[start:end]`` is the quoted words without quotation marks."""

    text: str = ""
    kind: str = "direct"  # direct | partial | indirect | scare
    speaker: Optional[str] = None  # canonical name
    speaker_mention: Optional[TextSpan] = None
    speaker_description: Optional[str] = None
    cue: Optional[TextSpan] = None
    entity: Optional[str] = None
    confidence: float = 0.0
    rule: Optional[str] = None  # which rule attributed it (--explain)


@dataclass
class Mention(TextSpan):
    """One occurrence of an entity in the cleaned text."""


@dataclass
class Entity:
    """A named entity with its merged aliases and counted mentions."""

    id: str
    name: str
    type: str
    count: int = 0
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quoted: int = 0


@dataclass
class Document:
    """The article as it moves through the pipeline.

    ``raw`` is the decoded input (HTML or text); ``blocks`` what extraction found;
    ``text`` the cleaned body every offset indexes.
    """

    input: str
    raw: str = ""
    content_type: str = "text"  # "html" | "text"
    url: Optional[str] = None
    metadata: Metadata = field(default_factory=Metadata)
    blocks: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_lines(cls, text: str, input: str = "text") -> "Document":
        """A document whose ``text`` is already clean, one paragraph per non-blank line: where a
        benchmark or a test starts after the clean stage (segment, entities, quotes)."""
        doc = cls(input=input, text=text)
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                doc.paragraphs.append(Paragraph(pos, pos + len(line)))
            pos += len(line) + 1
        return doc


@dataclass
class Analysis:
    """The typed result of :func:`newsparse.analyze`: the document plus how it was made."""

    document: Document
    stages: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def metadata(self) -> Metadata:
        return self.document.metadata

    @property
    def quotes(self) -> list[Quote]:
        return self.document.quotes

    @property
    def entities(self) -> list[Entity]:
        return self.document.entities

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        from newsparse.output.record import analysis_to_dict

        return analysis_to_dict(self, explain=explain)
