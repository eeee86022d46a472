"""What an attribution reports: the side of the sentence it points to, cut into pieces and
classified as quotation (direct), mixed clause (partial), reported clause (indirect) or
a term in quotation marks (scare)."""
from __future__ import annotations

from newsparse.quotes.attributions import Attribution
from newsparse.quotes.marks import QSpan
from newsparse.quotes.phrases import NON_SPEAKER_HEADS
from newsparse.quotes.tokens import PUNCT, Tok

ING_CUES = {"adding", "saying", "noting", "arguing", "insisting", "explaining", "warning", "stressing", "claiming",
            "acknowledging", "suggesting", "telling"}
SUBORDINATE_START = {"when", "asked", "as", "after", "before", "in", "despite", "during", "while", "if", "although",
                     "because", "since", "though", "once", "until", "unless", "told", "speaking", "responding",
                     "following", "for", "at", "on", "with", "without", "by", "to", "from", "whether"}

# clause openers that set the scene of the speech rather than report it ("When asked …, Roe said")
CIRCUMSTANCE_OPENERS = {"when", "while", "although", "though", "if", "asked", "told", "responding", "speaking",
                        "unless", "once", "whether"}
# openers of the writer's aside after a closing attribution: a relative clause about the speaker
# or a concession or circumstance of the writer's
ASIDE_OPENERS = {"who", "whose", "which", "though", "although", "whereas"}
CIRCUMSTANCE_PREPS = {"in", "on", "at", "during", "via", "after", "before", "through", "from", "with", "by"}


TITLE_MAX_WORDS = 8  # titles of films and books run longer than names; speech is rarely all capitalised


def is_scare(text: str, q: QSpan, toks: list[Tok], qi: int) -> bool:
    """A term or name in quotation marks rather than somebody's words."""
    inner = text[q.start : q.end].strip(" ,.")
    words = inner.split()
    if not words:
        return True
    if len(words) <= TITLE_MAX_WORDS and all(w[0].isupper() or w.lower() in ("of", "the", "and", "for", "a", "in", "on", "to", "&")
                                             for w in words) and not inner.endswith(("!", "?")):
        return True  # a name or a title in Title Case: "Ring of Fire", "The Kid Who Would Be King"
    nxt = toks[qi + 1] if qi + 1 < len(toks) else None
    if len(words) <= 2 and nxt is not None and nxt.tag.startswith(("NN", "JJ")) and nxt.w[0].islower():
        return True  # used as a modifier: the "untrusted" apps
    return False


def piece_kind(text: str, piece: list[Tok], qi_map: dict[int, int], all_toks: list[Tok]) -> str:
    qs = [t for t in piece if t.tag == "Q"]
    words = [t for t in piece if t.tag != "Q" and t.w not in PUNCT and t.low not in ("that", "and", "but")]
    if qs and not words:
        return "direct"
    real_q = [t for t in qs if not is_scare(text, t.q, all_toks, qi_map[id(t)])]
    if real_q:
        return "partial"
    return "indirect"


def trim_piece(piece: list[Tok]) -> list[Tok]:
    i, j = 0, len(piece)
    # "said in a statement on Monday that ...": the content starts after "that"
    # "…, expressing hope that …": a participle opening the piece introduces the report too
    p0 = 1 if piece and piece[0].w == "," else 0  # ", expressing hope that …"
    lead = p0 + 1 if len(piece) > p0 and piece[p0].tag == "VBG" and piece[p0].w[:1].islower() \
        and piece[p0].low not in ING_CUES else 0  # (", adding that …" is a cue of its own)
    if lead and len(piece) > lead and piece[lead].tag in ("VB", "VBP"):
        lead += 1  # "expressing hope that": after the participle, a base-form word is its object noun
    for z, t in enumerate(piece[:12]):
        if (t.low == "that" or t.w == ":") and z > 0:
            if not any(x.tag.startswith("VB") or x.tag in ("MD", "Q") for x in piece[lead:z]) and \
                    (lead or piece[0].tag in ("IN", "RB", "NNP", "NN", "NNS", "DT", "PRP", "CD", ",")):
                i = z + 1
            break
        if (t.tag.startswith("VB") and z >= lead) or t.tag == "Q":
            break
    # "said on September 14 it had …", "said last week the plan …": a time phrase before the report
    if i == 0 and j > 3 and piece[0].low in ("on", "last", "this", "early", "late", "earlier", "later"):
        z = 1
        while z < min(j, 5) and (piece[z].tag == "CD" or piece[z].low in NON_SPEAKER_HEADS):
            z += 1
        if z > 1 and z < j and (piece[z].tag in ("PRP", "PRP$", "DT", "NNP", "NNPS", "EX") or piece[z].low == "that"):
            i = z
    while i < j and (piece[i].w in PUNCT or piece[i].low in ("that", "and")):
        i += 1
    while j > i and piece[j - 1].w in PUNCT:
        j -= 1
    return piece[i:j]


def before_scare(piece: list[Tok]) -> list[Tok]:
    """Reported content that runs on into a clause holding a term in quotation marks ends at
    the clause boundary before it: the term is the writer's, not the speaker's."""
    qk = next((k for k, t in enumerate(piece) if t.tag == "Q"), None)
    if qk is None:
        return piece
    for b in range(qk - 1, 3, -1):
        if piece[b].w == ";" or (piece[b].w == "," and b + 1 < len(piece) and piece[b + 1].low in ("and", "but", "while", "whereas")):
            return piece[:b]
    return piece


def has_verb(piece: list[Tok]) -> bool:
    return any(t.tag.startswith("VB") or t.tag == "MD" for t in piece)


def reported_pieces(u: list[Tok], a: Attribution, left: list[Tok], right: list[Tok], left_t: list[Tok],
            right_t: list[Tok]) -> list[tuple[list[Tok], str]]:
    """What the attribution reports: the clause after it when it follows directly (``said (that) …``,
    ``said: "…"``), the clause before it when it closes the sentence (``…, she said.``), both
    around a parenthetical attribution (``X, officials say, Y``) or a split quotation."""
    n = len(u)
    if a.borrowed:
        # "X posted a comment, saying "…"": the subject's own clause is the writer's, not a report
        return [(right_t, "right")] if right_t else []
    follows = u[a.hi] if a.hi < n else None
    left_q = any(t.tag == "Q" for t in left_t)
    right_q = any(t.tag == "Q" for t in right_t)
    if not right_t:
        return [(left_t, "left")] if left_t else []
    if not left_t:
        return [(right_t, "right")]
    if a.cue.source:
        if follows is not None and follows.w == ",":
            return [(right_t, "right")]
        return [(left_t, "left")]
    if a.lo > 0 and u[a.lo - 1].tag == "Q" and not (right_q or any(t.low == "that" for t in right_t[:2])):
        # `"…," she said after the vote` - the quotation is what was said
        return [(left_t, "left")]
    if follows is not None and follows.low in CIRCUMSTANCE_PREPS and left and left[-1].w in (",", "—", "–") \
            and not left_q and not right_q and has_verb(left_t) and len(left_t) >= 4 \
            and not any(t.low == "that" or t.w == ":" for t in u[a.hi : a.hi + 12]):
        # "…, the team wrote in a paper published on Monday": the clause before is the report
        return [(left_t, "left")]
    if follows is not None and follows.w not in (",", "—", "–", ".", ";", "!", "?", "("):
        out = [(right_t, "right")]
        if left_q and left and left[-1].w in (",", "—") and u[a.lo - 1].tag in ("Q", ","):
            out.insert(0, (left_t, "left"))
        return out
    if follows is not None and follows.w in (",", "—", "–"):
        if right_t[0].low in ASIDE_OPENERS and not right_q:
            # "…, Roe said, though she named nobody" / "…, said Roe, who leads the project": the
            # writer's aside about the speaker, not more of what was said
            return [(left_t, "left")]
        if left_q or right_q:
            if left_q and right_q:
                return [(left_t, "left"), (right_t, "right")]
            if left_q:
                return [(left_t, "left")]
            # "When asked whether …, Roe said, "…"": a subordinate clause before is circumstance
            return [(right_t, "right")] if left_t[0].low in CIRCUMSTANCE_OPENERS else [(left_t, "left"), (right_t, "right")]
        if left and left[-1].w in (",", "—", "–") and left_t[0].low not in SUBORDINATE_START:
            return [(left_t, "left"), (right_t, "right")]
        if left_t[0].low in SUBORDINATE_START or (left and left[-1].w not in (",", "—", "–")):
            return [(right_t, "right")]
        return [(left_t, "left")]
    return [(left_t, "left")]
