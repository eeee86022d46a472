"""Readers for the NER corpora under ``../shared/data/train`` (CoNLL, IOB2, BTC, re3d, wikigold).

Every reader yields documents as lists of sentences; a sentence is ``(tokens, tags)`` with IOB2
tags over the four CoNLL types ``PER ORG LOC MISC`` (other labels mapped as documented in
docs/entities.md). Shared by ``training/train_ner.py`` and ``newsparse/evaluate/entities.py``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

Sentence = tuple[list[str], list[str]]
Doc = list[Sentence]

#: corpus label -> CoNLL type ("" = outside)
LABEL_MAP = {
    "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "OTH": "MISC",
    "Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "MISC",
}


def to_iob2(tags: list[str]) -> list[str]:
    """Normalise IOB1 / IOB2 / mapped labels to IOB2 over PER/ORG/LOC/MISC."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag in ("O", "", "_") or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        bio, _, label = tag.partition("-")
        typ = LABEL_MAP.get(label, "")
        if not typ:
            out.append("O")
            prev = "O"
            continue
        if bio == "B" or prev == "O" or prev[2:] != typ:
            new = "B-" + typ
        else:
            new = "I-" + typ
        out.append(new)
        prev = new
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first, last+1, type)`` of an IOB2 sequence."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != typ):
            out.append((start, i, typ))
            start = -1
        if tag != "O" and start < 0:
            start, typ = i, tag[2:]
    return out


def read_columns(path: Path, token_col: int = 0, tag_col: int = -1, sep: str | None = None) -> Iterator[Doc]:
    """CoNLL-style column files: blank line between sentences, ``-DOCSTART-`` between documents."""
    doc: Doc = []
    toks: list[str] = []
    tags: list[str] = []

    def flush_sentence() -> None:
        if toks:
            doc.append((list(toks), to_iob2(tags)))
            toks.clear()
            tags.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush_sentence()
                continue
            if line.startswith("# "):
                continue
            cols = line.split(sep) if sep else line.split()
            if cols[0] == "-DOCSTART-":
                flush_sentence()
                if doc:
                    yield doc
                    doc = []
                continue
            toks.append(cols[token_col])
            tags.append(cols[tag_col])
    flush_sentence()
    if doc:
        yield doc


def read_conll2003(path: Path) -> Iterator[Doc]:
    """``eng.train`` / ``eng.testa``: token POS chunk NER (IOB1)."""
    return read_columns(path)


def read_iob2(path: Path) -> Iterator[Doc]:
    """UNER ``.iob2``: idx TAB token TAB tag ...; ``# newdoc`` comments start documents."""
    doc: Doc = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc") and doc:
                yield doc
                doc = []
            if line.startswith("#"):
                continue
            if not line.strip():
                if toks:
                    doc.append((toks, to_iob2(tags)))
                    toks, tags = [], []
                continue
            cols = line.split("\t")
            toks.append(cols[1])
            tags.append(cols[2])
    if toks:
        doc.append((toks, to_iob2(tags)))
    if doc:
        yield doc


def read_btc(path: Path) -> Iterator[Doc]:
    """Broad Twitter Corpus: token TAB tag; each tweet a document; @user-initial spans dropped."""
    for doc in read_columns(path, sep="\t"):
        for toks, tags in doc:
            for s, e, _ in spans(tags):
                if toks[s].startswith("@"):
                    for i in range(s, e):
                        tags[i] = "O"
            yield [(toks, tags)]


def read_re3d(folder: Path) -> Iterator[Doc]:
    """re3d CoNLL conversion: one ``.conll`` file per document; a leading ``the`` is dropped."""
    for path in sorted(folder.glob("*/*.conll")):
        for doc in read_columns(path, sep="\t"):
            for toks, tags in doc:
                for s, _e, typ in spans(tags):
                    if toks[s].lower() == "the" and _e - s > 1:
                        tags[s] = "O"
                        tags[s + 1] = "B-" + typ
            yield doc


#: GUM entity types -> CoNLL types (time and quantity are not names)
GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC", "event": "MISC", "object": "MISC",
             "abstract": "MISC", "animal": "MISC", "plant": "MISC", "substance": "MISC"}
#: lower-case words allowed inside a GUM name between proper nouns ("Bank of America")
GUM_CONNECTORS = {"of", "and", "&", "de", "for", "the", "on", "du", "la", "von", "van", "der"}
_GUM_ENTITY = re.compile(r"\((\d+)-([a-z]+)[^()|]*(\))?|(\d+)\)")


def _gum_mentions(misc_col: list[str]) -> list[tuple[int, int, str]]:
    """Entity mentions ``(first, last+1, etype)`` of one sentence from GUM's ``Entity=`` brackets."""
    open_: dict[str, list[tuple[int, str]]] = {}
    out: list[tuple[int, int, str]] = []
    for i, misc in enumerate(misc_col):
        ent = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for m in _GUM_ENTITY.finditer(ent):
            if m.group(1):
                if m.group(3):
                    out.append((i, i + 1, m.group(2)))
                else:
                    open_.setdefault(m.group(1), []).append((i, m.group(2)))
            elif open_.get(m.group(4)):
                start, etype = open_[m.group(4)].pop()
                out.append((start, i + 1, etype))
    return out


def _gum_sentence(rows: list[list[str]], titles: set[str]) -> Sentence:
    """IOB2 tags of one GUM sentence: a mention is named when its syntactic head is a proper
    noun; the name is the run of proper nouns (and connectors between them) around the head,
    titles cut off; outer mentions win over the ones nested inside them."""
    toks = [r[1] for r in rows]
    upos = [r[3] for r in rows]
    heads = [int(r[6]) - 1 for r in rows]
    tags = ["O"] * len(rows)
    mentions = sorted(_gum_mentions([r[9] for r in rows]), key=lambda m: (m[0] - m[1], m[0]))
    for s, e, etype in mentions:
        typ = GUM_TYPES.get(etype)
        head = next((k for k in range(s, e) if not s <= heads[k] < e), None)
        if not typ or head is None or upos[head] != "PROPN":
            continue
        a = b = head
        while a > s and (upos[a - 1] == "PROPN" or (toks[a - 1].lower() in GUM_CONNECTORS and a - 1 > s
                                                     and upos[a - 2] == "PROPN" and a - 1 != head)):
            a -= 1
        while b + 1 < e and (upos[b + 1] == "PROPN" or (toks[b + 1].lower() in GUM_CONNECTORS
                                                        and b + 2 < e and upos[b + 2] == "PROPN")):
            b += 1
        while a < b and (toks[a].lower() in GUM_CONNECTORS or (typ == "PER" and toks[a].lower() in titles)):
            a += 1
        if any(t != "O" for t in tags[a:b + 1]):
            continue
        tags[a] = "B-" + typ
        for k in range(a + 1, b + 1):
            tags[k] = "I-" + typ
    return toks, tags


def conllu_sentences(path: Path) -> Iterator[list[list[str]]]:
    """The sentences of a CoNLL-U file, each a list of its token rows (tab-separated columns);
    comments, multi-word token lines and empty nodes skipped."""
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield rows
                    rows = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multi-word tokens and empty nodes
            rows.append(cols)
    if rows:
        yield rows


def read_gum(folder: Path) -> Iterator[Doc]:
    """GUM ``dep/*.conllu``: NER derived from the entity layer (see docs/entities.md and the
    corpus README: heuristic, so weigh it as such); one file per document."""
    from newsparse.ner.gazetteers import gazetteer

    titles = {w for w, cls in gazetteer().items() if "title" in cls} | {"dr.", "mr.", "mrs.", "ms.", "prof."}
    for path in sorted(folder.glob("dep/*.conllu")):
        doc: Doc = [_gum_sentence(rows, titles) for rows in conllu_sentences(path)]
        if doc:
            yield doc


def read_any(path: Path) -> Iterator[Doc]:
    """Pick the reader from the file name or folder layout."""
    path = Path(path)
    if path.is_dir():
        if any(path.glob("dep/*.conllu")):
            return read_gum(path)
        if any(path.glob("*/*.conll")):
            return read_re3d(path)
        raise ValueError(f"don't know how to read the NER folder {path}")
    if path.suffix == ".iob2":
        return read_iob2(path)
    if path.parent.name == "btc":
        return read_btc(path)
    return read_conll2003(path)
