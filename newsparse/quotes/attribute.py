"""Tie quotations, cues and speakers together, unit by unit and paragraph by paragraph.

Each sentence-like unit (quotations collapsed to one token) is searched for an
attribution - a cue with its speaker phrase (``X said``, ``said X``, ``X, a …, told``,
``according to X``). The attribution's content is what stands on the other side of it:
quotations (direct), a clause mixing writer's words and quoted fragments (partial), or a
clause with no marks (indirect). Quotations no cue claims are continuations of the
paragraph's speaker, introduced by a colon in the previous paragraph, floating quotes
of the previous speaker, or - when short and inside the writer's sentence - scare quotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsparse.model import Document, TextSpan
from newsparse.quotes.cues import CueLexicon
from newsparse.quotes.marks import QSpan, find_quotes
from newsparse.quotes.attributions import Attribution, clause_start, tail_end, find_attributions
from newsparse.quotes.content import (
    ING_CUES,
    SUBORDINATE_START,
    before_scare,
    has_verb,
    is_scare,
    piece_kind,
    reported_pieces,
    trim_piece,
)
from newsparse.quotes.describe import BAD_APPOS_START
from newsparse.quotes.names import (NOT_NAME_CALENDAR, ORG_WORDS, first_name_genders, function_word, plausible_unknown_name,
                                    strip_titles)
from newsparse.quotes.phrases import AGE_NOUN, phrase_kind
from newsparse.quotes.speakers import Person, Speaker, SpeakerIndex
from newsparse.quotes.tokens import PUNCT, Tok, proper_words, split_units, tokenize_paragraph

CONF = {"after-quote": 0.92, "inverted": 0.9, "colon-intro": 0.85, "before-quote": 0.85, "split-quote": 0.9,
        "indirect": 0.75, "according-to": 0.8, "partial": 0.75, "continuation": 0.8, "continued-paragraph": 0.8,
        "same-paragraph": 0.7, "floating": 0.6, "attribution-sentence": 0.85, "mid-attribution": 0.75}
DOCUMENT_NOUNS = {"report", "reports", "survey", "surveys", "data", "study", "studies", "documents", "document",
                  "poll", "polls", "findings", "figures", "records", "numbers", "statistics", "research", "index",
                  "analysis", "estimates", "results", "filing", "filings", "records"}
STATEMENT_NOUNS = {"statement", "release", "memo", "letter", "email", "e-mail", "post", "tweet", "note", "notice"}


@dataclass
class Draft:
    """A quote under construction (resolved to a :class:`Quote` at the end)."""

    start: int
    end: int
    kind: str
    para: int
    rule: str
    speaker: Optional[Speaker] = None
    cue: Optional[TextSpan] = None
    desc: Optional[str] = None
    qspan: Optional[QSpan] = None
    confidence: float = 0.0


@dataclass
class Context:
    """Per-document state shared by the attribution passes."""

    doc: Document
    lex: CueLexicon
    index: SpeakerIndex
    sentence_starts: list[int]
    drafts: list[Draft] = field(default_factory=list)
    proper: frozenset[str] = frozenset()  # words the document capitalises mid-sentence (its names)


# a negated cue reports nothing ("did not say whether …")
NEGATIONS = {"not", "n't", "never"}
# party members named by party ("the Kentucky Republican"): epithets for a person just named
PARTY_NOUNS = {"Republican", "Democrat", "Conservative", "Liberal", "Tory", "Socialist", "Libertarian", "Progressive"}
NAME_CONNECTORS = {"of", "and", "&", "for"}  # lowercase words inside proper names ("Bank of England")


def _person_run_before(toks: list[Tok], i: int, z: int) -> bool:
    """Whether the capitalised words before ``toks[z]`` hold a first name ("Richard Shelby of Alabama")."""
    genders = first_name_genders()
    k = z - 1
    while k >= i and toks[k].w[:1].isupper():
        if genders.get(toks[k].low) and k < z - 1 and not function_word(toks[k].w):  # the list holds "The"
            return True
        k -= 1
    return False


def _group_member(toks: list[Tok], a: Attribution) -> bool:
    """A subject that names a party member by the party's word ("One rural Democrat", "a
    senior Republican"): a description, not a name."""
    return toks[a.sj - 1].w in PARTY_NOUNS and a.sj - a.si >= 2 and \
        (toks[a.si].w[:1].islower() or toks[a.si].low in ("one", "a", "an", "another", "the"))


def _speaker_from(ctx: Context, toks: list[Tok], a: Attribution) -> Speaker:
    text = ctx.doc.text
    i, j = a.si, a.sj
    mtext = text[toks[i].start : toks[j - 1].end]
    kind = phrase_kind(toks, i, j)
    if kind == "pronoun":
        # "they" for the person just named comes first: it holds only when that person is more
        # recent than any organisation that spoke or was a subject
        person = _singular_they(ctx, toks[i].start) if toks[i].low == "they" else None
        if person is None:
            person = ctx.index.resolve_pronoun(toks[i].low, toks[i].start, ctx.sentence_starts)
        if person is not None:
            return Speaker(person.display, toks[i].start, toks[i].end, mtext, kind, person, True, 0.9)
        return Speaker(mtext, toks[i].start, toks[i].end, mtext, kind, None, False, 0.5)
    if toks[i].low == "the" and 2 <= j - i <= 4 and (
            any(AGE_NOUN.match(t.low) for t in toks[i + 1 : j])
            or (toks[j - 1].w in PARTY_NOUNS and all(t.w[:1].isupper() for t in toks[i + 1 : j]))):
        # "the 26-year-old said", "the Kentucky Republican said": an epithet for the person just named
        person = ctx.index.latest_person(toks[i].start)
        if person is not None:
            return Speaker(person.display, toks[i].start, toks[j - 1].end, mtext, "role", person, True, 0.75)
    if kind == "name" and j - i >= 3:
        # "Tim Guest with the health authority", "a spokesperson for Acme": the head is before the link
        for z in range(i + 1, j - 1):
            if toks[z].low in ("of", "for") and toks[z - 1].w[:1].isupper() \
                    and all(t.w[:1].isupper() or t.low in NAME_CONNECTORS for t in toks[z + 1 : j]) \
                    and not _person_run_before(toks, i, z):
                break  # "the Bank of England", "the Ministry of Ecology and Environment": one proper name
            if toks[z].low in ("with", "of", "for", "at", "from", "on", "in") and toks[z - 1].tag in ("NN", "NNS", "NNP", "NNPS") \
                    and not (toks[z].low == "of" and toks[z - 1].low in QUANTITY_HEADS):
                after_words = [t.w for t in toks[z + 1 : j]]
                run = []
                for w in reversed(after_words):
                    if not w[:1].isupper():
                        break
                    run.insert(0, w)
                ends_in_person = len(run) >= 2 and bool(first_name_genders().get(run[-2].lower()) or
                                                        first_name_genders().get(run[0].lower())) \
                    and not ORG_WORDS.search(" ".join(run))
                if ends_in_person is False and toks[z - 1].low in DOCUMENT_NOUNS | STATEMENT_NOUNS \
                        and toks[z].low in ("from", "by", "of") and any(t.w[:1].isupper() for t in toks[z + 1 : j]):
                    # "a statement from the EU said": the organisation speaks
                    i = z + 1
                    kind = phrase_kind(toks, i, j)
                    mtext = text[toks[i].start : toks[j - 1].end]
                    break
                if not ends_in_person:
                    j = z
                    kind = phrase_kind(toks, i, j)
                    mtext = text[toks[i].start : toks[j - 1].end]
                break
    if kind == "name" and j - i >= 2 and toks[j - 1].w in ctx.lex.titles and toks[j - 2].w[:1].islower() \
            and toks[j - 1].tag != "POS":
        kind = "role"  # "one bank CEO", "the team captain": a title with no name is a role
    if kind == "name":
        # the name is the trailing run of capitalised words (titles, possessors and modifiers before it)
        if toks[j - 1].tag == "POS":
            j -= 1
        k = j
        while k > i and toks[k - 1].tag != "POS" and toks[k - 1].low != "the" and (
                toks[k - 1].w[:1].isupper() or (toks[k - 1].low in NAME_CONNECTORS and k - 2 > i - 1 and k < j
                                                and toks[k - 2].w[:1].isupper() and toks[k].w[:1].isupper())):
            k -= 1  # capitalised words, and "of"/"and" between them ("Bank of England")
        while k < j - 1 and (function_word(toks[k].w) or toks[k].low in NOT_NAME_CALENDAR):
            k += 1  # "Even Harbour Transit said", "on Wednesday Vexamo said": not part of the name
        if k == j:
            k = j - 1
        words = [t.w for t in toks[k:j]]
        title_words, name_words = strip_titles(words, ctx.lex.titles)
        if not name_words:
            name_words = words
        off = k + len(words) - len(name_words)
        genders = first_name_genders()
        # "Organizer Dwayne Croteau": a known first name inside the run starts the name
        if len(name_words) >= 3 and not genders.get(name_words[0].lower()) and not plausible_unknown_name(name_words[:1]):
            for z in range(1, len(name_words) - 1):
                if genders.get(name_words[z].lower()):
                    title_words = title_words + name_words[:z]
                    name_words = name_words[z:]
                    off += z
                    break
        ns, ne = toks[off].start, toks[j - 1].end
        name, person = ctx.index.canonical(name_words, ns, ne)
        if person is not None and person.kind == "unknown":
            person.kind = "person" if len(name_words) in (2, 3) and plausible_unknown_name(name_words) and \
                not ORG_WORDS.search(name) else "org"
        if person is not None and person.kind != "person" and name == person.name:
            if off > i and toks[off - 1].low == "the":
                person.article = True
            name = person.display  # organisations are named with their article: "the Red Cross"
        elif off > i and toks[off - 1].low == "the" and person is None:
            name = "the " + name
        sp = Speaker(name, ns, ne, text[ns:ne], kind, person, True, 1.0)
        if person is not None and ns > toks[i].start and not person.description:
            prefix = text[toks[i].start : ns].strip(" ,")
            prefix = re.sub(r"^(?:the|a|an)\b\s*", "", prefix, flags=re.I) if not title_words else prefix
            if prefix and (title_words or toks[off - 1].w[0].islower() or toks[off - 1].w in ctx.lex.titles):
                person.description = prefix
        return sp
    if kind == "role":
        person = ctx.index.resolve_role(toks[i:j], toks[i].start)
        if person is not None:
            return Speaker(person.display, toks[i].start, toks[j - 1].end, mtext, kind, person, True, 0.8)
        if toks[i].low in ("the", "this") and j - i >= 2:
            # "the official" after "a justice official said": the same unnamed speaker
            head = toks[j - 1].low
            for d in reversed(ctx.drafts):
                sp0 = d.speaker
                if sp0 is not None and sp0.kind == "role" and sp0.person is None and sp0.name and \
                        sp0.name.lower().split()[-1] == head and sp0.name.lower().split()[0] in ("a", "an", "one"):
                    return Speaker(sp0.name, toks[i].start, toks[j - 1].end, mtext, kind, None, True, 0.8)
        if _epithet(toks, i, j):
            # "the tall, soft-spoken baker said": a described person is the one just named
            person = ctx.index.latest_person(toks[i].start, max_chars=EPITHET_CHARS)
            if person is not None:
                return Speaker(person.display, toks[i].start, toks[j - 1].end, mtext, kind, person, True, 0.7)
    return Speaker(mtext, toks[i].start, toks[j - 1].end, mtext, "role", None, True, 0.85)


def _singular_they(ctx: Context, pos: int) -> Optional[Person]:
    """``they`` for the person just named, unless an unnamed group ("residents said") spoke since
    (see ``SpeakerIndex.singular_they``)."""
    group = max((d.speaker.mention_start for d in ctx.drafts if d.speaker is not None and d.speaker.person is None
                 and d.speaker.mention_start < pos), default=-1)
    return ctx.index.singular_they(pos, group)


# adjectives of rank, office or anonymity: "the senior official", "the unnamed source" are
# unnamed people, not epithets for somebody named
NOT_EPITHET_ADJ = {"former", "new", "current", "senior", "chief", "top", "deputy", "acting", "local", "federal",
                   "national", "foreign", "other", "same", "first", "second", "third", "last", "previous", "next",
                   "unnamed", "anonymous", "unidentified", "official", "regional", "general", "executive", "associate"}
EPITHET_CHARS = 400  # the person must have been named just before


def _epithet(toks: list[Tok], i: int, j: int) -> bool:
    """``the`` + a describing adjective + a person noun ("the tall, soft-spoken baker")."""
    if toks[i].low != "the" or j - i < 3 or toks[j - 1].tag != "NN":
        return False
    mods = toks[i + 1 : j - 1]
    return any(t.tag == "JJ" and t.w[:1].islower() and t.low not in NOT_EPITHET_ADJ for t in mods) and \
        all(t.tag in ("JJ", "VBN", "RB") or t.w in (",", "-") for t in mods)


# "70 percent of Americans", "a majority of voters": the people after "of" speak
QUANTITY_HEADS = {"percent", "cent", "%", "majority", "minority", "half", "third", "quarter", "most", "share",
                  "proportion", "number", "dozens", "hundreds", "thousands", "millions", "group", "handful"}


def writer_voice(sp: Optional[Speaker]) -> bool:
    """``I believe``, ``we suggest``, ``you write``: the writer or the reader, outside any
    quotation, is no source to report."""
    if sp is None or len(sp.mention_text.split()) != 1:
        return False
    low = sp.mention_text.lower()
    if low in ("i", "we", "you"):
        return sp.person is None
    parts = re.split(r"['’]", low)  # "We've", "I'm": a contraction the name finder took for a name
    return len(parts) == 2 and parts[0] in ("i", "we", "you") and parts[1] in ("ve", "m", "re", "d", "ll")


def _draft(ctx: Context, start: int, end: int, kind: str, para: int, rule: str, sp: Optional[Speaker],
           cue: Optional[TextSpan], qspan: Optional[QSpan] = None, desc: Optional[str] = None) -> Draft:
    conf = CONF.get(rule, 0.6) * (sp.confidence if sp else 1.0)
    d = Draft(start, end, kind, para, rule, sp, cue, desc, qspan, round(conf, 3))
    ctx.drafts.append(d)
    if kind in ("indirect", "partial") and sp is not None:
        ctx.index.note_reported(start, end)
    return d


def process_paragraph(ctx: Context, pi: int, lo: int, hi: int, quotes: list[QSpan], tagger,
                      state: dict) -> None:
    """Find every quotation, partial and indirect quote of one paragraph and attribute it."""
    text = ctx.doc.text
    toks = tokenize_paragraph(text, lo, hi, quotes, tagger, ctx.proper)
    units = split_units(text, toks)
    para_speaker: Optional[Speaker] = None
    pending_bare: list[Draft] = []
    prev_unit_bare: Optional[Draft] = None
    colon_sp = state.pop("colon", None)
    for u in units:
        qi_map = {id(t): k for k, t in enumerate(u) if t.tag == "Q"}
        atts = find_attributions(u, ctx.lex)
        used_q: set[int] = set()
        unit_sp: Optional[Speaker] = None
        if atts:
            a = _choose(u, atts)
            sp = _speaker_from(ctx, u, a)
            cue_span = TextSpan(u[a.ci].start, u[a.cj - 1].end, text[u[a.ci].start : u[a.cj - 1].end])
            desc = None
            if a.appositive:
                s, e = a.appositive
                if e > s:
                    desc = text[u[s].start : u[e - 1].end].strip(" ,")
                    if BAD_APPOS_START.match(desc):
                        desc = None
                    elif (sp.kind == "role" and sp.person is None or _group_member(u, a)) and \
                            2 <= e - s <= 5 and all(t.tag in ("NNP", "NNPS") and t.w[:1].isupper() for t in u[s:e]):
                        # "the head of operations for the agency, Jane Roe, says", "One rural
                        # Democrat, Sen. Jane Roe, said": the name speaks
                        role_text = text[u[a.si].start : u[a.sj - 1].end]
                        name, person = ctx.index.canonical([t.w for t in u[s:e]], u[s].start, u[e - 1].end)
                        sp = Speaker(name, u[s].start, u[e - 1].end, text[u[s].start : u[e - 1].end], "name",
                                     person, True, 1.0)
                        desc = role_text
            unit_sp = sp
            tail = tail_end(u, a)
            left = u[: a.lo]
            right = u[tail:] if tail > a.hi else u[a.hi :]
            left_t, right_t = trim_piece(left), trim_piece(right)
            pieces = reported_pieces(u, a, left, right, left_t, right_t)
            split: list[tuple[list[Tok], str]] = []
            for piece, side in pieces:  # "…, noting that …": a second report by the same speaker
                z = next((z for z in range(1, len(piece) - 2) if piece[z + 1].low in ING_CUES and piece[z + 1].tag != "Q"
                          and (piece[z].w == "," or (piece[z].tag == "Q" and text[piece[z].start : piece[z].end].rstrip().endswith(",")))),
                         None)
                if z is None:
                    split.append((piece, side))
                else:
                    cut = z if piece[z].w == "," else z + 1
                    split.extend([(trim_piece(piece[:cut]), side), (trim_piece(piece[z + 2 :]), side)])
            pieces = [(pc, sd) for pc, sd in split if pc]
            if right_t and right_t[0].low in ING_CUES and all(side != "right" for _, side in pieces):
                # `…," he said, adding that police fired back`: what he added is reported too
                rest = trim_piece(right_t[1:])
                if len(rest) >= 3:
                    pieces.append((rest, "right"))
            if not left_t and not right_t and prev_unit_bare is not None:
                # `"Where?" Brooks says.` - an attribution sentence for the quotation before it
                d = prev_unit_bare
                d.speaker, d.cue, d.rule, d.desc = sp, cue_span, "attribution-sentence", desc
                d.confidence = round(CONF["attribution-sentence"] * sp.confidence, 3)
                if d in pending_bare:
                    pending_bare.remove(d)
            for piece, side in pieces:
                qs_in = [t for t in piece if t.tag == "Q"]
                kind = piece_kind(text, piece, qi_map, u)
                if kind == "direct":
                    rule = "after-quote" if side == "left" else ("colon-intro" if a.hi < len(u) and u[a.hi].w == ":" else "before-quote")
                    if a.inverted and side == "left":
                        rule = "inverted"
                    if a.cue.source:
                        rule = "according-to"
                    if side == "right" and any(t.tag == "Q" for t in left):
                        rule = "split-quote"
                    for t in qs_in:
                        qkind = "direct" if not text[t.start : t.start + 1].islower() or \
                            len(text[t.start : t.end].split()) >= 6 else "partial"
                        _draft(ctx, t.start, t.end, qkind, pi, rule, sp, cue_span, t.q, desc)
                        used_q.add(id(t))
                elif kind == "partial":
                    span = piece[-1].end - piece[0].start
                    inq = sum(t.end - t.start for t in qs_in)
                    # the writer's own verbs; a "verb" right after a determiner is a noun ("the recall")
                    writer_verb = any((t.tag.startswith("VB") or t.tag == "MD")
                                      and not (z > 0 and piece[z - 1].tag in ("DT", "PRP$"))
                                      for z, t in enumerate(piece))
                    if inq >= 0.9 * span or (inq >= 0.6 * span and not writer_verb):
                        # the quotation carries the clause: the writer adds only a subject or an object
                        # ("said Berg "cannot …"", "called the plan "a blunt instrument"") - report the quotation;
                        # a clause of the writer's around it ("officers were "stretched …"") is a partial quote
                        for t in qs_in:
                            nw = len(text[t.start : t.end].split())
                            _draft(ctx, t.start, t.end, "direct" if nw >= 6 else "partial", pi, "before-quote",
                                   sp, cue_span, t.q, desc)
                            used_q.add(id(t))
                    elif not writer_voice(sp):
                        _draft(ctx, piece[0].start, piece[-1].end, "partial", pi,
                               "according-to" if a.cue.source else "partial", sp, cue_span, None, desc)
                        for t in qs_in:
                            used_q.add(id(t))
                else:
                    whole = [t for pc, _ in pieces for t in pc] if len(pieces) == 2 else piece
                    nwords = len([t for t in whole if t.w not in PUNCT])
                    # a clause closed by ", X said." is a report even when the tagger finds no verb in it
                    # ("Sales account for a tenth of profits, X said": "account" read as a noun)
                    closes = side == "left" and tail >= len(u) and nwords >= 5 and whole[0].tag not in ("IN", "VBG") \
                        and whole[0].low not in SUBORDINATE_START
                    ok = a.cue.indirect and nwords >= 3 and (has_verb(whole) or closes) \
                        and not (sp.kind == "role" and sp.person is None and u[a.sj - 1].low in DOCUMENT_NOUNS)
                    if a.cue.needs_that and side == "right" and not any(t.low == "that" for t in u[a.hi : a.hi + 6]):
                        ok = False  # "believes in hard work": belief verbs report only "that" clauses
                    if side == "right" and piece[0].low == "to" and a.listener_end is None:
                        ok = False  # "plans to build": an intention; "urged voters to stay home" is reported
                    if side == "right" and u[a.ci].low.startswith(("writ", "wrote")) and \
                            not any(t.low == "that" or t.w == ":" for t in u[a.hi : a.hi + 6]):
                        ok = False  # "she wrote hundreds of songs": a work written, not words reported
                    if side == "right" and piece[0].low == "by" and len(piece) > 1 and piece[1].low.endswith("ing"):
                        ok = False  # "responded by pushing harder": how, not what was said
                    if writer_voice(sp):
                        ok = False
                    if not a.inverted and any(t.low in NEGATIONS for t in u[max(0, a.ci - 3) : a.ci]):
                        ok = False  # "did not say whether …", "would not say if …": nothing was said
                    if ok:
                        rule = "according-to" if a.cue.source else ("mid-attribution" if len(pieces) == 2 else "indirect")
                        piece = before_scare(piece)
                        _draft(ctx, piece[0].start, piece[-1].end, "indirect", pi, rule, sp, cue_span, None, desc)
                        for t in piece:
                            if t.tag == "Q":
                                used_q.add(id(t))
            if u[-1].w == ":" or (a.hi < len(u) and trim_piece(u[a.hi :]) == [] and any(t.w == ":" for t in u[a.hi :])):
                state["colon"] = sp
            if sp.person is not None:
                ctx.index.note_speaker(sp.mention_start, sp.mention_end, sp.person, a.cue.lemma)
            para_speaker = sp
        # quotations no attribution claimed
        prev_unit_bare = None
        only_q = all(t.tag == "Q" or t.w in PUNCT for t in u)
        for k, t in enumerate(u):
            if t.tag != "Q" or id(t) in used_q:
                continue
            starts_unit = all(x.w in PUNCT for x in u[:k])
            nwords = len(text[t.start : t.end].split())
            if k > 0 and u[k - 1].w == ":" and nwords >= 8 and all(x.w in PUNCT for x in u[k + 1 :]):
                # "She has one complaint: "…"": a quotation set off by a colon is displayed speech,
                # not a fragment of the writer's sentence
                starts_unit = True
            if writer_voice(unit_sp):
                unit_sp = None  # the writer's or reader's own sentence: its fragments are nobody's quote
            if is_scare(text, t.q, u, k) or (not starts_unit and nwords <= 3):
                if unit_sp is not None and not is_scare(text, t.q, u, k):
                    _draft(ctx, t.start, t.end, "partial", pi, "partial", unit_sp, None)
                else:
                    _draft(ctx, t.start, t.end, "scare", pi, "scare", None, None)
                continue
            if not starts_unit and not only_q:
                # a fragment inside the writer's sentence: the sentence's speaker's words, else a term
                if unit_sp is not None:
                    _draft(ctx, t.start, t.end, "partial", pi, "partial", unit_sp, None)
                else:
                    _draft(ctx, t.start, t.end, "scare", pi, "scare", None, None)
                continue
            ends_unit = all(x.w in PUNCT for x in u[k + 1 :])
            if not only_q and not ends_unit and nwords <= 6 and unit_sp is None:
                _draft(ctx, t.start, t.end, "scare", pi, "scare", None, None)
                continue
            d = _draft(ctx, t.start, t.end, "direct", pi, "continuation", None, None, t.q)
            if t.q.continues and t.q.chain in state.get("chains", {}):
                d.speaker = state["chains"][t.q.chain]
                d.rule = "continued-paragraph"
            elif colon_sp is not None and not any(dd.para == pi and dd.speaker for dd in ctx.drafts[:-1]):
                d.speaker, d.rule = colon_sp, "colon-intro"
            elif para_speaker is not None:
                d.speaker = para_speaker
            else:
                pending_bare.append(d)
            d.confidence = round(CONF[d.rule] * (d.speaker.confidence if d.speaker else 1.0), 3)
            if k == len(u) - 1 or all(x.w in PUNCT for x in u[k + 1 :]):
                prev_unit_bare = d
    # quotations before the paragraph's first attribution take the paragraph's speaker
    first_sp = next((d.speaker for d in ctx.drafts if d.para == pi and d.speaker is not None and
                     d.rule not in ("floating",)), None)
    for d in pending_bare:
        if d.speaker is None and first_sp is not None:
            d.speaker, d.rule = first_sp, "same-paragraph"
            d.confidence = round(CONF["same-paragraph"] * first_sp.confidence, 3)
        elif d.speaker is None:
            d.rule = "floating"
            state.setdefault("floating", []).append(d)
    for d in ctx.drafts:
        if d.para == pi and d.qspan is not None and d.speaker is not None:
            state.setdefault("chains", {})[d.qspan.chain] = d.speaker


def _choose(u: list[Tok], atts: list[Attribution]) -> Attribution:
    """The unit's main attribution: one next to a quotation, else one whose subject starts a clause."""
    for a in atts:
        if (a.lo > 0 and u[a.lo - 1].tag == "Q") or (a.lo > 1 and u[a.lo - 1].w == "," and u[a.lo - 2].tag == "Q"):
            return a
    for a in atts:
        if clause_start(u, a.lo) and not a.inverted:
            return a
    return atts[0]


def attribute(doc: Document, lex: CueLexicon, tagger, index: SpeakerIndex, max_float_paragraphs: int = 2) -> list[Draft]:
    """All quote drafts of a document, with speakers (floating quotes resolved last)."""
    text = doc.text
    paras = [(p.start, p.end) for p in doc.paragraphs if getattr(p, "kind", "paragraph") not in ("heading", "caption", "title")] \
        if doc.paragraphs else [(0, len(text))]
    qspans = find_quotes(text, paras)
    index.set_quoted([(q.start, q.end) for q in qspans])
    by_para: dict[int, list[QSpan]] = {}
    for q in qspans:
        by_para.setdefault(q.para, []).append(q)
    starts = sorted(s.start for s in doc.sentences) if doc.sentences else []
    ctx = Context(doc, lex, index, starts)
    ctx.proper = proper_words(text, paras)
    state: dict = {}
    for pi, (lo, hi) in enumerate(paras):
        qs = by_para.get(pi, [])
        seg = text[lo:hi]
        if not qs and not _may_have_cue(seg, lex):
            state.pop("colon", None)
            continue
        process_paragraph(ctx, pi, lo, hi, qs, tagger, state)
    _resolve_floating(ctx, state, max_float_paragraphs, paras)
    # chains: earlier pieces of a multi-paragraph quotation take the speaker found in a later piece
    chain_sp = state.get("chains", {})
    for d in ctx.drafts:
        if d.qspan is not None and d.speaker is None and d.qspan.chain in chain_sp:
            d.speaker, d.rule = chain_sp[d.qspan.chain], "continued-paragraph"
            d.confidence = round(CONF["continued-paragraph"] * d.speaker.confidence, 3)
    return ctx.drafts


_WORD = re.compile(r"[a-z]+")


def _may_have_cue(seg: str, lex: CueLexicon) -> bool:
    """Cheap test that a paragraph holds a cue word (most paragraphs hold none)."""
    first = lex.__dict__.get("_first_set")
    if first is None:
        first = frozenset(lex.by_first)
        lex.__dict__["_first_set"] = first
    return not first.isdisjoint(_WORD.findall(seg.lower()))


def _resolve_floating(ctx: Context, state: dict, max_paras: int, paras: list[tuple[int, int]]) -> None:
    """A quotation with no cue continues the latest speaker - or the person the text just turned to
    (the subject of a sentence in the paragraph before it), whichever came last."""
    drafts = sorted(ctx.drafts, key=lambda d: d.start)
    quoted = sorted((d.start, d.end) for d in drafts if d.qspan is not None)
    qstarts = [q[0] for q in quoted]
    index = ctx.index
    last: Optional[Draft] = None
    for d in drafts:
        if d.kind == "scare":
            continue
        if d.speaker is None and d.rule == "floating":
            last_ok = last is not None and d.para - last.para <= max_paras
            last_pos = (last.speaker.mention_start if last and last.speaker else -1) if last_ok else -1
            lo = paras[d.para - 1][0] if d.para > 0 else paras[d.para][0]
            rec = index.latest_subject(lo, d.start, quoted, qstarts)
            if rec is not None and rec.start > last_pos:
                p = index.upgrade(rec.person, rec.start)
                d.speaker = Speaker(p.display, rec.start, rec.end, ctx.doc.text[rec.start : rec.end], "name", p, True, 0.8)
            elif last_ok:
                d.speaker = last.speaker
            if d.speaker is not None:
                d.confidence = round(CONF["floating"] * d.speaker.confidence, 3)
            continue
        if d.speaker is not None:
            last = d
