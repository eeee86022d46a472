"""entities: named entities found by the in-house CRF, typed, merged across aliases and counted.

Tagging runs on CoNLL-style tokens of each sentence (``newsparse.ner.tokens``); mentions are
character spans into ``doc.text``. See docs/entities.md for the model, its scores and the rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from newsparse.model import Document, Entity, Mention
from newsparse.stages.base import Stage

ALL_TYPES = "PERSON,ORG,GPE,LOC,NORP,MISC"
#: words a name never starts or ends with (a tagger's ragged edge: "Vexa of", "- Oslo")
EDGE_WORDS = {"of", "and", "for", "in", "on", "at", "to", "by", "with", "'s", "’s", "'", "’", "-", ",", ".", "(",
              ")", '"', "“", "”", ":", ";", "&"}

#: lower-case words a name never ends with (but may start with: ``A Tribe``, ``The Hague``)
END_WORDS = {"the", "a", "an"}


@dataclass
class EntitiesParams:
    min_count: int = field(default=1, metadata={"help": "report entities mentioned at least this often"})
    types: str = field(default=ALL_TYPES, metadata={"help": "comma-separated entity types to report"})
    propagate: bool = field(default=True, metadata={
        "help": "also count capitalised occurrences of a recognised name that the tagger missed"})
    merge: bool = field(default=True, metadata={
        "help": "merge aliases: surnames, country short forms, acronyms, short organisation names"})
    count_pronouns: bool = field(default=False, metadata={
        "help": "count he/she/him/her as mentions of the closest preceding person"})
    model: str = field(default="", metadata={
        "help": "path of another exported CRF (.npz) used for every document; empty: the shipped ones"})
    model_genre: Literal["auto", "news", "web"] = field(default="auto", metadata={
        "help": "which shipped model tags: auto (news or web text, decided per document), news or web"})


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """The sentence spans to tag: the segment stage's, else paragraphs/lines of the text."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    return [m.span() for m in re.finditer(r"[^\n]+", doc.text)]


#: ``doc.extra`` key: the genre the document was tagged as (``news`` / ``web``), or ``custom``
#: when the ``model`` parameter names a model
GENRE_KEY = "entities_model"


def choose_model(text: str, model: str = "", model_genre: str = "auto") -> tuple[str, str]:
    """The model path to tag ``text`` with and its genre: a given ``model`` wins; ``auto`` asks
    the genre detector (``newsparse.ner.genre``), which sends a document to the web-text model
    only when it is sure."""
    if model:
        return model, "custom"
    genre = model_genre
    if genre == "auto":
        from newsparse.ner.genre import route

        genre = route(text)
    if genre == "web":
        from newsparse.ner.model import WEB_MODEL_PATH

        return str(WEB_MODEL_PATH), "web"
    return "", "news"


#: ``doc.extra`` key: token spans per sentence to tag instead of the stage's own tokenisation
#: (the entity evaluator passes a corpus's gold tokens, as NER benchmarks are scored)
GIVEN_TOKENS = "ner_tokens"


def tagged_mentions(text: str, sentences: list[tuple[int, int]], model: str = "",
                    given: list[list[tuple[int, int]]] | None = None):
    """Run the CRF over each sentence; return typed RawMentions and all token spans."""
    from newsparse.ner.corpora import spans
    from newsparse.ner.mentions import RawMention
    from newsparse.ner.model import tag_sentences
    from newsparse.ner.retyping import refine_type
    from newsparse.ner.tokens import word_spans

    toks_per_sent = given if given is not None else [word_spans(text, s, e) for s, e in sentences]
    words = [[text[a:b] for a, b in toks] for toks in toks_per_sent]
    tags = tag_sentences(words, model or None)
    mentions: list[RawMention] = []
    for toks, tg in zip(toks_per_sent, tags):
        for i, j, typ in spans(tg):
            while i < j and text[toks[i][0]:toks[i][1]].lower() in EDGE_WORDS:
                i += 1
            while j > i and (text[toks[j - 1][0]:toks[j - 1][1]].lower() in EDGE_WORDS
                             or text[toks[j - 1][0]:toks[j - 1][1]] in END_WORDS):
                j -= 1
            if i == j:
                continue
            s, e = toks[i][0], toks[j - 1][1]
            surface = text[s:e]
            if not any(c.isalnum() for c in surface):
                continue
            mentions.append(RawMention(s, e, surface, refine_type(surface, typ)))
    all_tokens = [t for toks in toks_per_sent for t in toks]
    return mentions, all_tokens


class EntitiesStage(Stage):
    """Tag names with the CRF, make their types consistent, merge aliases and count mentions."""

    name = "entities"
    Params = EntitiesParams
    description = "named entities (CRF), typed, merged and counted"

    def process(self, doc: Document) -> Document:
        from newsparse.ner import mentions as mn
        from newsparse.ner import merge as mg
        from newsparse.ner import retyping as rt
        from newsparse.ner import spans as sp
        from newsparse.ner.model import paused_gc

        text = doc.text
        if not text.strip():
            doc.entities = []
            return doc
        sentences = sentence_spans(doc)
        model_path, genre = choose_model(text, self.params.model, self.params.model_genre)
        doc.extra[GENRE_KEY] = genre
        with paused_gc():  # the caches of new word types fill in bursts (see ner/model.py)
            mentions, tokens = tagged_mentions(text, sentences, model_path, doc.extra.get(GIVEN_TOKENS))
        mentions = sp.clean_symbols(mentions, text)
        web = genre == "web"
        if not web:  # text written without capitals: a lower-case edge word is no evidence
            mentions = sp.drop_lowercase_common(sp.lowercase_edges(mentions, text))
        mentions = sp.clean_edges([sp.strip_titles(m, text) for m in mentions], text)
        if not web:  # web corpora keep "U.S. Treasury" one ORG; news articles name the country apart
            mentions = sp.split_country_prefix(mentions, tokens, text)
        mentions = sp.split_person_tail(mentions, tokens, text)
        mentions = sp.split_firm_title_person(mentions, text)
        mentions = rt.title_firms(text, mentions)
        mentions = rt.camel_case_firms(mentions)
        mentions = rt.legal_forms(mentions)
        mentions = rt.ampersand_firms(text, mentions)
        mentions = sp.cut_contact_labels(mentions, text)
        mentions = rt.cued_sources(text, mentions)
        mentions = sp.drop_common_acronyms(text, mentions)
        mentions = rt.city_state(text, mentions)
        mentions = sp.postal_addresses(text, mentions)
        mentions = sp.split_place_pairs(mentions)
        mentions = sp.headline_runs(text, mentions)
        mentions = rt.listed_with_firms(text, mentions)
        mentions = rt.listed_with_places(text, mentions)
        mentions = rt.listed_with_people(text, mentions)
        mentions = sp.numbered_bills(text, mentions)
        mentions = sp.possessive_businesses(text, mentions)
        mentions = rt.celestial_bodies(mentions)
        rt.consistent_types(mentions)
        if self.params.propagate:
            mentions = mg.coordinated(text, mentions)
            mentions = mg.propagate(text, mentions)
            mentions = rt.gendered_names(text, mentions)  # needs every mention of a name
            mentions = sp.drop_common_acronyms(text, mentions)  # coordination may add them back
        if self.params.merge:
            groups = mg.merge(mentions, text)
        else:
            groups = []
            by_form: dict[str, mg.Group] = {}
            for m in mentions:
                key = mn.normal_form(m.text)
                if key not in by_form:
                    by_form[key] = mg.Group(key)
                    groups.append(by_form[key])
                by_form[key].mentions.append(m)
        if self.params.count_pronouns:
            mg.resolve_pronouns(text, groups, sentences)
        wanted = {t.strip().upper() for t in self.params.types.split(",") if t.strip()}
        entities: list[Entity] = []
        for g in groups:
            if g.type not in wanted or len(g.mentions) < self.params.min_count:
                continue
            ms = sorted(g.mentions, key=lambda m: m.start)
            aliases: list[str] = []
            for m in ms:
                form = mn.normal_form(m.text)
                if m.source != "pronoun" and form not in aliases:
                    aliases.append(form)
            entities.append(Entity(id="", name=mg.canonical_name(g), type=g.type, count=len(ms), aliases=aliases,
                                   mentions=[Mention(m.start, m.end, text[m.start:m.end]) for m in ms]))
        entities.sort(key=lambda e: (-e.count, e.mentions[0].start if e.mentions else 0))
        for i, e in enumerate(entities, 1):
            e.id = f"e{i}"
        doc.entities = entities
        return doc
