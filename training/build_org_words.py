"""Build ``newsparse/models/ner_orgwords.tsv``: words that end organisation names in the training data.

A word that often closes a multi-word ORG span (``Electric``, ``Airlines``, ``Market``) marks the
capitalised words before it as a company or body, whatever they are alone (a place, a first
name, a title). Counted over the training corpora only (CoNLL-2003 train, UNER English-EWT train
and dev, wikigold); places and first names (the sports clubs of CoNLL's results tables end in a
city) are left out; a word is kept when it closes at least ``--min-count`` ORG names and at least
``--min-ratio`` of its capitalised occurrences do. Only the words ship, no corpus text.

    python3 training/build_org_words.py
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsparse.ner.corpora import read_any, spans  # noqa: E402
from newsparse.ner.gazetteers import first_names, gazetteer  # noqa: E402

PLACES = {"country", "state", "city", "region", "demonym"}

TRAIN = ROOT.parent / "shared" / "data" / "train"
SOURCES = [TRAIN / "conll2003" / "eng.train", TRAIN / "uner_ewt" / "en_ewt-ud-train.iob2",
           TRAIN / "uner_ewt" / "en_ewt-ud-dev.iob2", TRAIN / "wikigold" / "wikigold.conll.txt"]
OUT = ROOT / "newsparse" / "models" / "ner_orgwords.tsv"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-ratio", type=float, default=0.4)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    closes: Counter = Counter()
    capitalised: Counter = Counter()
    for path in SOURCES:
        for doc in read_any(path):
            for toks, tags in doc:
                for i, w in enumerate(toks):
                    if i and w[:1].isupper():
                        capitalised[w.lower()] += 1
                for s, e, typ in spans(tags):
                    if typ == "ORG" and e - s >= 2 and toks[e - 1][:1].isalpha():
                        closes[toks[e - 1].lower()] += 1
    kept = sorted(w for w, n in closes.items()
                  if n >= args.min_count and n >= args.min_ratio * max(capitalised[w], 1) and len(w) > 1
                  and not PLACES & set(gazetteer().get(w, ())) and w not in first_names())
    args.out.write_text("# words that close organisation names - built by training/build_org_words.py\n"
                        + "".join(w + "\n" for w in kept), encoding="utf-8")
    print(f"{len(kept)} words -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
