"""What kind of name a mention is: the rules that change its type from the document's evidence.

The CRF's type is one guess per span; the article often says more: a firm is listed with
firms, a town with towns, a state follows its city, a surname read as a place belongs to a
person named in full, a golfer takes "his". Each function reads the whole document's mentions
and sets ``type`` where the evidence is clear; ``consistent_types`` then gives every form one
type. The CoNLL-to-ours mapping (``refine_type``) is here too.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsparse.ner.gazetteers import classes, first_names
from newsparse.ner.mentions import (LIST_SEP, LOC_WORDS, PLACE_CLASSES, US_STATE_CODES, RawMention, could_be_surname,
                                    country_key, fold, folded_places, full_name_words, is_known_place, list_chains,
                                    normal_form, sentence_initial)


#: words that name a group of people by race or origin when capitalised ("Black Canadians",
#: "Indigenous leaders"): a group (NORP), never a place
GROUP_WORDS = frozenset({"black", "white", "brown", "indigenous", "aboriginal", "latino", "latina", "latinx",
                         # generations: "Gen Z", "Millennials"
                         "gen z", "gen x", "gen y", "gen alpha", "generation z", "generation x", "generation alpha",
                         "millennials", "boomers", "baby boomers", "zoomers"})


def refine_type(text: str, crf_type: str) -> str:
    """Map a CoNLL type to ours, looking the span up in the gazetteer."""
    if crf_type == "PER":
        return "PERSON"
    if text.lower() in GROUP_WORDS:
        return "NORP"
    if crf_type == "ORG":
        return "ORG"
    cls = classes(normal_form(text))
    if crf_type == "LOC":
        if any(c in ("country", "state", "city") for c in cls):
            return "GPE"
        if "demonym" in cls or _people_of_a_place(text):
            return "NORP"  # "Chinese", "Kenyans": the people, not the place
        words = text.lower().split()
        if "region" in cls or any(w in LOC_WORDS for w in words):
            return "LOC"
        return "GPE"
    if "demonym" in cls or _people_of_a_place(text):
        return "NORP"
    return "MISC"


def _people_of_a_place(text: str) -> bool:
    """A one-word name of the people of a country or state the gazetteer knows, which its demonym
    list lacks: ``Kenyans``, ``Nevadan``, ``Californians`` (the place plus "n"/"ns", an "a"
    dropped). Towns are left out: too many end in "n" themselves."""
    if " " in text or not text[:1].isupper() or len(text) < 5:
        return False
    if text.endswith("ns"):
        stem = text[:-2]
    elif text.endswith("n"):
        stem = text[:-1]
    else:
        return False
    return any({"country", "state"} & set(classes(c)) for c in (stem, stem + "a"))


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
        if m.type in ("PERSON", "GPE", "LOC") and " " not in m.text and not could_be_surname(m.text):
            mt = _PREV_WORD.search(text, max(0, m.start - 30), m.start)
            if mt and "title" in classes(mt.group(1)) and (
                    m.type == "PERSON" or mt.group(1).lower() not in _PLACE_TITLES):
                s = mt.start(1)
                out.append(RawMention(s, m.end, text[s:m.end], "ORG", m.source))
                continue
        if m.type in ("GPE", "LOC") and " " in m.text:
            first = m.text.split(None, 1)[0]
            if (first[:1].isupper() and "title" in classes(first) and first.lower() not in _PLACE_TITLES
                    and not could_be_surname(m.text.split()[-1])):
                m = RawMention(m.start, m.end, m.text, "ORG", m.source)
        out.append(m)
    return out


#: legal forms that end a company's name (``Vexa Antriebe GmbH``, ``Vexa Holdings Ltd.``)
_LEGAL_FORMS = frozenset("""gmbh ag inc ltd llc llp plc corp co s.a sa nv n.v bv b.v spa s.p.a ab asa oyj kg se pty
lp limited incorporated corporation""".split())


def legal_forms(mentions: list[RawMention]) -> list[RawMention]:
    """A name of two words or more that ends in a company's legal form is an organisation, not a
    person or a place (``Dana Vexley GmbH``, ``Vexa Ltd.``)."""
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
    in_full_names = full_name_words(mentions)
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


_CITY_STATE = re.compile(r",[ \t]*([A-Z][A-Za-z.]*(?:[ \t][A-Z][a-z]+)?)(?=[ \t]*(?:[\n|,;:()–—@]|[ \t]\d|$))")


#: news-style abbreviations of US states and Canadian provinces (``Ocala, Fla.``, ``Barrie, Ont.``)
_STATE_ABBREVIATIONS = frozenset("""Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss
Mo Mont Neb Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo
Ont Que B.C Alta Man Sask N.S N.B P.E.I Nfld N.L""".split())


def city_state(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Denver, CO`` / ``Irvine, California`` / ``Barrie, Ont.``: a one-word name in the city
    gazetteer followed by a comma and a state (a US postal code, a news abbreviation of a state
    or province, or a state in the gazetteer) closing the phrase is a place, whatever the tagger
    said (``Denver`` is a first name too, ``Toyota`` a firm; after such a city the state is a
    place, not an organisation). Before a state's code any one-word capitalised name is a town
    (``Sedona, AZ``: the gazetteer lists only larger cities). Listings, datelines and tour
    dates write places so."""
    by_start = {m.start: m for m in mentions}
    out = list(mentions)
    added: list[RawMention] = []
    for m in mentions:
        if " " in m.text:
            continue
        mt = _CITY_STATE.match(text, m.end)
        if not mt:
            continue
        st, st_end = mt.group(1), mt.end(1)
        if st.rstrip(".") in US_STATE_CODES:  # "Miami, FL." ends a sentence: the period is not the code's
            st_end -= len(st) - len(st.rstrip("."))
            st = st.rstrip(".")
        code = st in US_STATE_CODES or st.rstrip(".") in _STATE_ABBREVIATIONS
        if not (code or "state" in classes(st)):
            continue
        # a gazetteer city, or any one-word place or name before a state's code ("Sedona, AZ")
        if not ("city" in classes(m.text) or (code and (m.type == "GPE" or m.text[:1].isupper()))):
            continue
        m.type = "GPE"
        state = by_start.get(mt.start(1))
        if state is not None:
            state.type = "GPE"
        elif not any(o.start < st_end and mt.start(1) < o.end for o in mentions):
            added.append(RawMention(mt.start(1), st_end, st, "GPE", "city-state"))
    return sorted(out + added, key=lambda x: x.start) if added else out


def _unknown_place(m: RawMention) -> bool:
    """A one-word GPE/LOC the gazetteer does not know: typed a place only by default."""
    return (m.type in ("GPE", "LOC") and " " not in m.text and m.text[:1].isupper() and not m.text.isupper()
            and not PLACE_CLASSES & set(classes(m.text)) and m.text.lower() not in LOC_WORDS
            and not country_key(m.text) and fold(m.text) not in folded_places())


def _before_state(text: str, name: str) -> bool:
    """``Holmvik, VA``: the name is written before a state somewhere in the text."""
    for mt in re.finditer(r"\b" + re.escape(name) + r",[ \t]*([A-Z][A-Za-z]+(?:[ \t][A-Z][a-z]+)?)", text):
        if mt.group(1) in US_STATE_CODES or "state" in classes(mt.group(1)):
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
    do right after it (``Vexamo launched``, ``Vexamo has hired``, ``Vexamo shares``) or that
    starts the longer name of a firm in the article (``Vexamo Model Q``). A name the
    gazetteer knows only as a region (``Amazon``) is a firm when listed so, or sold on or worked
    at (``on Amazon``, ``at Amazon``: the region takes "the"), unless the article also writes
    "in the X" or "the X River". A one-word "person" listed with firms is a firm or product too,
    unless it is a first name or part of a person's full name in the article."""
    ordered = sorted(mentions, key=lambda m: m.start)
    firms: set[str] = set()
    regions: set[str] = set()
    brands: set[str] = set()
    in_full_names = full_name_words(mentions)
    # the first word of a firm's longer name ("Vexamo Model S", "Vexamo Holdings")
    firm_heads = {m.text.split()[0] for m in mentions if m.type == "ORG" and " " in m.text}
    names = first_names()
    for a, b in zip(ordered, ordered[1:]):
        if b.start - a.end > 8 or not LIST_SEP.match(text[a.end:b.start]):
            continue
        for x, y in ((a, b), (b, a)):
            if y.type == "ORG" and not _unknown_place(y):
                if _unknown_place(x):
                    firms.add(x.text)
                elif _region_only(x):
                    regions.add(x.text)
                elif (x.type == "PERSON" and " " not in x.text and x.text not in in_full_names
                      and not names.get(x.text.lower())):
                    brands.add(x.text)  # "Vexalytics, Quillboard and Dornview": a product, not a surname
    for m in mentions:
        if _region_only(m) and re.search(r"\b(?:on|at)[ \t]+$", text[max(0, m.start - 4):m.start]):
            regions.add(m.text)
        if _unknown_place(m) and (_FIRM_VERB_AFTER.match(text, m.end) or m.text in firm_heads):
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


#: words before a list of places ("rallies in Denver, Vexton and Dornby")
_PLACE_LIST_BEFORE = re.compile(r"\b(?:in|across|from|to|at|near|throughout|between|including)[ \t]+$", re.IGNORECASE)


def listed_with_places(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``Rallies in Denver, Boulder, Vexton and Fort Collins``: in a list of two places or more
    after ``in``, ``across``, ``from`` … the other names are places too — a one-word "person"
    (a town named like a surname) or a name the gazetteer knows as a place — and so is every
    other mention of them in the article. Outside such a list, a "person" the gazetteer knows as
    a city, state or country listed next to a place is a place (``Denver, Austin and Tulsa``).
    Organisations listed with places without that preposition stay organisations (sports
    teams are named by their cities), and a word that is part of a person's full name in the
    article (``Ann Vexton``) is left to the person rule."""
    chains = list_chains(text, mentions)
    in_full_names = full_name_words(mentions)
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


def listed_with_people(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``With files from Jane Roe, Ana Dorne and Slav Vexley``: a name of two or three capitalised
    words the tagger called MISC, in a list with two full names of people or more, is a person
    too (credit lines and casts list people together)."""
    chains = list_chains(text, mentions)
    for chain in chains:
        if sum(m.type == "PERSON" and " " in m.text for m in chain) < 2:
            continue
        for m in chain:
            words = m.text.split()
            if m.type == "MISC" and 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words):
                m.type = "PERSON"
    return mentions


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
        if m.type not in ("ORG", "GPE", "LOC") or not re.fullmatch(r"[A-Z][a-z]+", m.text) or is_known_place(m.text):
            continue
        if not _SUBJECT_BEFORE.search(text[max(0, m.start - 12):m.start]):
            continue
        if _HIS_AFTER.match(text, m.end) or (sentence_initial(text, m.start) and _HE_NEXT.match(text, m.end)):
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


#: planets and the Moon: places (LOC) when named alone, whatever the tagger said ("Mars" is no
#: person); Mercury is left out (a metal, a singer, firms)
_CELESTIAL = frozenset({"Mars", "Jupiter", "Saturn", "Neptune", "Uranus", "Pluto", "Venus", "Earth", "Moon"})


def celestial_bodies(mentions: list[RawMention]) -> list[RawMention]:
    """``Mars``, ``Earth``, ``the Moon`` named alone are places (LOC), unless the word is part of a
    person's full name in the article (``Bruno Mars``, ``Venus Doe``)."""
    in_full_names = full_name_words(mentions)
    for m in mentions:
        if m.text in _CELESTIAL and m.text not in in_full_names and m.type in ("PERSON", "ORG", "GPE"):
            m.type = "LOC"
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
        if " " not in form and person_parts[form] and (typ in ("ORG", "MISC", "PERSON") or not is_known_place(form)):
            typ = "PERSON"  # a surname read as a firm, or as a place the gazetteer does not know
        words = form.split()
        if typ in ("ORG", "MISC") and 2 <= len(words) <= 3 and best.get(words[-1]) == "PERSON" \
                and names.get(words[0].lower()) and not any("orgword" in classes(w) for w in words):
            typ = "PERSON"  # "Vern Okafor" read as a firm while "Okafor" alone is a person: a full name
        m.type = typ
