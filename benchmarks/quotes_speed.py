#!/usr/bin/env python3
"""Quotes-stage speed on the ggt-dev texts: articles per second of CPU time on one core.

    python3 benchmarks/quotes_speed.py [--gold ../shared/data/quotes/ggt-dev/gold.jsonl] [--repeat 3]

Each text is cleaned into paragraphs by line, segmented and run through the entities
stage once (not timed); then only ``QuotesStage.process`` is timed, with
``time.process_time`` so that other jobs on a shared machine do not count. Reports the
best of ``--repeat`` passes. Text is read from ../shared at run time and never stored.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "data" / "quotes" / "ggt-dev" / "gold.jsonl")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-entities", action="store_true", help="time quotes without the entities stage before it")
    args = ap.parse_args()

    from newsparse.model import Document
    from newsparse.stages.entities import EntitiesStage
    from newsparse.stages.quotes import QuotesStage
    from newsparse.stages.segment import SegmentStage

    docs = []
    for line in args.gold.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        doc = Document.from_lines(text, input="bench")
        SegmentStage().process(doc)
        if not args.no_entities:
            EntitiesStage().process(doc)
        docs.append(doc)
    stage = QuotesStage()
    stage.process(docs[0])  # load lexicon, tagger and name list once
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        for doc in docs:
            stage.process(doc)
        best = min(best, time.process_time() - t0)
    words = sum(len(d.text.split()) for d in docs)
    print(f"quotes stage: {len(docs)} articles, {words} words: {len(docs) / best:.0f} articles/s, "
          f"{words / best / 1000:.0f}k words/s (CPU time, one core, best of {args.repeat})")


if __name__ == "__main__":
    main()
