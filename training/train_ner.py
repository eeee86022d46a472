"""Train the shipped NER model ``newsparse/models/ner.npz`` (a linear-chain CRF).

Reads the corpora of ``../shared/data/train`` (never copied into the repo), featurises them with
``newsparse.ner.features`` (the same code the stage runs) and trains python-crfsuite with L-BFGS
and elastic-net regularisation for a bounded number of iterations, then exports the weights to
``.npz`` for the numpy decoder in ``newsparse/ner/model.py`` (same output as crfsuite's tagger).
Labels are IOB2 over the CoNLL types PER / ORG / LOC / MISC; the stage refines LOC into GPE/LOC
and MISC into NORP/MISC. Run ``build_gazetteers.py`` and ``build_clusters.py`` first.

    python3 training/train_ner.py                       # default corpora, writes the model
    python3 training/train_ner.py --corpora conll --max-iterations 50 --out /tmp/ner.npz

Default training set: CoNLL-2003 train + UNER English-EWT train and dev + wikigold + the Broad
Twitter Corpus section shipped in ../shared (see docs/entities.md for the measured effect of each
corpus). Bounded: 100 L-BFGS iterations, under 2 minutes on an idle core (up to 8 on the shared
machine).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsparse.ner.corpora import read_any  # noqa: E402
from newsparse.ner.features import doc_context, sentence_features  # noqa: E402
from newsparse.ner.model import export  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "train"
CORPORA = {
    "conll": TRAIN / "conll2003" / "eng.train",
    "conll-dev": TRAIN / "conll2003" / "eng.testa",
    "uner": TRAIN / "uner_ewt" / "en_ewt-ud-train.iob2",
    "uner-dev": TRAIN / "uner_ewt" / "en_ewt-ud-dev.iob2",
    "wikigold": TRAIN / "wikigold" / "wikigold.conll.txt",
    "re3d": TRAIN / "re3d",
    "btc": TRAIN / "btc" / "g.conll",
}
DEFAULT = "conll,uner,uner-dev,wikigold,btc"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=DEFAULT, help=f"comma-separated, from {sorted(CORPORA)}")
    ap.add_argument("--max-iterations", type=int, default=100)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--limit", type=int, default=0, help="sentences per corpus (0 = all)")
    ap.add_argument("--out", type=Path, default=ROOT / "newsparse" / "models" / "ner.npz",
                    help="the exported weights (.npz) the stage loads")
    args = ap.parse_args(argv)

    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    t0 = time.time()
    n_sent = n_tok = 0
    for name in args.corpora.split(","):
        count = 0
        for doc in read_any(CORPORA[name]):
            ctx = doc_context([toks for toks, _ in doc])
            for toks, tags in doc:
                if args.limit and count >= args.limit:
                    break
                trainer.append(sentence_features(toks, ctx), tags)
                count += 1
                n_tok += len(toks)
        n_sent += count
        print(f"{name}: {count} sentences", file=sys.stderr)
    print(f"featurised {n_sent} sentences / {n_tok} tokens in {time.time() - t0:.0f}s", file=sys.stderr)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations,
                        "feature.possible_transitions": True})
    t1 = time.time()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        crf_path = Path(tmp) / "ner.crfsuite"
        trainer.train(str(crf_path))
        export(crf_path, args.out)
    print(f"trained in {time.time() - t1:.0f}s -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
