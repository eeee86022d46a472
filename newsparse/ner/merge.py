"""Which mentions name one entity: propagation, merging of aliases, canonical names, pronouns.

After ``newsparse.ner.spans`` has fixed where names start and end and ``newsparse.ner.retyping``
what kind each is, within one article:

* forms found once are found everywhere they occur capitalised (recall, consistency), and a
  rare name coordinated with a known person or firm takes its type;
* aliases merge: country short forms (``U.S.`` / ``United States`` / ``America``), a name in
  capitals into the name written normally, surnames and first names into the one full name
  that has them (never when two full names share it), acronyms defined in the text
  (``Full Name (FN)``) or spelt by an ORG's initials, and an organisation's short name
  (``X`` / ``X News Agency``);
* he/she can be counted as mentions of the closest person of that gender (a parameter).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsparse.ner.gazetteers import classes, first_names
from newsparse.ner.mentions import NAME_PARTICLES, RawMention, country_key, is_common, normal_form, sentence_initial


PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


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
                form[:1].isupper() or (len(form) >= 4 and not any(is_common(w) for w in form.split()))):
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
        if " " not in form and seen[form] < 2 and sentence_initial(text, s) and is_common(form):
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
        if any(is_common(w) or set(classes(w)) - {"common1", "common2", "common3"} for w in words):
            continue
        added.append(RawMention(mt.start(1), mt.end(1), mt.group(1), m.type, "coordinated"))
        taken[mt.start(1):mt.end(1)] = b"\x01" * (mt.end(1) - mt.start(1))
    return sorted(mentions + added, key=lambda m: m.start)


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
