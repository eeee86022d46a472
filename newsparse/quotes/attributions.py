"""Attributions: a cue from the lexicon with its speaker phrase, found in one sentence unit
(``X said``, ``said X``, ``X, a …, told``, ``according to X``, ``…, saying``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from newsparse.nlp.dateline import dateline_at
from newsparse.quotes.cues import Cue, CueLexicon
from newsparse.quotes.phrases import DETS, NON_SPEAKER_HEADS, PRONOUNS, SKIP_BEFORE_CUE, np_after, np_before, phrase_kind
from newsparse.quotes.tokens import PUNCT, Tok

TAIL_PREPS = {"in", "on", "at", "during", "to", "after", "before", "via", "with", "from", "last", "this", "earlier",
              "later", "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "recently", "when", "while", "over", "through", "by", "of", "for", "the", "a",
              "an", "an", "his", "her", "their", "its", "and", "again", "also", "then", "previously", "morning",
              "afternoon", "evening", "night", "week", "month", "year", "ago"}
PERSONISH_SUFFIXES = ("er", "ers", "ist", "ists", "ian", "ians", "or", "ors", "ant", "ants", "ent", "ents", "ee",
                      "ees", "man", "men", "woman", "women", "person", "people")


@dataclass
class Attribution:
    """A cue (token range) with its speaker phrase (token range) in one unit."""

    ci: int
    cj: int
    si: int
    sj: int
    cue: Cue
    inverted: bool = False
    appositive: Optional[tuple[int, int]] = None  # token range of an appositive description
    borrowed: bool = False  # the speaker is the sentence's subject, away from the cue
    listener_end: Optional[int] = None  # index after the listener of "told reporters …"
    lo: int = 0  # token range of the whole attribution block
    hi: int = 0


def _speakerish(toks: list[Tok], i: int, j: int, lex: CueLexicon, strict: bool = False) -> bool:
    kind = phrase_kind(toks, i, j)
    if kind != "role":
        return True
    h = j - 1
    for z in range(i + 1, j - 1):  # "a spokesperson for the fire service": the head comes before the link
        if toks[z].low in ("of", "for", "at", "from", "with", "on", "in", "to") and toks[z - 1].tag in ("NN", "NNS"):
            h = z - 1
            break
        if toks[z].low in ("familiar", "close") and z > i:  # "sources familiar with the talks"
            h = z - 1
            break
        if toks[z].low in ("like", "including", "such") and toks[z - 1].tag == "NNS":  # "farmers like X"
            h = z - 1
            break
    head = toks[h].low
    if any(t.low.endswith("year-old") for t in toks[i:j]):
        return True  # "the 26-year-old right wing": an age makes the phrase a person
    return head in lex.speaker_nouns or head.endswith(PERSONISH_SUFFIXES) or head.endswith("year-old") or \
        (toks[h].tag == "NNS" and not strict)


OBJECT_PRONOUNS = {"me", "him", "her", "us", "them", "you"}
# words that open a clause and are never its subject ("When asked", "If pressed", "As noted")
SUBORDINATORS = {"when", "if", "as", "once", "unless", "while", "although", "though", "before", "after", "until",
                 "because", "since", "whether", "where", "how", "why", "what", "whenever", "wherever"}
# object verbs that cannot report without a listener ("told a story" is no report; "warned the plan
# would fail" is)
NEED_LISTENER = {"tell", "assure", "inform", "remind"}


def _listener_np(toks: list[Tok], j: int) -> Optional[int]:
    """Index after a noun phrase at ``j`` ("The Star-Ledger of Newark", "a packed crowd"), ending
    before a time word ("… Tuesday morning", "… last week"); None without a noun."""
    n = len(toks)
    k = j + 1 if toks[j].low in DETS or toks[j].tag in ("DT", "PRP$") else j
    last = None
    while k < n and k - j < 10:
        t = toks[k]
        if t.tag == "Q" or t.w in PUNCT or t.low in NON_SPEAKER_HEADS or t.low in ("last", "this", "next"):
            break
        if t.tag in ("NNP", "NNPS", "NN", "NNS", "CD"):
            last = k
        elif t.low == "of" and last is not None and k + 1 < n and toks[k + 1].tag in ("NNP", "NNPS"):
            pass  # "The Star-Ledger of Newark"
        elif t.tag not in ("JJ", "JJR", "JJS", "POS", "HYPH", "VBN", "VBG"):  # "a packed crowd"
            break
        k += 1
    return None if last is None else last + 1


def _listener_end(toks: list[Tok], j: int, lex: CueLexicon) -> Optional[int]:
    """Index after the listener object at ``j`` ("told *reporters*", "told *the Canadian Press*",
    "told *him*"), or None when what follows names no audience."""
    if j >= len(toks):
        return None
    t = toks[j]
    if t.tag == "Q" or t.low in ("that", "this", "those", "these") or t.w in PUNCT:
        return None  # "warned that …": the report itself starts here
    if t.low in OBJECT_PRONOUNS and not (t.low == "her" and j + 1 < len(toks) and toks[j + 1].tag.startswith(("NN", "JJ"))):
        return j + 1  # "told her", not "urged her mother": there "her" is a determiner
    end = _listener_np(toks, j)
    if end is None:
        return None
    if _speakerish(toks, j, end, lex):
        return end  # people or a name: "told reporters on Monday", "told the House before …"
    # after another noun ("a packed crowd"), a report follows: at once ("that …", a clause, a
    # quotation) or after place and time phrases ("… in Salem on Monday that …"); a preposition
    # with no "that" after it means the noun was what was told ("told a story about …")
    nxt = toks[end] if end < len(toks) else None
    if nxt is None or nxt.tag != "IN" or nxt.low == "that":
        return end
    for z in range(end, min(len(toks), end + 16)):
        if toks[z].low == "that":
            return end
        if toks[z].tag.startswith("VB") or toks[z].tag in ("MD", "Q"):
            break
    return None


def dateline_end(toks: list[Tok]) -> int:
    """Index after the dash of a dateline opening the unit (``BUFFALO, N.Y. —``; see
    ``newsparse.nlp.dateline``), 0 when the unit opens with none."""
    joined, starts = "", []
    for t in toks[:16]:
        starts.append(len(joined))
        joined += t.w + " "
    r = dateline_at(joined)
    if r is None:
        return 0
    return next((z for z, at in enumerate(starts) if at >= r[1]), len(starts))


ABBREVIATIONS = {"Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "St", "Bros", "Mfg", "Assn", "Dept", "Univ", "Ph.D", "U.S", "U.K"}


BE_FORMS = {"is", "was", "were", "are", "been", "be", "being", "'s", "’s"}


def passive_cue(toks: list[Tok], k: int) -> bool:
    """``it is alleged``, ``he was told``, ``the deal was announced``: the subject of a passive
    cue did not speak (``was saying`` is progressive, not passive)."""
    if toks[k].low.endswith("ing"):
        return False
    z = k - 1
    while z >= 0 and z >= k - 3 and toks[z].low in ("also", "not", "n't", "never", "widely", "often", "reportedly",
                                                     "previously", "later", "then", "first", "repeatedly", "already"):
        z -= 1
    return z >= 0 and toks[z].low in BE_FORMS


def clause_start(toks: list[Tok], i: int) -> bool:
    """Whether a subject phrase at ``i`` starts its clause (unit start, after an intro, a quote or a conjunction)."""
    if i == 0:
        return True
    p = toks[i - 1]
    if p.tag == "Q" or p.low in ("and", "but", "meanwhile", "so", "while", "as", "because", "although", "after",
                                 "when", "though", "since", ":", "—", "that", "where", "before", "if"):
        return True
    if p.w in (",", ")"):  # ")": after a parenthetical aside or an inline photo credit
        return True
    return False


def find_attributions(toks: list[Tok], lex: CueLexicon) -> list[Attribution]:
    """Every cue in the unit that has a speaker phrase (subject, inverted, appositive or source)."""
    lows = [t.low for t in toks]
    out: list[Attribution] = []
    k = 0
    n = len(toks)
    while k < n:
        t = toks[k]
        if t.tag == "Q":
            k += 1
            continue
        cue = lex.match(lows, k)
        if cue is not None and t.w[0].isupper() and k > 0 and not cue.source:
            cue = None  # "Amir Said": a name, not the verb
        if cue is None or (len(cue.words) == 1 and t.tag.startswith("NN") and t.low not in ("says", "said", "told")
                           and not (k > 0 and toks[k - 1].tag == "Q")):  # `"…," comments Hale`: a verb
            k += 1
            continue
        cj = k + len(cue.words)
        att: Optional[Attribution] = None
        if cue.source:
            r = np_after(toks, cj, lex)
            if r and _speakerish(toks, r[0], r[1], lex, strict=True):
                att = Attribution(k, cj, r[0], r[1], cue, inverted=True)
        else:
            pk = k - 1
            while pk >= 0 and pk >= k - 3 and toks[pk].w[0].islower() and \
                    (toks[pk].low in SKIP_BEFORE_CUE or toks[pk].tag in ("RB", "MD")) and toks[pk].low not in PRONOUNS:
                pk -= 1
            prev = toks[pk] if pk >= 0 else None
            if prev is not None and prev.w != "," and prev.tag != "Q" and prev.w not in ("—", ":") \
                    and not passive_cue(toks, k):
                r = np_before(toks, k, lex)
                if r and r[1] - r[0] == 1 and toks[r[0]].low in SUBORDINATORS:
                    r = None  # "When asked …, he replied": a clause opener, read as a name at a sentence start
                if r and _speakerish(toks, r[0], r[1], lex) and not (r[1] - r[0] > 1 and toks[r[0]].low == "that"):
                    att = Attribution(k, cj, r[0], r[1], cue)
            # inverted order is "said X", "says X", "added X": not "adding rooms", "recommend products"
            finite = not t.low.endswith("ing")
            if att is None and (prev is None or prev.w in (",", "—") or prev.tag == "Q") and not cue.takes_object \
                    and finite:
                r = np_after(toks, cj, lex)
                if r is not None and toks[r[0]].low != "that":  # "…, said that Rudolph …": a clause, not a speaker
                    after = toks[r[1]] if r[1] < n else None
                    if (after is None or after.w in PUNCT or after.tag == "Q" or after.low in TAIL_PREPS) \
                            and _speakerish(toks, r[0], r[1], lex, strict=prev is None or prev.tag != "Q"):
                        att = Attribution(k, cj, r[0], r[1], cue, inverted=True)
            if att is None and prev is not None and prev.w == ",":
                att = _appositive_subject(toks, pk + 1, cj, cue, lex, k)
            if att is None and prev is not None and prev.low == "to" and not out and cj < n and (
                    toks[cj].tag == "Q" or (toks[cj].w in (",", ":") and cj + 1 < n and toks[cj + 1].tag == "Q")):
                # `He went on to say, "…"`: the quotation is the sentence subject's
                att = _clause_subject(toks, k, cj, cue, lex)
            if att is None and prev is not None and (prev.w == "," and t.low.endswith("ing") or prev.low == "and") \
                    and not out and cue.indirect:
                # "Roy Graf protested the bills, saying …", "Pompeo praised China and said …":
                # the clause's subject at the start of the sentence speaks
                att = _clause_subject(toks, k, cj, cue, lex)
        if att is not None and cue.needs_that and not att.inverted:
            nxt = toks[cj] if cj < n else None
            closing = (nxt is None or nxt.w in (".", "!", "?")) and att.si > 0 and \
                (toks[att.si - 1].w in (",", "—") or toks[att.si - 1].tag == "Q")  # `"…," she added.`
            # `"…," she added, speaking of …`, `"Really," she added when …`: right after a
            # quotation the cue reports it, whatever follows
            closing = closing or (att.si > 0 and toks[att.si - 1].tag == "Q")
            if not closing and (nxt is None or not (nxt.low == "that" or nxt.tag == "Q" or nxt.w == ":" or
                                                    (nxt.w == "," and cj + 1 < n and toks[cj + 1].tag == "Q")
                                                    or _report_after_adverbial(toks, cj)
                                                    or _clause_with_quotation(toks, cj))):
                att = None
        if att is not None and not cue.indirect and not any(t.tag == "Q" for t in toks):
            att = None  # "asked", "continued": quotation cues only
        if att is not None and cue.takes_object and not att.inverted:
            att.listener_end = _listener_end(toks, cj, lex)
            nxt = toks[cj] if cj < n else None
            if att.listener_end is None and cue.lemma in NEED_LISTENER and nxt is not None \
                    and nxt.tag != "Q" and nxt.w not in (".", "!", "?", ":", ",", "—") \
                    and not (att.si > 0 and toks[att.si - 1].tag == "Q"):  # `"…," he told some of the miners`
                att = None  # "the map tells part of the story": no listener, no report
        if att is not None:
            out.append(att)
            k = cj
        else:
            k += 1
    for a in out:
        _extend_block(toks, a)
        if a.listener_end is not None and a.hi == a.cj:
            a.hi = a.listener_end  # "told reporters the talks failed": the report starts after the listener
        if a.borrowed:
            a.lo, a.hi = a.ci, a.cj
    return out


_TIME_WORDS = {"on", "last", "this", "early", "earlier", "late", "later", "also", "again", "then", "on", "in"}


def _report_after_adverbial(toks: list[Tok], j: int) -> bool:
    """``responded in a text message: "…"``, ``added on Twitter that …``: a short adverbial, then
    the report (a colon, a quotation or ``that``) before any verb."""
    for z in range(j, min(len(toks), j + 8)):
        t = toks[z]
        if t.w == ":" or t.tag == "Q" or t.low == "that":
            return z > j
        if t.tag.startswith("VB") or t.tag == "MD" or t.w in (".", ";", "!", "?"):
            return False
    return False


CLAUSE_SUBJECT_TAGS = {"PRP", "DT", "NNP", "NNPS", "NN", "NNS", "PRP$", "CD", "EX"}


def _clause_with_quotation(toks: list[Tok], j: int) -> bool:
    """``replied the station would "…"``: a clause without ``that`` - a subject, its verb - that
    runs into a quotation reports; "believes in "tough love"" (no verb before the quotation)
    does not."""
    if j >= len(toks) or toks[j].tag not in CLAUSE_SUBJECT_TAGS:
        return False  # "vowed to take action "…"": an intention, not a clause with a subject
    verb = False
    for z in range(j, min(len(toks), j + 8)):
        t = toks[z]
        if t.tag == "Q":
            return verb and z > j + 1
        if t.w in (".", ";", "!", "?", ",", ":", "—"):
            return False
        if t.tag.startswith("VB") or t.tag == "MD":
            if z == j:
                return False  # "said hoping …": no subject
            verb = True
    return False


def _clause_subject(toks: list[Tok], k: int, cj: int, cue: Cue, lex: CueLexicon) -> Optional[Attribution]:
    """The sentence's subject (a name or pronoun at its start, or after a short introductory
    phrase) for a cue with no subject of its own."""
    b = dateline_end(toks)  # "BUFFALO, N.Y. — Hours before the game, coach X praised …": after the dash
    starts = [b] + [z + 1 for z in range(b, min(k, b + 12)) if toks[z].w == ","][:1]
    for s0 in starts:
        if s0 >= k:
            continue
        t = toks[s0]
        if t.low in PRONOUNS and t.tag == "PRP" and t.low not in ("it", "you", "i", "we"):
            r = (s0, s0 + 1)
        else:
            r = np_after(toks, s0, lex)
            if r is None or r[1] >= k or phrase_kind(toks, r[0], r[1]) != "name":
                continue
        z = r[1]
        while z < k and z - r[1] < 4 and (toks[z].low in _TIME_WORDS or toks[z].low in NON_SPEAKER_HEADS
                                         or toks[z].tag == "CD"):
            z += 1  # "X on Wednesday defended …, saying": a time phrase between subject and verb
        nxt = toks[z] if z < len(toks) else None
        if nxt is None or not (nxt.tag in ("VBD", "VBN", "VBZ", "VBP", "MD") or nxt.w == ","):
            continue
        a = Attribution(k, cj, r[0], r[1], cue)
        a.borrowed = True
        return a
    return None


def _appositive_subject(toks: list[Tok], k: int, cj: int, cue: Cue, lex: CueLexicon,
                        ck: Optional[int] = None) -> Optional[Attribution]:
    """``Name, <appositive or relative clause>, said``: the subject before the nearest earlier comma.

    ``k`` is the index after the comma closing the appositive; ``ck`` the cue's own index."""
    ck = k if ck is None else ck
    fallback: Optional[Attribution] = None
    end_comma = k - 1
    c = end_comma - 1
    b = dateline_end(toks)
    while c > b and end_comma - c <= 40:
        t = toks[c]
        if t.w == "." and c > 0 and toks[c - 1].w.rstrip(".") in ABBREVIATIONS:
            c -= 1  # "Brightwell, Inc., says": an abbreviation's dot ends no sentence
            continue
        if t.tag == "Q" or t.w in (".", "!", "?", ":", ";"):
            return fallback
        if t.w == ",":
            r = np_before(toks, c, lex)
            place = r is not None and r[1] - r[0] == 1 and r[0] >= 2 and toks[r[0] - 1].w == "," \
                and toks[r[0] - 2].w[:1].isupper() and toks[r[0] - 2].tag in ("NNP", "NNPS")
            if r and not place and clause_start(toks, r[0]) and _speakerish(toks, r[0], r[1], lex) \
                    and phrase_kind(toks, r[0], r[1]) != "pronoun":
                att = Attribution(ck, cj, r[0], r[1], cue, appositive=(c + 1, end_comma))
                if toks[r[0]].w not in lex.titles or r[0] < 2 or toks[r[0] - 1].w != ",":
                    return att
                # "Omar Lind, Senior Vice President of Sales, says": a title phrase after a comma
                # describes the name before it
                fallback = fallback or att
        c -= 1
    return fallback


def _extend_block(toks: list[Tok], a: Attribution) -> None:
    """The attribution block: speaker, cue, listener object and trailing adverbials (``told reporters on Monday``)."""
    lo = min(a.si, a.ci)
    hi = max(a.sj, a.cj)
    if a.inverted and hi < len(toks) and toks[hi].w == "," and not a.cue.source:
        # "said Shen Yi, a scholar at X." - the appositive runs to the end of the unit
        rest = toks[hi + 1 :]
        if rest and all(t.tag != "Q" for t in rest) and (rest[0].low in ("a", "an", "the") or rest[0].tag.startswith(("NN", "JJ"))):
            end = len(toks)
            while end > hi + 1 and toks[end - 1].w in PUNCT:
                end -= 1
            if not any(t.tag in ("VBD", "VBZ", "VBP") and t.w[0].islower() for t in rest):
                a.appositive = (hi + 1, end)
                hi = end
    a.lo, a.hi = lo, hi


def tail_end(toks: list[Tok], a: Attribution) -> int:
    """Index after a short attribution tail (listener, time, place, ``in a statement``) ending the unit."""
    n = len(toks)
    j = a.hi
    if j >= n:
        return n
    rest = toks[j:]
    words = [t for t in rest if t.w not in PUNCT]
    if any(t.tag == "Q" for t in rest):
        return j
    if len(words) <= 10 and not any(t.tag.startswith("VB") or t.tag in ("MD", "PRP", "EX") for t in words) and \
            not any(t.low in ("that",) for t in words):
        return n
    return j
