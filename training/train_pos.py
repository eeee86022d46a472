"""Train newsparse's small part-of-speech lexicon tagger from UD English-EWT.

Why a lexicon tagger and not a perceptron: the quotes stage needs word classes (noun,
verb, pronoun, preposition...) for subject/speaker phrases at >= 100 articles/s in pure
Python. A most-frequent-tag lexicon with capitalisation and suffix back-off is a dict
lookup per word type, and is accurate enough for noun-phrase edges.

Output: ``newsparse/models/pos_lexicon.json.gz`` - {"words": {word: tag}, "lower":
{word: tag}, "suffix": {suffix: tag}, "tagset": "ptb"} - plain JSON, loaded by
:mod:`newsparse.nlp.pos`. Usage::

    python3 training/train_pos.py [--ud ../shared/data/train/ud_ewt] [--out newsparse/models/pos_lexicon.json.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def read_conllu(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as lists of (form, PTB tag); multi-word token lines are skipped."""
    import sys

    sys.path.insert(0, str(REPO))
    from newsparse.ner.corpora import conllu_sentences

    return [[(c[1], c[4] if c[4] != "_" else c[3]) for c in rows] for rows in conllu_sentences(path)]


def train(sents: list[list[tuple[str, str]]], min_suffix: int = 5) -> dict:
    words: dict[str, Counter] = defaultdict(Counter)
    lower: dict[str, Counter] = defaultdict(Counter)
    suffix: dict[str, Counter] = defaultdict(Counter)
    for sent in sents:
        for form, tag in sent:
            words[form][tag] += 1
            lower[form.lower()][tag] += 1
            if form.isalpha() and form.islower():
                for k in (2, 3, 4):
                    if len(form) > k + 1:
                        suffix[form[-k:]][tag] += 1
    best = lambda c: c.most_common(1)[0][0]  # noqa: E731
    return {
        "tagset": "ptb",
        "words": {w: best(c) for w, c in words.items()},
        "lower": {w: best(c) for w, c in lower.items()},
        "suffix": {s: best(c) for s, c in suffix.items() if sum(c.values()) >= min_suffix},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ud", type=Path, default=REPO.parent / "shared" / "data" / "train" / "ud_ewt")
    ap.add_argument("--out", type=Path, default=REPO / "newsparse" / "models" / "pos_lexicon.json.gz")
    args = ap.parse_args()
    train_sents = read_conllu(args.ud / "en_ewt-ud-train.conllu") + read_conllu(args.ud / "en_ewt-ud-dev.conllu")
    model = train(train_sents)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"), sort_keys=True)
    # held-out accuracy on the test split, with the same back-off the runtime tagger uses
    import sys

    sys.path.insert(0, str(REPO))
    from newsparse.nlp.pos import LexiconTagger

    tagger = LexiconTagger(model)
    test = read_conllu(args.ud / "en_ewt-ud-test.conllu")
    total = right = 0
    for sent in test:
        tags = tagger.tag([w for w, _ in sent])
        for (_, gold), pred in zip(sent, tags):
            total += 1
            right += gold == pred
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB); "
          f"{len(model['words'])} word forms; EWT test accuracy {right / total:.3f} on {total} tokens")


if __name__ == "__main__":
    main()
