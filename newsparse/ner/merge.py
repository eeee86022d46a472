"""From tagged spans to entities: type refinement, document-level consistency, merging, counting.

The CRF speaks CoNLL (PER / ORG / LOC / MISC). Here LOC becomes GPE (countries, states, cities:
gazetteer or default) or LOC (regions, rivers, streets...), MISC becomes NORP (nationalities,
religious and political groups) or stays MISC. Then, within one article:

* a surface form gets one type (majority vote; a surname inherits its full name's type);
* forms found once are found everywhere they occur capitalised (recall, consistency);
* aliases merge: country short forms (``U.S.`` / ``United States`` / ``America``), surnames and
  first names into the one full name that has them (never when two full names share it),
  acronyms defined in the text (``Full Name (FN)``) or spelt by an ORG's initials, and an
  organisation's short name (``X`` / ``X News Agency``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from newsparse.ner.gazetteers import PACKAGE, classes, first_names
from newsparse.nlp.calendar import MONTHS, RELATIVE_DAYS, WEEKDAYS
from newsparse.nlp.dateline import dateline_at

LOC_WORDS = {
    "river", "mountain", "mountains", "mount", "mt.", "lake", "sea", "ocean", "valley", "island", "islands",
    "peninsula", "desert", "bay", "gulf", "strait", "canal", "street", "avenue", "road", "square", "park",
    "bridge", "airport", "forest", "coast", "beach", "hill", "hills", "region", "basin", "plain", "plateau",
}
NAME_PARTICLES = {"of", "for", "and", "the", "on", "in", "&", "de", "la", "du", "von", "van", "der", "al"}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


@dataclass
class RawMention:
    """A typed span of the text before merging."""

    start: int
    end: int
    text: str
    type: str
    source: str = "crf"  # crf | propagated | pronoun


@dataclass
class Group:
    """Mentions that name one entity, with the forms they used."""

    key: str
    mentions: list[RawMention] = field(default_factory=list)

    @property
    def forms(self) -> Counter:
        return Counter(normal_form(m.text) for m in self.mentions)

    @property
    def type(self) -> str:
        return Counter(m.type for m in self.mentions).most_common(1)[0][0]


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Lowercased country name or short form -> canonical name (``models/gaz_countries.tsv``)."""
    out: dict[str, str] = {}
    for line in (PACKAGE / "models" / "gaz_countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, canon = line.partition("\t")
            out[key] = canon
    return out


_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(?:the|The|THE) ")


@lru_cache(maxsize=50_000)
def normal_form(text: str) -> str:
    """Whitespace collapsed, curly apostrophes straightened, a leading ``the`` dropped."""
    text = _SPACES.sub(" ", text.replace("’", "'")).strip()
    return _LEADING_THE.sub("", text)


#: words that name a group of people by race or origin when capitalised ("Black Canadians",
#: "Indigenous leaders"): a group (NORP), never a place
GROUP_WORDS = frozenset({"black", "white", "brown", "indigenous", "aboriginal", "latino", "latina", "latinx"})


def refine_type(text: str, crf_type: str) -> str:
    """Map a CoNLL type to ours, looking the span up in the gazetteer."""
    if crf_type == "PER":
        return "PERSON"
    if crf_type == "ORG":
        return "ORG"
    if text.lower() in GROUP_WORDS:
        return "NORP"
    cls = classes(normal_form(text))
    if crf_type == "LOC":
        if any(c in ("country", "state", "city") for c in cls):
            return "GPE"
        words = text.lower().split()
        if "region" in cls or any(w in LOC_WORDS for w in words):
            return "LOC"
        return "GPE"
    if "demonym" in cls:
        return "NORP"
    return "MISC"


def country_key(text: str) -> str | None:
    return country_aliases().get(normal_form(text).lower())


def split_country_prefix(mentions: list[RawMention], tokens: list[tuple[int, int]], text: str) -> list[RawMention]:
    """``U.S. Treasury`` -> GPE ``U.S.`` + ORG ``Treasury``: an abbreviated country form leading a
    longer ORG/MISC span is a mention of the country (full names such as ``China X Institute`` stay whole)."""
    starts = {s: e for s, e in tokens}
    token_starts = [s for s, _ in tokens]
    out: list[RawMention] = []
    for m in mentions:
        first_end = starts.get(m.start)
        if m.type in ("ORG", "MISC") and first_end and first_end < m.end:
            first = text[m.start:first_end]
            if country_key(first) and ("." in first or first.isupper()):
                k = bisect_right(token_starts, first_end)
                rest_start = token_starts[k] if k < len(token_starts) else m.end
                out.append(RawMention(m.start, first_end, first, "GPE", m.source))
                if rest_start < m.end:
                    out.append(RawMention(rest_start, m.end, text[rest_start:m.end], m.type, m.source))
                continue
        out.append(m)
    return out


def split_person_tail(mentions: list[RawMention], tokens: list[tuple[int, int]], text: str) -> list[RawMention]:
    """``Secretary of Commerce Jane Doe`` tagged as one ORG/GPE span: a known first name followed
    by capitalised words at the end of a non-PERSON span is a person of its own; a lone common
    word left in front of it (``Commerce``) is dropped."""
    names = first_names()
    starts = [s for s, _ in tokens]
    out: list[RawMention] = []
    for m in mentions:
        if m.type == "PERSON" or " " not in m.text:
            out.append(m)
            continue
        lo = bisect_left(starts, m.start)
        toks = []
        for s, e in tokens[lo:]:
            if s >= m.end:
                break
            if e <= m.end:
                toks.append((s, e))
        split = None
        # a person tail is a first name plus one or two words, so only the last three tokens can
        # start it (scanning every token made long capitalised runs quadratic)
        for k in range(max(1, len(toks) - 3), len(toks) - 1):
            word = text[toks[k][0]:toks[k][1]]
            rest = [text[s:e] for s, e in toks[k + 1:]]
            if (names.get(word.lower()) in ("m", "f") and not _is_common(word) and 1 <= len(rest) <= 2
                    and all(w[:1].isupper() and not {"orgword", "title"} & set(classes(w)) for w in rest)):
                split = k
                break
        if split is None:
            out.append(m)
            continue
        left = (toks[0][0], toks[split - 1][1])
        left_m = _trim(RawMention(left[0], left[1], text[left[0]:left[1]], m.type, m.source), text)
        if " " in left_m.text or not _is_common(left_m.text):
            out.append(left_m)
        s = toks[split][0]
        out.append(RawMention(s, m.end, text[s:m.end], "PERSON", m.source))
    return out


#: corporate titles written between a firm and a person ("Vexacom CEO Jane Doe")
_CORPORATE_TITLES = frozenset("""ceo cfo coo cto cio cmo cso chairman chairwoman chair founder co-founder cofounder
president spokesman spokeswoman spokesperson""".split())


def split_firm_title_person(mentions: list[RawMention], text: str) -> list[RawMention]:
    """``Vexacom CFO Jane Doe`` read as one person: the words before a corporate title are the
    firm (ORG) and the capitalised words after it the person. The firm must be a name (a word
    that is neither a title nor a common word), so offices stay with ``strip_titles``. Every
    other mention of the firm is the firm too."""
    out: list[RawMention] = []
    firms: set[str] = set()
    for m in mentions:
        if m.type != "PERSON" or m.text.count(" ") < 2:
            out.append(m)
            continue
        words = list(re.finditer(r"\S+", m.text))
        k = next((i for i, w in enumerate(words) if 0 < i < len(words) - 1
                  and w.group().lower() in _CORPORATE_TITLES), None)
        if k is None or k > 3 or len(words) - k - 1 > 3 or not all(w.group()[:1].isupper() for w in words[k + 1:]) \
                or not any(not _is_common(w.group()) and "title" not in classes(w.group()) for w in words[:k]):
            out.append(m)
            continue
        firm_end = m.start + words[k - 1].end()
        person_start = m.start + words[k + 1].start()
        out.append(RawMention(m.start, firm_end, text[m.start:firm_end], "ORG", m.source))
        out.append(RawMention(person_start, m.end, text[person_start:m.end], "PERSON", m.source))
        firms.add(text[m.start:firm_end])
    for m in out:  # the firm is a firm wherever the article names it
        if m.text in firms:
            m.type = "ORG"
    return out


def strip_titles(m: RawMention, text: str) -> RawMention:
    """``President Jane Doe`` -> ``Jane Doe``; a leading lower-case ``the`` goes from every span
    (a capitalised ``The`` the tagger put inside a name is part of it: ``The Hague``)."""
    words = list(re.finditer(r"\S+", m.text))
    drop = 0
    while drop < len(words) - 1 and (
        words[drop].group() == "the"
        or (m.type == "PERSON" and "title" in classes(words[drop].group()))
    ):
        drop += 1
    if not drop:
        return m
    if m.type == "PERSON" and drop < len(words) - 1 and words[drop].group() in ("of", "for"):
        # the rest of an office: "Minister of Defense Jane Doe" -> "Jane Doe"
        drop += 1
        while drop < len(words) - 1 and (_is_common(words[drop].group()) or words[drop].group() in NAME_PARTICLES):
            drop += 1
    s = m.start + words[drop].start()
    if m.type == "PERSON" and drop == len(words) - 1 and not _could_be_surname(words[drop].group()):
        # "General" + a place or organisation word is a firm's name, not a general's surname
        s = m.start + next((w.start() for w in words if w.group().lower() != "the"), 0)
        return RawMention(s, m.end, text[s:m.end], "ORG", m.source)
    return RawMention(s, m.end, text[s:m.end], m.type, m.source)


_DAY_WORDS = WEEKDAYS | RELATIVE_DAYS
_MONTH_WORDS = MONTHS - {"may"}  # "May" is a name as often as a month
_TIME_PREPS = {"on", "in", "since", "until", "by", "last", "next", "this", "early", "late", "from", "before", "after",
               "every", "through", "till"}


#: a pronoun or negation contracted with a verb at the start of a span (``I'm``, ``I've``, ``Don't``)
_CONTRACTION = re.compile(r"(?:i|you|we|they|he|she|it|let|don|ain|can|won|isn|aren|didn|doesn)['’]"
                          r"(?:m|ve|d|ll|re|s|t)(?![\w'’])", re.IGNORECASE)


def clean_edges(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Spans the tagger ran over their edges: a parenthesised acronym becomes its own mention
    (``World Health Organization (WHO)``), a contraction at the start goes (``I'm Jane Doe``; a
    lone ``I've`` is no name), a day or month before a name goes (``On Wednesday Vexamo Energy
    said``), and an upper-case dateline place is a place (``MILTON, Ont. —``)."""
    out: list[RawMention] = []
    for m in mentions:
        parts = [m]
        if "(" in m.text or ")" in m.text:
            parts = []
            for piece in re.finditer(r"[^()]+", m.text):
                a, b = m.start + piece.start(), m.start + piece.end()
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b > a and any(c.isalpha() for c in text[a:b]):
                    parts.append(RawMention(a, b, text[a:b], m.type, m.source))
        for q in parts:
            lead = _CONTRACTION.match(q.text)
            if lead:  # "I'm Jane Doe", "I've": the speaker's pronoun is no part of a name
                q = _trim(RawMention(q.start + lead.end(), q.end, q.text[lead.end():], q.type, q.source), text)
                if not any(c.isalpha() for c in q.text):
                    continue
            words = list(re.finditer(r"\S+", q.text))
            drop = 0
            before = re.search(r"(\w+)\W*$", text[max(0, q.start - 12) : q.start])
            # only after a time preposition: "on Wednesday Vexamo Energy" (the "Sunday Times" stays)
            if before is not None and before.group(1).lower() in _TIME_PREPS:
                while drop < len(words) - 1 and words[drop].group()[:1].isupper() and (
                        words[drop].group().lower() in _DAY_WORDS or
                        (q.type != "PERSON" and words[drop].group().lower() in _MONTH_WORDS)):
                    drop += 1
            if drop:
                a = q.start + words[drop].start()
                q = RawMention(a, q.end, text[a:q.end], q.type, q.source)
            line_start = q.start == 0 or text[q.start - 1] == "\n"
            dateline = dateline_at(text, q.start) if q.type == "ORG" and line_start and q.text.isupper() else None
            if dateline is not None and dateline[0] == q.end:
                q = RawMention(q.start, q.end, q.text, "GPE", q.source)
            out.append(q)
    return out


#: characters no name contains: list and table separators, rating stars, quotation marks,
#: hashtags. A span the tagger ran across one is cut there into the names on either side.
_SEPARATORS = re.compile(r"[|•·★☆*#\"“”«»_]+|(?<=\w)/(?=\w)|(?<![\w.])@\w+")
_QUOTES = set('"“”«»')
#: trademark signs close a brand's name: what follows them is a product word (``Vexa® Tea``)
_MARKS = re.compile(r"[®™℠©]")
#: a Roman numeral of two letters or more, alone (``III``, ``XIV``; a state code such as ``MI`` is no numeral here)
_ROMAN = re.compile(r"^(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})$")
#: a name that ends in a file extension is a file: ``Report2024.pdf``
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|txt|csv|rtf|jpe?g|png|gif|zip|html?|mp[34]|exe)(?!\w)",
                        re.IGNORECASE)


def clean_symbols(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Web pages put names next to symbols the tagger reads as part of them: table separators
    (``S | Jane Doe``), credit lists joined by underscores (``Director_Jane Doe``), two names
    joined by a slash (``Vexa/Quillbit``), rating stars, stray quotation marks, hashtags. Such a
    span is cut at the symbol into the names on either side (a piece needs two letters: ``N/A``
    is no name); a trademark sign ends a name (``Vexa® Tea`` -> ``Vexa``); an ``@handle`` or a
    ``#hashtag`` is an account or a tag, a file name (``Vexa.pdf``) a document and a lone Roman
    numeral (``Part III``, ``VI``) a number, not a mention of a name."""
    out: list[RawMention] = []
    for m in mentions:
        if (m.start and text[m.start - 1] in "@#") or _FILE_NAME.search(text, m.start, m.end + 6) \
                or _ROMAN.match(m.text):
            continue
        mark = _MARKS.search(m.text)
        if mark:
            m = RawMention(m.start, m.start + mark.start(), m.text[:mark.start()], m.type, m.source)
        cut = _SEPARATORS.search(m.text)
        if cut and set(cut.group()) <= _QUOTES and sum(c in _QUOTES for c in m.text) % 2 == 0:
            cut = None  # a nickname in balanced quotes is part of a name: Jane "Vexa" Doe
        if not cut:
            if mark or m.text[:1] in "-‑–—" or m.text[-1:] in "-‑–—":
                m = _trim(m, text)
            if any(c.isalnum() for c in m.text):
                out.append(m)
            continue
        if "_" in m.text and not any(c.isspace() for c in m.text.split("_", 1)[0][-1:]):
            # credits "Role_Name Surname": the label before the last underscore is not the name
            k = m.text.rfind("_") + 1
            m = RawMention(m.start + k, m.end, m.text[k:], m.type, m.source)
        bounds = [0] + [k for sep in _SEPARATORS.finditer(m.text) for k in sep.span()] + [len(m.text)]
        for a, b in zip(bounds[::2], bounds[1::2]):
            if b <= a:
                continue
            q = _trim(RawMention(m.start + a, m.start + b, m.text[a:b], m.type, m.source), text)
            if sum(c.isalpha() for c in q.text) >= 2:
                out.append(q)
    return out


#: words and signs a name neither starts nor ends with (the stage's own edge list, as words)
_EDGE = {"of", "and", "for", "in", "on", "at", "to", "by", "with", "the", "'s", "’s", "-", "–", "—", ",", ".",
         ":", ";", "&", "(", ")", "'", "’"}


def _edge_word(word: str) -> bool:
    """An edge word; a capitalised ``The`` may start a name (``The Hague``), a lower-case one not."""
    return word.lower() in _EDGE and word != "The"


def _trim(m: RawMention, text: str) -> RawMention:
    """Spaces, dangling signs and edge words (``of``, ``and``) off both ends of a cut span."""
    s, e = m.start, m.end
    while True:
        while s < e and (text[s].isspace() or text[s] in "-‑–—,:;&'’("):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in "-‑–—,:;&'’("):
            e -= 1
        first = re.match(r"\S+", text[s:e])
        last = re.search(r"\S+$", text[s:e])
        if first and _edge_word(first.group()) and first.end() < e - s:
            s += first.end()
        elif last and _edge_word(last.group()) and last.start() > 0:
            e = s + last.start()
        else:
            break
    if (s, e) == (m.start, m.end):
        return m
    return RawMention(s, e, text[s:e], m.type, m.source)


#: lower-case words that belong to names at their edges (``de Gaulle``, ``al-Assad``, ``van Gogh``)
_LOWER_PARTICLES = {"de", "da", "di", "do", "dos", "das", "del", "della", "du", "la", "le", "van", "von", "der",
                    "den", "ter", "ten", "al", "el", "bin", "ibn", "y", "zu", "mc"}
_INITIAL = re.compile(r"^(?:\w\.)+$|^\w$")


def lowercase_edges(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A capitalised name does not start or end with a lower-case common word: the tagger ran
    over it into the sentence (``Doe quickly``, ``Vexa headphones``, ``the federal Vexa Bureau``,
    ``max Vexa``). Such words leave the edges; a name particle stays (``de Vexa``, ``al-Vexa``),
    and so do words with a capital inside (``eVexa``). A span written all in lower case is left
    alone (web text writes names so); a span left with a lone initial (``E.`` of ``E. coli``) is no
    name."""
    out: list[RawMention] = []
    for m in mentions:
        words = list(re.finditer(r"\S+", m.text))
        if len(words) < 2 or not any(w.group()[:1].isupper() for w in words):
            out.append(m)
            continue
        i, j = 0, len(words)
        while i < j - 1 and _plain_lower(words[i].group()):
            i += 1
        while j > i + 1 and _plain_lower(words[j - 1].group(), particles=False):
            j -= 1
        if (i, j) == (0, len(words)):
            out.append(m)
            continue
        q = _trim(RawMention(m.start + words[i].start(), m.start + words[j - 1].end(),
                             m.text[words[i].start():words[j - 1].end()], m.type, m.source), text)
        if not _INITIAL.match(q.text) and any(c.isupper() for c in q.text):
            out.append(q)
    return out


def drop_lowercase_common(mentions: list[RawMention]) -> list[RawMention]:
    """In text written with capitals a mention in lower case made only of common words
    (``tablet``, ``single channel``) is the tagger misled by a word's casing elsewhere, not a
    name; rarer lower-case words stay (``vexamart``: a shop written in lower case), and so do
    place names and first names (``paris``, ``louise``). For documents written without
    capitals the stage skips this rule."""
    names = first_names()

    def plain(word: str) -> bool:
        return word in NAME_PARTICLES or (_is_common(word) and not names.get(word)
                                          and not _PLACE_CLASSES & set(classes(word)))
    return [m for m in mentions if any(c.isupper() for c in m.text) or not all(map(plain, m.text.split()))]


def _plain_lower(word: str, particles: bool = True) -> bool:
    """A word in lower case (``quickly``, ``on-site``; not ``eVexa``) that is no name particle
    (``de``, ``van``: they start names; with ``particles=False`` they count too, no name ends so)."""
    return (word[:1].islower() and not any(c.isupper() for c in word)
            and not (particles and word in _LOWER_PARTICLES))


_NOT_SURNAME = {"region", "country", "state", "demonym", "orgword"}


def _could_be_surname(word: str) -> bool:
    """A word left after a title is a surname unless it names a region, country, state or
    nationality or is an organisation word (cities are left alone: many are surnames too)."""
    if first_names().get(word.lower()):
        return True
    return not (_NOT_SURNAME & set(classes(word)))


#: titles that also start place names (``St. Louis``, ``King County``, ``Prince Edward Island``)
_PLACE_TITLES = {"saint", "st.", "king", "queen", "prince", "princess", "lady", "lord", "dame", "sir", "father",
                 "sister", "major", "chief", "emperor", "pope", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr",
                 "dr.", "justice", "dean", "judge"}
_PREV_WORD = re.compile(r"([A-Z][a-z]+)[ \t]+$")


def title_firms(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``General Pacific`` tagged as a title and a one-word PERSON: when that word cannot be a
    surname (a region, country, state, nationality or organisation word), the capitalised title
    word and the name are one organisation. Tagged as a place (the title inside the span or
    just before it), it is an organisation too: no place name starts with an office
    (``General``, ``Governor``; saints, kings, princes and ladies do name places, so those
    titles are left alone)."""
    out: list[RawMention] = []
    for m in mentions:
        if m.type in ("PERSON", "GPE", "LOC") and " " not in m.text and not _could_be_surname(m.text):
            mt = _PREV_WORD.search(text, max(0, m.start - 30), m.start)
            if mt and "title" in classes(mt.group(1)) and (
                    m.type == "PERSON" or mt.group(1).lower() not in _PLACE_TITLES):
                s = mt.start(1)
                out.append(RawMention(s, m.end, text[s:m.end], "ORG", m.source))
                continue
        if m.type in ("GPE", "LOC") and " " in m.text:
            first = m.text.split(None, 1)[0]
            if (first[:1].isupper() and "title" in classes(first) and first.lower() not in _PLACE_TITLES
                    and not _could_be_surname(m.text.split()[-1])):
                m = RawMention(m.start, m.end, m.text, "ORG", m.source)
        out.append(m)
    return out


#: legal forms that end a company's name (``Robert Bosch GmbH``, ``Vexa Holdings Ltd.``)
_LEGAL_FORMS = frozenset("""gmbh ag inc ltd llc llp plc corp co s.a sa nv n.v bv b.v spa s.p.a ab asa oyj kg se pty
lp limited incorporated corporation""".split())


def legal_forms(mentions: list[RawMention]) -> list[RawMention]:
    """A name of two words or more that ends in a company's legal form is an organisation, not a
    person or a place (``Robert Bosch GmbH``, ``Vexa Ltd.``)."""
    for m in mentions:
        words = m.text.split()
        if m.type != "ORG" and len(words) > 1 and words[-1].lower().rstrip(".,") in _LEGAL_FORMS \
                and words[-1][:1].isupper() and "," not in m.text:  # "Doe L, Roe BV": a citation's initials
            m.type = "ORG"
    return mentions


#: a word made of two capitalised parts (``Vexadata``-style brands: ``ByteWorks``, ``PayLine``)
_CAMEL = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]+)+$")
#: surname prefixes that make a person's name camel-case (``MacArthur``, ``FitzGerald``)
_SURNAME_PREFIXES = {"Mac", "Fitz", "Van", "Von", "Del", "Della", "Dal", "Ten", "Ter"}


def camel_case_firms(mentions: list[RawMention]) -> list[RawMention]:
    """A one-word PERSON written in two capitalised parts, the first of three letters or more,
    is a brand or company (``ByteWorks``), unless the first part is a surname prefix or the
    word is part of a person's full name in the article. Short prefixes (``McKay``, ``DeSoto``,
    ``LeRoy``) are people's names."""
    in_full_names = {w for m in mentions if m.type == "PERSON" and " " in m.text for w in m.text.split()}
    for m in mentions:
        if m.type != "PERSON" or " " in m.text or m.text in in_full_names:
            continue
        mt = _CAMEL.match(m.text)
        if mt and mt.group(1) not in _SURNAME_PREFIXES and not first_names().get(mt.group(1).lower()):
            m.type = "ORG"
    return mentions


_AMPERSAND = re.compile(r"[ \t]*&[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)?)")
#: a capitalised word just before a mention, ending where the mention starts ("Ernst & ")
_NAME_BEFORE_AMP = re.compile(r"([A-Z][\w'’.-]*)[ \t]*&[ \t]*$")


def ampersand_firms(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """Capitalised names joined by ``&`` are one firm (``Brask & Lund``, ``Vexa & Sons``): a
    tagged name with ``& Name`` after it (or ``Name &`` before it) becomes one ORG spanning both;
    a person's name is never written with an ampersand inside."""
    out: list[RawMention] = []
    for m in mentions:
        if m.type in ("PERSON", "ORG", "MISC"):
            s, e = m.start, m.end
            after = _AMPERSAND.match(text, e)
            if after:
                e = after.end(1)
            before = _NAME_BEFORE_AMP.search(text, max(0, s - 40), s)
            if before:
                s = before.start(1)
            if (s, e) != (m.start, m.end):
                if out and out[-1].end > s:  # the name before the ampersand was tagged on its own
                    out.pop()
                m = RawMention(s, e, text[s:e], "ORG", m.source)
        if out and m.start < out[-1].end:  # the name after the ampersand, now inside the firm
            continue
        out.append(m)
    return out


#: cues that name a source: a capitalised run after "according to the" is a publication or body
#: labels of a contact line that follow a name in e-mail signatures (``Vexa Inc. Phone: 555 0100``)
_CONTACT_LABELS = {"phone", "tel", "telephone", "fax", "email", "e-mail", "cell", "ph", "website"}
_CONTACT_AFTER = re.compile(r"[ \t]*(?::|\(|\+|\d|\S+@)")


def cut_contact_labels(mentions: list[RawMention], text: str) -> list[RawMention]:
    """E-mail signatures put a contact label right after a name (``Vexa Inc. Phone: 555 0100``,
    ``Vexa Labs Email ana@…``); the tagger, or a rule that extends names, reads it as the name's
    last word. It goes when a number, a colon or an address follows."""
    out: list[RawMention] = []
    for m in mentions:
        if " " not in m.text or m.text.rsplit(None, 1)[-1].lower().rstrip(".:") not in _CONTACT_LABELS:
            out.append(m)
            continue
        words = list(re.finditer(r"\S+", m.text))
        if _CONTACT_AFTER.match(text, m.end):
            e = m.start + words[-2].end()
            cut = RawMention(m.start, e, text[m.start:e], m.type, m.source)
            if _trim(cut, text) is cut:  # "State of Phone:" would leave a dangling "of": keep it whole
                m = cut
        out.append(m)
    return out


_SOURCE_CUE = re.compile(
    r"\b(?:according to|reported by|told|in an interview with|quoted by|cited by|published by|wrote in)"
    r"[ \t]+the[ \t]+([A-Z][\w&'’-]*(?:\.\w+)*(?:[ \t]+[A-Z][\w&'’-]*(?:\.\w+)*){0,4})")


def cued_sources(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``according to the Daily Ledger``: an unrecognised capitalised run after a source cue and
    ``the`` is an organisation (people take no article); runs with a title word are left alone."""
    added: list[RawMention] = []
    for mt in _SOURCE_CUE.finditer(text):
        s, e = mt.span(1)
        if any(m.start < e and s < m.end for m in mentions):
            continue
        words = mt.group(1).split()
        if any("title" in classes(w) for w in words):
            continue
        added.append(RawMention(s, e, mt.group(1), "ORG", "cued"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7}?)s?\s*\)")


def common_acronyms(text: str) -> set[str]:
    """Acronyms the text defines by a phrase in lower case: ``artificial intelligence (AI)``,
    ``paid time off (PTO)``. Written out, they are common nouns; their acronyms are no names
    (the first word may be capitalised: it can start a sentence or a heading)."""
    out: set[str] = set()
    for mt in _ACRONYM_IN_PARENS.finditer(text):
        acr = mt.group(1)
        if sum(c.isupper() for c in acr) < 2:
            continue
        words = re.findall(r"[^\W\d_][\w'’-]*", text[max(0, mt.start() - 25 * len(acr)):mt.start()])[-len(acr):]
        if (len(words) == len(acr) and "".join(w[0] for w in words).lower() == acr.lower()
                and all(w.islower() for w in words[1:]) and not text[mt.start() - 1:mt.start()].strip()):
            out.add(acr)
    return out


#: acronyms of common nouns - devices, formats, jobs, chat shorthand - that need no definition in
#: the text to be known as no names ("plug the USB cable into the PC", "the CEO said")
GENERIC_ACRONYMS = frozenset("""
AC ATM ATV BBQ CCTV CD CPU DSL DVD DVR GPS GPU HD HDD HDMI HVAC LCD LED MP3 PC PDA RAM SIM SSD SUV TV UFO USB VCR WiFi
AI API CSS FAQ GIF HTML HTTP ISP JPEG PDF PNG RSS SMS URL VPN
CEO CFO COO CTO CIO EVP SVP VP HR PR QA MBA PhD
EPS IPO IRR KPI NDA NPV P&L RFP RFQ ROI SLA
ADHD BMI DNA ICU IQ MRI PTSD
AM PM ASAP BTW DIY DJ ETA FYI ID IDK IMHO IMO LMAO LOL OK OMG PIN ROFL RSVP SMH TBA TBD TBH VIP WTF
""".split())


def drop_common_acronyms(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """Mentions of an acronym the text spells out in lower case (``machine learning (ML)``) go,
    plural included (``KPIs``): a technology, a measure or a condition, not a named entity; so
    do the generic acronyms everyone knows (:data:`GENERIC_ACRONYMS`)."""
    common = common_acronyms(text) | GENERIC_ACRONYMS
    return [m for m in mentions if normal_form(m.text) not in common
            and not (m.text.endswith("s") and m.text[:-1] in common)]


#: US postal codes of the states, DC and the territories (``Denver, CO``)
_US_STATE_CODES = set("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI""".split())
_CITY_STATE = re.compile(r",[ \t]*([A-Z][A-Za-z.]*(?:[ \t][A-Z][a-z]+)?)(?=[ \t]*(?:[\n|,;:()–—@]|[ \t]\d|$))")


#: news-style abbreviations of US states and Canadian provinces (``Kissimmee, Fla.``, ``Milton, Ont.``)
_STATE_ABBREVIATIONS = frozenset("""Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss
Mo Mont Neb Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo
Ont Que B.C Alta Man Sask N.S N.B P.E.I Nfld N.L""".split())


def city_state(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Denver, CO`` / ``Irvine, California`` / ``Milton, Ont.``: a one-word name in the city
    gazetteer followed by a comma and a state (a US postal code, a news abbreviation of a state
    or province, or a state in the gazetteer) closing the phrase is a
    place, whatever the tagger said (``Denver`` is a first name too, ``Toyota`` a firm; after
    such a city the state is a place, not an organisation). Listings, datelines and tour dates
    write places so."""
    by_start = {m.start: m for m in mentions}
    out = list(mentions)
    added: list[RawMention] = []
    for m in mentions:
        if m.type == "GPE" or " " in m.text or "city" not in classes(m.text):
            continue
        mt = _CITY_STATE.match(text, m.end)
        if not mt:
            continue
        st = mt.group(1)
        if not (st in _US_STATE_CODES or st.rstrip(".") in _STATE_ABBREVIATIONS or "state" in classes(st)):
            continue
        m.type = "GPE"
        state = by_start.get(mt.start(1))
        if state is not None:
            state.type = "GPE"
        elif not any(o.start < mt.end(1) and mt.start(1) < o.end for o in mentions):
            added.append(RawMention(mt.start(1), mt.end(1), st, "GPE", "city-state"))
    return sorted(out + added, key=lambda x: x.start) if added else out


#: function words a Title Case headline capitalises and a name almost never holds inside
def split_place_pairs(mentions: list[RawMention]) -> list[RawMention]:
    """``Invercargill New Zealand``, ``san francisco california``, ``Dallas TX``: a place span
    that is a city (or region, or state) followed by its state or country without a comma is
    two places, as the comma-separated form is. A span that is a place name as a whole
    (``Papua New Guinea``, ``Mexico City``) stays one. A state code counts in capitals, or in
    lower case when the whole span is written so (``philadelphia pa``)."""
    out: list[RawMention] = []
    for m in mentions:
        if m.type not in ("GPE", "LOC") or " " not in m.text:
            out.append(m)
            continue
        words = list(re.finditer(r"\S+", m.text))
        cut = None
        if len(words) <= 5 and "," not in m.text and not _place(m.text):
            for k in range(len(words) - 1, 0, -1):
                left = m.text[:words[k - 1].end()]
                right = m.text[words[k].start():]
                code = right in _US_STATE_CODES or (m.text.islower() and right.upper() in _US_STATE_CODES)
                if words[k - 1].group().lower() in _GEO_WORDS or right.lower() in _GEO_WORDS:
                    continue  # "South China", "Tampa Bay", "East Coast": one place
                if (code or {"state", "country"} & set(classes(right))) and \
                        {"city", "region", "state"} & set(classes(left)):
                    cut = k
                    break
        if cut is None:
            out.append(m)
            continue
        a_end = m.start + words[cut - 1].end()
        b_start = m.start + words[cut].start()
        out.append(RawMention(m.start, a_end, m.text[:words[cut - 1].end()], m.type, m.source))
        out.append(RawMention(b_start, m.end, m.text[words[cut].start():], "GPE", m.source))
    return out


#: words that make a place name of the words around them, never one of two places
_GEO_WORDS = LOC_WORDS | {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                          "northeast", "northwest", "southeast", "southwest", "upper", "lower", "greater", "new",
                          "old", "city", "county", "province", "district", "metro"}


def _place(name: str) -> bool:
    return bool({"city", "region", "state", "country"} & set(classes(name)))


#: a postal address line: city, US state code, ZIP code ("Holyoke, MA 01040-2841", "Stanford CA 94305")
_ADDRESS = re.compile(r"(?<![\w.])((?:[A-Z][a-z]+[ \t]){0,3}[A-Z][a-z]+)(,?[ \t]*)([A-Z]{2})[ \t]+\d{5}(?:-\d{4})?(?![\d-])")
_ZIP = re.compile(r"[A-Z]{2}[ \t]+\d{5}")
#: words that end the street part of an address ("12 Elm Road Holyoke": the city is after "Road")
_STREET_WORDS = LOC_WORDS | {"lane", "ln", "drive", "dr", "blvd", "boulevard", "ave", "st", "rd", "way", "court", "ct",
                             "place", "pl", "parkway", "pkwy", "suite", "ste", "floor", "box", "highway", "hwy",
                             "terrace", "circle", "plaza", "nw", "ne", "sw", "se"}


def postal_addresses(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """In an address line the state code before a ZIP code is a state, and the name before it
    (after the street) is a city, whatever the tagger read them as: contact blocks of e-mails,
    press releases and shop pages write ``12 Elm Road Holyoke, MA 01040``. A mention that ran
    from the street into the city is cut where the city starts."""
    if not _ZIP.search(text):
        return mentions  # no address line: skip the costlier scan
    added: list[RawMention] = []
    out = list(mentions)
    for mt in _ADDRESS.finditer(text):
        if mt.group(3) not in _US_STATE_CODES:
            continue
        words = list(re.finditer(r"\S+", mt.group(1)))
        street = [i for i, w in enumerate(words) if w.group().lower().rstrip(".") in _STREET_WORDS]
        if street:
            words = words[street[-1] + 1:]
        spans = [(mt.start(3), mt.end(3))]
        if words:
            spans.insert(0, (mt.start(1) + words[0].start(), mt.start(1) + words[-1].end()))
        for s, e in spans:
            kept: list[RawMention] = []
            for m in out:
                if m.end <= s or m.start >= e:
                    kept.append(m)
                elif m.start < s and m.end <= e:  # "Elm Road Holyoke": the street keeps its part
                    q = _trim(RawMention(m.start, s, text[m.start:s], m.type, m.source), text)
                    if any(c.isupper() for c in q.text):
                        kept.append(q)
                elif not (s <= m.start and m.end <= e):
                    kept.append(m)  # a longer name around the city: leave it
                    s = e = -1
            out = kept
            if s >= 0:
                added.append(RawMention(s, e, text[s:e], "GPE", "address"))
    return sorted(out + added, key=lambda x: x.start) if added else out


_HEADLINE_WORDS = {"And", "Or", "To", "In", "For", "With", "Is", "Are", "Was", "Be", "Do", "Does", "Her", "His",
                   "Your", "You", "Our", "Their", "Will", "Can", "How", "Why", "What", "Into", "Than", "Should",
                   "Could", "Would", "Towards", "From", "Its", "We", "They", "It", "This", "That", "Has", "Have",
                   "Not", "But", "If", "When"}


def headline_runs(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """In a line written in Title Case (a heading: ``Why Vexa Claims Victory In The Market``)
    every word is capitalised, and the tagger reads runs of it as names. A span there holding a
    capitalised function word or pronoun after its first word (``In``, ``Your``, ``Could``) is a
    piece of the headline, not a name, and goes; titles of songs or films quoted in running text
    are not in such lines and stay."""
    out: list[RawMention] = []
    for m in mentions:
        words = m.text.split()
        if len(words) >= 3 and any(w in _HEADLINE_WORDS for w in words[1:]) and _title_case_line(text, m.start):
            continue
        out.append(m)
    return out


def _title_case_line(text: str, pos: int) -> bool:
    """The line around ``pos`` has four words or more and (nearly) all its words of four letters
    or more are capitalised."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[a:b if b >= 0 else len(text)])
    long = [w for w in words if len(w) >= 4]
    return len(words) >= 4 and len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.9 * len(long)


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|\s(?:and|or|&)\s+)\s*$")
_PLACE_CLASSES = {"country", "state", "city", "region", "demonym"}


def _fold(word: str) -> str:
    """Lower case without accents: ``Zürich`` -> ``zurich``."""
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _folded_places() -> frozenset[str]:
    """Place names of the gazetteer written without accents (news writes ``Zurich`` for ``Zürich``)."""
    from newsparse.ner.gazetteers import gazetteer
    return frozenset(_fold(k) for k, cls in gazetteer().items() if _PLACE_CLASSES & set(cls) and not k.isascii())


def _unknown_place(m: RawMention) -> bool:
    """A one-word GPE/LOC the gazetteer does not know: typed a place only by default."""
    return (m.type in ("GPE", "LOC") and " " not in m.text and m.text[:1].isupper() and not m.text.isupper()
            and not _PLACE_CLASSES & set(classes(m.text)) and m.text.lower() not in LOC_WORDS
            and not country_key(m.text) and _fold(m.text) not in _folded_places())


def _before_state(text: str, name: str) -> bool:
    """``Holmvik, VA``: the name is written before a state somewhere in the text."""
    for mt in re.finditer(r"\b" + re.escape(name) + r",[ \t]*([A-Z][A-Za-z]+(?:[ \t][A-Z][a-z]+)?)", text):
        if mt.group(1) in _US_STATE_CODES or "state" in classes(mt.group(1)):
            return True
    return False


#: what a firm does and a place does not, right after its name ("Vexamo launched", "Vexamo, which
#: makes …, has hired", "Vexamo shares"); not "said" or "announced": a surname the tagger read as
#: a place says and announces things far more often than a firm does
_FIRM_VERB_AFTER = re.compile(
    r"(?:['’]s)?(?:,[^,\n]{1,80},)?[ \t]+(?:has[ \t]+|have[ \t]+|had[ \t]+|will[ \t]+|also[ \t]+|recently[ \t]+)?"
    r"(?:launched|launches|unveiled|unveils|acquired|acquires|bought|sells|hired|hires|employs|posted|released|"
    r"releases|introduced|introduces|shipped|ships|began testing|rolled out|filed for bankruptcy|spokesperson|"
    r"spokesman|spokeswoman|CEO|chief executive|shares|stock)\b")


def _region_only(m: RawMention) -> bool:
    """A one-word GPE/LOC the gazetteer knows only as a region (no country, state or city): a
    river, forest or area name, which firms also take (``Amazon``)."""
    if m.type not in ("GPE", "LOC") or " " in m.text or not m.text[:1].isupper() or m.text.isupper():
        return False
    cls = set(classes(m.text))
    return "region" in cls and not {"country", "state", "city"} & cls and m.text.lower() not in _CONTINENTS


#: regions that no firm is named after: continents and their parts
_CONTINENTS = frozenset({"europe", "africa", "asia", "eurasia", "oceania", "australasia", "scandinavia", "antarctica"})


def listed_with_firms(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Vexacom, Quillbit and Zorbly``: an unknown one-word "place" (one the gazetteer does not
    know, typed GPE only by default) listed next to an organisation is one more organisation —
    apps, sites and shops are listed with firms, towns with places — and so is every other
    mention of that name in the article, unless the article also puts it after ``in``,
    ``at`` or ``near`` as one does a place. The same holds for such a name that does what firms
    do right after it (``Vexamo launched``, ``Vexamo has hired``, ``Vexamo shares``). A name the
    gazetteer knows only as a region (``Amazon``) is a firm when listed so, or sold on or worked
    at (``on Amazon``, ``at Amazon``: the region takes "the"), unless the article also writes
    "in the X" or "the X River". A one-word "person" listed with firms is a firm or product too,
    unless it is a first name or part of a person's full name in the article."""
    ordered = sorted(mentions, key=lambda m: m.start)
    firms: set[str] = set()
    regions: set[str] = set()
    brands: set[str] = set()
    in_full_names = {w for m in mentions if m.type == "PERSON" and " " in m.text for w in m.text.split()}
    names = first_names()
    for a, b in zip(ordered, ordered[1:]):
        if b.start - a.end > 8 or not _LIST_SEP.match(text[a.end:b.start]):
            continue
        for x, y in ((a, b), (b, a)):
            if y.type == "ORG" and not _unknown_place(y):
                if _unknown_place(x):
                    firms.add(x.text)
                elif _region_only(x):
                    regions.add(x.text)
                elif (x.type == "PERSON" and " " not in x.text and x.text not in in_full_names
                      and not names.get(x.text.lower())):
                    brands.add(x.text)  # "Tableau, Power BI and Looker": a product, not a surname
    for m in mentions:
        if _region_only(m) and re.search(r"\b(?:on|at)[ \t]+$", text[max(0, m.start - 4):m.start]):
            regions.add(m.text)
        if _unknown_place(m) and _FIRM_VERB_AFTER.match(text, m.end):
            firms.add(m.text)
    # a name the article puts after "in", "at", "near" is a place after all ("in Holmvik")
    firms = {f for f in firms if not _before_state(text, f) and not re.search(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Aa]round|[Vv]isit(?:ed|ing)?|"
                                               r"[Tt]raveled to|[Bb]ased in)\s+(?:[Tt]he\s+)?" + re.escape(f) + r"\b", text)}
    firms |= {r for r in regions if not re.search(r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Nn]ear|[Oo]n)\s+the\s+" + re.escape(r)
                                                  + r"\b|\b" + re.escape(r) + r"\s+(?:" + "|".join(LOC_WORDS)
                                                  + r"|rainforest|rain\s+forest|jungle|delta)\b", text, re.IGNORECASE)}
    if firms or brands:
        for m in mentions:
            if (m.text in firms and m.type in ("GPE", "LOC")) or (m.text in brands and m.type == "PERSON"):
                m.type = "ORG"
    return mentions


#: what follows a possessive that names a business on its own ("at Doe's.", "Doe's is open",
#: "Doe's for lunch"): the end of a clause, a verb or a preposition - never the noun it would own
_CLAUSE_END = re.compile(r"[ \t]*(?:$|[.,!?;:)\n])")
#: a verb right after the "'s": no contraction ("Doe's is" cannot be "Doe is is"), so a business
_VERB_AFTER = re.compile(r"[ \t]*(?:is|are|was|were|has|have|had|does|did|do|will|would|can|could)\b")
#: a preposition or linking word after the "'s": a business, or "Doe's in Rome" = "Doe is in Rome"
_LINK_AFTER = re.compile(
    r"[ \t]*(?:on|for|in|at|with|to|from|near|by|off|over|so|but|because|since|if|when|where|which|that|as|"
    r"again|today|tonight|yesterday|last|every|and(?![ \t]+[A-Z]))\b")
_POSSESSIVE = re.compile(r"[ \t]?(?:['’]s|s)\b|(?<=s)['’](?![\w'’])")
#: words before a possessive that compare it with something named before ("bigger than Doe's")
#: and "of" before it is a double genitive ("a colleague of Doe's") or a named condition ("of Asperger's")
_ELLIPSIS_BEFORE = re.compile(r"\b(?:than|unlike|as|with|and|or|nor|of)[ \t]+$", re.IGNORECASE)
#: words before a place one goes to, eats at or buys from ("at Doe's", "somewhere like Doe's")
_PLACE_BEFORE = re.compile(r"\b(?:at|to|from|into|in|near|outside|inside|like|by|visit|try|tried)[ \t]+$",
                           re.IGNORECASE)
#: capitalised shop words that close a possessive business name ("Doe's Market")
_SHOP_WORDS = frozenset("""market deli restaurant cafe café diner grill bar pub tavern bakery pizza pizzeria kitchen
bistro garage salon shop store pharmacy steakhouse burgers bbq inn motel""".split())


def _business_end(text: str, m: RawMention) -> int | None:
    """Where the business name "Doe's" that starts with the mention ends, if it is one."""
    pm = _POSSESSIVE.match(text, m.end)
    last = m.text.split()[-1] if m.text.split() else ""
    if (pm is None or m.type == "MISC" or (m.type == "PERSON" and " " in m.text.strip())
            or (last.isupper() and len(last) <= 4)):  # "the ABC's.", "among Gen Z's": no business
        return None
    end = pm.end()
    shop = re.match(r"[ \t]+([A-Z][a-zé]+)\b", text[end:end + 30])
    if shop and shop.group(1).lower() in _SHOP_WORDS:
        return end + shop.end()  # "Doe's Pizza", in a list too ("Vexa Grill and Doe's Pizza")
    before = text[max(0, m.start - 12):m.start]
    if _ELLIPSIS_BEFORE.search(before):
        return None
    if _CLAUSE_END.match(text, end) or _VERB_AFTER.match(text, end):
        return end
    if _LINK_AFTER.match(text, end) and _PLACE_BEFORE.search(before):
        return end  # "at Doe's on Sunday"; alone, "Doe's in Rome" reads "Doe is in Rome"
    return None


def possessive_businesses(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """A name with a possessive that owns nothing is a business named after its founder: "we ate
    at Doe's.", "Doe's Market", "Vexa's has the best pie". The mention takes the possessive
    (the business's name is "Doe's") and is an organisation. A possessive that compares or
    lists ("than Doe's", "Doe's and Roe's plans", "a colleague of Doe's") owns a noun said
    elsewhere, and so do a full personal name ("Jane Doe's.") and an acronym or a letter ("to
    reflect the ABC's.", "among Gen Z's"): all are left alone.
    Before a preposition the "'s" may be "is" ("Doe's in Rome"), so there a place preposition
    must come first ("at Doe's on Sunday"); before a verb it cannot ("Doe's has the best pie")."""
    out: list[RawMention] = []
    for m in mentions:
        end = _business_end(text, m)
        out.append(m if end is None else RawMention(m.start, end, text[m.start:end], "ORG", m.source))
    return out


#: words before a list of places ("events in Calgary, Brooks and Edson")
_PLACE_LIST_BEFORE = re.compile(r"\b(?:in|across|from|to|at|near|throughout|between|including)[ \t]+$", re.IGNORECASE)


def listed_with_places(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Events in Calgary, Brooks, Edson and Medicine Hat``: in a list of two places or more
    after ``in``, ``across``, ``from`` … the other names are places too — a one-word "person"
    (a town named like a surname) or a name the gazetteer knows as a place — and so is every
    other mention of them in the article. Outside such a list, a "person" the gazetteer knows as
    a city, state or country listed next to a place is a place (``Denver, Austin and Tulsa``).
    Organisations listed with places without that preposition stay organisations (sports
    teams are named by their cities), and a word that is part of a person's full name in the
    article (``Mel Brooks``) is left to the person rule."""
    ordered = sorted(mentions, key=lambda m: m.start)
    chains: list[list[RawMention]] = []
    for m in ordered:
        prev = chains[-1][-1] if chains else None
        if prev is not None and m.start - prev.end <= 8 and _LIST_SEP.match(text[prev.end:m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    in_full_names = {w for m in mentions if m.type == "PERSON" and " " in m.text for w in m.text.split()}
    places: set[str] = set()
    for chain in chains:
        if len(chain) < 2 or not any(m.type == "GPE" for m in chain):
            continue
        listed = (sum(m.type == "GPE" for m in chain) >= 2
                  and _PLACE_LIST_BEFORE.search(text, max(0, chain[0].start - 12), chain[0].start))
        for i, x in enumerate(chain):
            known = bool({"city", "state", "country"} & set(classes(x.text)))
            person = x.type == "PERSON" and " " not in x.text and x.text not in in_full_names
            near_place = any(0 <= j < len(chain) and chain[j].type == "GPE" for j in (i - 1, i + 1))
            if (listed and (person or (x.type == "ORG" and known))) or (person and known and near_place):
                places.add(x.text)
    if places:
        for m in mentions:
            if m.text in places and m.type in ("PERSON", "ORG"):
                m.type = "GPE"
    return mentions


_BILL = re.compile(r"[ \t]+[A-Z]{0,2}[-‑ ]?\d+[A-Z]?\b")


def numbered_bills(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Bill C-48``, ``Bill 96``: a bill with its number is a law (MISC), not a man called Bill."""
    out: list[RawMention] = []
    for m in mentions:
        if m.text == "Bill" and m.type == "PERSON":
            mt = _BILL.match(text, m.end)
            if mt:
                out.append(RawMention(m.start, mt.end(), text[m.start:mt.end()], "MISC", m.source))
                continue
        out.append(m)
    return out


#: what follows a person who is the subject of a clause: a verb or two and "his"/"her" ("Doe won
#: his third title")
_HIS_AFTER = re.compile(r"(?:['’]s?)?[ \t]+(?:[a-z]+[ \t]+){1,3}?(?:his|her)\b")
#: the rest of a sentence, then "He"/"She" opening the next one
_HE_NEXT = re.compile(r"[^.!?\n]{0,200}?[.!?][\"”’']?[ \t\n]+(?:He|She)\b")
#: what stands before the subject of a clause: the start of a sentence, a comma, a conjunction
_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?:;,\n][\"”’']?|\b(?:where|when|that|because|if|as|while|and|but|after|before|since|"
                             r"though|although|so|until|once)[ \t]|\b(?:where|when|that|because|if|as|while|and|but|"
                             r"after|before|since|though|although|so|until|once))[ \t\"“‘']*$")


def gendered_names(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """A one-word name the tagger read as an organisation is a person when the article twice or
    more makes it the subject of a clause that treats it as a man or a woman: a verb and
    "his"/"her" right after it ("… where Doe won his eighth title"), or a sentence it opens
    followed by one that opens with "He"/"She" ("Doe has won here twice. He said …").
    Organisations take "its" and "it"; one such sign can be a "his" of someone else, two are
    not. Places the gazetteer knows and acronyms are left alone. The full name that ends in it
    ("Jon Doe", also misread) and that name's first word are the person as well."""
    signs: Counter = Counter()
    for m in mentions:
        if m.type not in ("ORG", "GPE", "LOC") or not re.fullmatch(r"[A-Z][a-z]+", m.text) or _place(m.text):
            continue
        if not _SUBJECT_BEFORE.search(text[max(0, m.start - 12):m.start]):
            continue
        if _HIS_AFTER.match(text, m.end) or (_sentence_initial(text, m.start) and _HE_NEXT.match(text, m.end)):
            signs[m.text] += 1
    people = {name for name, n in signs.items() if n >= 2}
    if not people:
        return mentions
    # the full name ending in that surname is the person too, and its first name ("Tiger")
    for m in mentions:
        words = m.text.split()
        if 1 < len(words) <= 3 and words[-1] in people and all(w[:1].isupper() for w in words) \
                and not any("orgword" in classes(w) for w in words):
            people.add(m.text)
            people.add(words[0])
    for m in mentions:
        if m.text in people and m.type != "PERSON":
            m.type = "PERSON"
    return mentions


def consistent_types(mentions: list[RawMention]) -> None:
    """One type per surface form (majority); a single word that is part of a PERSON name is PERSON
    (unless it is a place the gazetteer knows: "Washington" of "George Washington"), and so is a
    first name plus a surname the article writes alone as a person."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        # MISC is the tagger's catch-all: a specific type seen for the same name outweighs it
        weight = (1 + (m.text.count(" ") > 0)) * (0.5 if m.type == "MISC" else 1.0)
        votes[normal_form(m.text)][m.type] += weight
    best = {form: c.most_common(1)[0][0] for form, c in votes.items()}
    person_parts: Counter = Counter()
    for form, typ in best.items():
        words = form.split()
        if typ == "PERSON" and len(words) > 1:
            person_parts[words[-1]] += 1
            person_parts[words[0]] += 1
    names = first_names()
    for m in mentions:
        form = normal_form(m.text)
        typ = best[form]
        if " " not in form and person_parts[form] and (typ in ("ORG", "MISC", "PERSON") or not _place(form)):
            typ = "PERSON"  # a surname read as a firm, or as a place the gazetteer does not know
        words = form.split()
        if typ in ("ORG", "MISC") and 2 <= len(words) <= 3 and best.get(words[-1]) == "PERSON" \
                and names.get(words[0].lower()) and not any("orgword" in classes(w) for w in words):
            typ = "PERSON"  # "Vern Okafor" read as a firm while "Okafor" alone is a person: a full name
        m.type = typ


def propagate(text: str, mentions: list[RawMention], min_len: int = 2) -> list[RawMention]:
    """Add capitalised occurrences of already-recognised names that the tagger missed."""
    taken = sorted((m.start, m.end) for m in mentions)
    forms: dict[str, str] = {}
    seen = Counter(normal_form(m.text) for m in mentions)
    for m in mentions:
        if m.type == "PERSON" and " " in m.text:
            seen[m.text.split()[-1]] += 2  # a surname of a named person is a name here
        form = normal_form(m.text)
        if len(form) >= min_len and m.type != "MISC" and (
                form[:1].isupper() or (len(form) >= 4 and not any(_is_common(w) for w in form.split()))):
            forms.setdefault(form, m.type)  # a name the tagger found even in lower case is a name here
    for m in mentions:  # a surname alone, even before the full name ("as Doe said ... Jane Doe")
        words = m.text.split()
        if m.type == "PERSON" and len(words) > 1 and len(words[-1]) >= min_len and words[-1][:1].isupper():
            forms.setdefault(words[-1], "PERSON")
    if not forms:
        return mentions
    occupied = bytearray(len(text) + 1)
    for s, e in taken:
        occupied[s:e] = b"\x01" * (e - s)
    added: list[RawMention] = []
    ordered = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.'’-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-]|\.\w)")
    for mt in pattern.finditer(text):
        s, e = mt.span()
        if any(occupied[s:e]):
            continue
        form = mt.group()
        # a common word at a sentence start is more likely the word than the name
        if " " not in form and seen[form] < 2 and _sentence_initial(text, s) and _is_common(form):
            continue
        added.append(RawMention(s, e, form, forms[form], "propagated"))
        occupied[s:e] = b"\x01" * (e - s)
    return sorted(mentions + added, key=lambda m: m.start)


_COORD = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)?)")


def coordinated(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Vexamo and Quillbit``: an unrecognised rare capitalised name coordinated with a recognised
    PERSON/ORG takes its type (places and common words are left alone)."""
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    added: list[RawMention] = []
    for m in mentions:
        if m.type not in ("ORG", "PERSON"):
            continue
        mt = _COORD.match(text, m.end)
        if not mt or any(taken[mt.start(1):mt.end(1)]):
            continue
        words = mt.group(1).split()
        if any(_is_common(w) or set(classes(w)) - {"common1", "common2", "common3"} for w in words):
            continue
        added.append(RawMention(mt.start(1), mt.end(1), mt.group(1), m.type, "coordinated"))
        taken[mt.start(1):mt.end(1)] = b"\x01" * (mt.end(1) - mt.start(1))
    return sorted(mentions + added, key=lambda m: m.start)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n"


def _is_common(word: str) -> bool:
    return any(c in ("common4", "common5", "common6") for c in classes(word))


def _initials(form: str) -> str:
    return "".join(w[0] for w in form.split() if w[:1].isupper() and w.lower() not in NAME_PARTICLES)


def merge(mentions: list[RawMention], text: str) -> list[Group]:
    """Group mentions into entities (see the module docstring for the rules)."""
    groups: dict[str, Group] = {}
    for m in mentions:
        form = normal_form(m.text)
        key = (country_key(form) if m.type in ("GPE", "ORG", "LOC") else None) or form
        if key != form:
            m.type = "GPE"
        groups.setdefault(key, Group(key)).mentions.append(m)

    gtype = {k: g.type for k, g in groups.items()}

    def absorb(src: str, dst: str) -> None:
        if src != dst and src in groups and dst in groups:
            groups[dst].mentions.extend(groups.pop(src).mentions)
            gtype[dst] = groups[dst].type
            del gtype[src]

    # a name written in capitals (a headline, a list of players) is the name written normally
    folded: dict[str, str] = {}
    for key in groups:
        if not key.isupper():
            folded.setdefault(key.casefold(), key)
    for key in list(groups):
        if key.isupper() and key.casefold() in folded:
            absorb(key, folded[key.casefold()])

    # acronyms defined in the text: "Full Name (FN)"
    for key in list(groups):
        g = groups.get(key)
        if g is None:
            continue
        for m in g.mentions:
            after = re.match(r"\s*\(\s*([A-Z][A-Z.&]{1,9})\s*\)", text[m.end:m.end + 16])
            if (after and after.group(1) in groups and after.group(1) != key
                    and after.group(1)[0] == (_initials(key) or key)[0]):
                absorb(after.group(1), key)
    # acronyms spelt by an organisation's initials
    orgs = [k for k in groups if gtype[k] == "ORG" and " " in k]
    for key in list(groups):
        if key.isupper() and 2 <= len(key) <= 6 and key in groups:
            match = [o for o in orgs if o in groups and _initials(o) == key.replace(".", "")]
            if len(match) == 1:
                absorb(key, match[0])
    # short names of organisations: "X" / "X News Agency" (indexed by prefix: linear in the names)
    by_prefix: dict[str, list[str]] = {}
    for o in groups:
        if gtype[o] != "ORG":
            continue
        words = o.split()
        for n in range(len(words) - 1, 0, -1):
            if "orgword" not in classes(words[n]):
                break
            by_prefix.setdefault(" ".join(words[:n]), []).append(o)
    for key in list(groups):
        if key not in groups or gtype[key] != "ORG":
            continue
        longer = [o for o in by_prefix.get(key, ()) if o in groups and o != key and gtype[o] == "ORG"]
        if len(longer) == 1:
            absorb(key, longer[0])
    # surnames and first names of people
    people = [k for k in groups if gtype[k] == "PERSON" and " " in k]
    people_set = set(people)
    lasts: dict[str, list[str]] = {}
    firsts: dict[str, list[str]] = {}
    for p in people:
        lasts.setdefault(p.split()[-1], []).append(p)
        firsts.setdefault(p.split()[0], []).append(p)
    for key in list(groups):
        if key not in groups or " " in key or key in people_set:
            continue
        if gtype[key] not in ("PERSON", "ORG", "MISC"):
            continue
        by_last = lasts.get(key, [])
        by_first = firsts.get(key, [])
        if len(by_last) == 1 and not by_first:
            absorb(key, by_last[0])
        elif len(by_first) == 1 and not by_last and gtype[key] == "PERSON":
            absorb(key, by_first[0])
    # a person named in full twice ("Jane Doe" and "Jane A. Doe") stays two unless one contains the other
    first_last: dict[tuple[str, str], list[str]] = {}
    for p in people:
        first_last.setdefault((p.split()[0], p.split()[-1]), []).append(p)
    for key in sorted(people, key=len):
        if key not in groups:
            continue
        longer = [p for p in first_last.get((key.split()[0], key.split()[-1]), ())
                  if p in groups and p != key and p.startswith(key.split()[0] + " ") and p.endswith(" " + key.split()[-1])]
        if len(longer) == 1:
            absorb(key, longer[0])
    for key, g in groups.items():
        typ = gtype[key]
        for m in g.mentions:
            m.type = typ
    return list(groups.values())


def canonical_name(g: Group) -> str:
    """The country's canonical name, else the longest form used (ties: a form not in capitals,
    then the most frequent)."""
    if g.type == "GPE" and country_key(g.key):
        return g.key
    forms = g.forms
    return max(forms, key=lambda f: (len(f.split()), not f.isupper(), forms[f], len(f)))


def resolve_pronouns(text: str, groups: list[Group], sentences: list[tuple[int, int]]) -> None:
    """Count ``he``/``she`` as a mention of the closest preceding person of that gender (opt-in)."""
    people = [(m.start, g) for g in groups if g.type == "PERSON" for m in g.mentions]
    if not people:
        return
    people.sort(key=lambda x: x[0])
    names = first_names()

    def gender(g: Group) -> str:
        first = canonical_name(g).split()[0].lower()
        return names.get(first, "u")

    for mt in re.finditer(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b", text):
        want = PRONOUNS[mt.group().lower()]
        prior = [g for s, g in people if s < mt.start() and gender(g) in (want, "u")]
        if prior:
            prior[-1].mentions.append(RawMention(mt.start(), mt.end(), mt.group(), "PERSON", "pronoun"))
