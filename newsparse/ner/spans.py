"""Where a name starts and ends: the rules that cut, join, drop and add spans after tagging.

The CRF's spans carry the debris of web pages and the habits of web writing: table pipes,
contractions, titles, contact labels, headline words, acronyms that are common nouns, file
names, addresses, a city run into its state, a possessive that names a shop. Each function
takes the mentions of one document and returns them repaired; the entities stage
(``newsparse/stages/entities.py``) runs them in order, and ``docs/entities.md`` says why each
exists.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsparse.ner.gazetteers import classes, first_names
from newsparse.ner.mentions import (LOC_WORDS, NAME_PARTICLES, PLACE_CLASSES, US_STATE_CODES, RawMention,
                                    could_be_surname, country_key, is_common, is_known_place, normal_form, trim_span)
from newsparse.nlp.calendar import MONTHS, RELATIVE_DAYS, WEEKDAYS
from newsparse.nlp.dateline import dateline_at


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
            if (names.get(word.lower()) in ("m", "f") and not is_common(word) and 1 <= len(rest) <= 2
                    and all(w[:1].isupper() and not {"orgword", "title"} & set(classes(w)) for w in rest)):
                split = k
                break
        if split is None:
            out.append(m)
            continue
        left = (toks[0][0], toks[split - 1][1])
        left_m = trim_span(RawMention(left[0], left[1], text[left[0]:left[1]], m.type, m.source), text)
        if " " in left_m.text or not is_common(left_m.text):
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
                or not any(not is_common(w.group()) and "title" not in classes(w.group()) for w in words[:k]):
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
        while drop < len(words) - 1 and (is_common(words[drop].group()) or words[drop].group() in NAME_PARTICLES):
            drop += 1
    s = m.start + words[drop].start()
    if m.type == "PERSON" and drop == len(words) - 1 and not could_be_surname(words[drop].group()):
        # "General" + a place or organisation word is a firm's name, not a general's surname
        s = m.start + next((w.start() for w in words if w.group().lower() != "the"), 0)
        return RawMention(s, m.end, text[s:m.end], "ORG", m.source)
    return RawMention(s, m.end, text[s:m.end], m.type, m.source)


_DAY_WORDS = WEEKDAYS | RELATIVE_DAYS


_MONTH_WORDS = MONTHS - {"may"}  # "May" is a name as often as a month


_TIME_PREPS = {"on", "in", "since", "until", "by", "last", "next", "this", "early", "late", "from", "before", "after",
               "every", "through", "till"}


#: a pronoun or negation contracted with a verb at the start of a span (``I'm``, ``I've``, ``Don't``),
#: or a greeting (``Hey Vexagram``, ``Dear Jane``)
_CONTRACTION = re.compile(r"(?:(?:i|you|we|they|he|she|it|let|don|ain|can|won|isn|aren|didn|doesn)['’]"
                          r"(?:m|ve|d|ll|re|s|t)|hey|hi|hello|dear|thanks|congrats|congratulations)(?![\w'’])",
                          re.IGNORECASE)


def clean_edges(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Spans the tagger ran over their edges: a parenthesised acronym becomes its own mention
    (``World Health Organization (WHO)``), a contraction or a greeting at the start goes (``I'm
    Jane Doe``, ``Hey Vexagram``; a lone ``I've`` is no name), a day or month before a name goes (``On Wednesday Vexamo Energy
    said``), and an upper-case dateline place is a place (``BARRIE, Ont. —``)."""
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
                q = trim_span(RawMention(q.start + lead.end(), q.end, q.text[lead.end():], q.type, q.source), text)
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
                m = trim_span(m, text)
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
            q = trim_span(RawMention(m.start + a, m.start + b, m.text[a:b], m.type, m.source), text)
            if sum(c.isalpha() for c in q.text) >= 2:
                out.append(q)
    return out


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
        q = trim_span(RawMention(m.start + words[i].start(), m.start + words[j - 1].end(),
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
        return word in NAME_PARTICLES or (is_common(word) and not names.get(word)
                                          and not PLACE_CLASSES & set(classes(word)))
    return [m for m in mentions if any(c.isupper() for c in m.text) or not all(map(plain, m.text.split()))]


def _plain_lower(word: str, particles: bool = True) -> bool:
    """A word in lower case (``quickly``, ``on-site``; not ``eVexa``) that is no name particle
    (``de``, ``van``: they start names; with ``particles=False`` they count too, no name ends so)."""
    return (word[:1].islower() and not any(c.isupper() for c in word)
            and not (particles and word in _LOWER_PARTICLES))


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
        if len(words) > 1 and _CONTACT_AFTER.match(text, m.end):
            e = m.start + words[-2].end()
            cut = RawMention(m.start, e, text[m.start:e], m.type, m.source)
            if trim_span(cut, text) is cut:  # "State of Phone:" would leave a dangling "of": keep it whole
                m = cut
        out.append(m)
    return out


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
#: the text to be known as no names ("plug the USB cable into the PC", "the CEO said"). An
#: acronym that as often names an organisation or a place stays out (CPA, PC: a party, ETA, CCTV, PNG)
GENERIC_ACRONYMS = frozenset("""
AC ATM ATV BBQ CD CPU DSL DSLR DVD DVR EV GPS GPU HD HDD HDMI HVAC LCD LED MP3 OLED PDA RAM SIM SLR SSD SUV TV
UFO USB VCR VR WiFi
AI API CRM CSS ERP ETL FAQ GIF HTML HTTP IoT ISP JPEG LLM NFT PDF RSS SaaS SEO SMS URL VPN
CEO CFO COO CTO CIO EVP SVP VP HR PR QA MBA PhD EMT
CPI EPS ESG GDP IPO IRR KPI NDA NPV P&L RFP RFQ ROI SLA
ADHD BMI DNA ICU IQ MRI PTSD
AM PM ASAP BTW DIY DJ FYI ID IDK IMHO IMO LMAO LOL OK OMG PIN ROFL RSVP SMH TBA TBD TBH VIP WTF
""".split())


def drop_common_acronyms(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """Mentions of an acronym the text spells out in lower case (``machine learning (ML)``) go,
    plural included (``KPIs``): a technology, a measure or a condition, not a named entity; so
    do the generic acronyms everyone knows (:data:`GENERIC_ACRONYMS`), a model letter or number
    after a hyphen included (``USB-C``)."""
    common = common_acronyms(text) | GENERIC_ACRONYMS

    def generic(form: str) -> bool:  # "USB", "KPIs", "USB-C"
        return form in common or (form.endswith("s") and form[:-1] in common) or form.split("-", 1)[0] in common

    # a state code read as a place stays one ("San Juan, PR": Puerto Rico, not public relations)
    return [m for m in mentions if not generic(normal_form(m.text))
            or (m.type == "GPE" and m.text in US_STATE_CODES)]


#: function words a Title Case headline capitalises and a name almost never holds inside
def split_place_pairs(mentions: list[RawMention]) -> list[RawMention]:
    """``Timaru New Zealand``, ``san francisco california``, ``Dallas TX``: a place span
    that is a city (or region, or state) followed by its state or country without a comma is
    two places, as the comma-separated form is. A span that is a place name as a whole
    (``Papua New Guinea``, ``Mexico City``) stays one. A state code counts in capitals, or in
    lower case when the whole span is written so (``boston ma``)."""
    out: list[RawMention] = []
    for m in mentions:
        if m.type not in ("GPE", "LOC") or " " not in m.text:
            out.append(m)
            continue
        words = list(re.finditer(r"\S+", m.text))
        cut = None
        if len(words) <= 5 and "," not in m.text and not is_known_place(m.text):
            for k in range(len(words) - 1, 0, -1):
                left = m.text[:words[k - 1].end()]
                right = m.text[words[k].start():]
                code = right in US_STATE_CODES or (m.text.islower() and right.upper() in US_STATE_CODES)
                if words[k - 1].group().lower() in _GEO_WORDS or right.lower() in _GEO_WORDS:
                    continue  # "South Germany", "Galveston Bay", "East Coast": one place
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


#: a postal address line: city, US state code, ZIP code ("Lowell, MA 01851-2841", "Palo Alto CA 94301")
_ADDRESS = re.compile(r"(?<![\w.])((?:[A-Z][a-z]+[ \t]){0,3}[A-Z][a-z]+)(,?[ \t]*)([A-Z]{2})[ \t]+\d{5}(?:-\d{4})?(?![\d-])")


_ZIP = re.compile(r"[A-Z]{2}[ \t]+\d{5}")


#: words that end the street part of an address ("12 Elm Road Lowell": the city is after "Road")
_STREET_WORDS = LOC_WORDS | {"lane", "ln", "drive", "dr", "blvd", "boulevard", "ave", "st", "rd", "way", "court", "ct",
                             "place", "pl", "parkway", "pkwy", "suite", "ste", "floor", "box", "highway", "hwy",
                             "terrace", "circle", "plaza", "nw", "ne", "sw", "se"}


def postal_addresses(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """In an address line the state code before a ZIP code is a state, and the name before it
    (after the street) is a city, whatever the tagger read them as: contact blocks of e-mails,
    press releases and shop pages write ``12 Elm Road Lowell, MA 01851``. A mention that ran
    from the street into the city is cut where the city starts."""
    if not _ZIP.search(text):
        return mentions  # no address line: skip the costlier scan
    added: list[RawMention] = []
    out = list(mentions)
    for mt in _ADDRESS.finditer(text):
        if mt.group(3) not in US_STATE_CODES:
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
                elif m.start < s and m.end <= e:  # "Elm Road Lowell": the street keeps its part
                    q = trim_span(RawMention(m.start, s, text[m.start:s], m.type, m.source), text)
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
            or (last.isupper() and len(last) <= 4)):  # "the ABC's.", "a hit with Gen X's": no business
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
    reflect the ABC's.", "a hit with Gen X's"): all are left alone.
    Before a preposition the "'s" may be "is" ("Doe's in Rome"), so there a place preposition
    must come first ("at Doe's on Sunday"); before a verb it cannot ("Doe's has the best pie")."""
    out: list[RawMention] = []
    for m in mentions:
        end = _business_end(text, m)
        out.append(m if end is None else RawMention(m.start, end, text[m.start:end], "ORG", m.source))
    return out


_BILL = re.compile(r"[ \t]+[A-Z]{0,2}[-‑ ]?\d+[A-Z]?\b")


def numbered_bills(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Bill C-17``, ``Bill 96``: a bill with its number is a law (MISC), not a man called Bill."""
    out: list[RawMention] = []
    for m in mentions:
        if m.text == "Bill" and m.type == "PERSON":
            mt = _BILL.match(text, m.end)
            if mt:
                out.append(RawMention(m.start, mt.end(), text[m.start:mt.end()], "MISC", m.source))
                continue
        out.append(m)
    return out
