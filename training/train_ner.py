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
Twitter Corpus section g; L-BFGS with c1 = 0.05, c2 = 0.01, 100 iterations, about 2 minutes on an
idle core. Options measured and not shipped (docs/entities.md): lower-cased copies of UNER
(``uner~lower``, ``uner-dev~lower``, which need the lower-case document features of that
experiment), ``gum`` (GUM, NER derived from its entity layer) and the other BTC sections.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsparse.ner.corpora import read_any, spans  # noqa: E402
from newsparse.ner.features import WEB_FEATURES, doc_context, sentence_features  # noqa: E402
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
    "btc-a": TRAIN / "btc" / "a.conll",
    "btc-b": TRAIN / "btc" / "b.conll",
    "btc-e": TRAIN / "btc" / "e.conll",
    "btc-f": TRAIN / "btc" / "f.conll",
    "gum": TRAIN / "gum",
}
DEFAULT = "conll,uner,uner-dev,wikigold,btc"


def lowercased(doc: list, names_only: bool = False, every: int = 3) -> list:
    """A copy of a document as a writer who skips capitals types it: every token lower-cased,
    or (``names_only``) only the words of every ``every``-th name, as web text writes some
    names (shops, brands, cities) in lower case. Labels unchanged."""
    out = []
    k = 0
    for toks, tags in doc:
        if not names_only:
            out.append(([t.lower() for t in toks], tags))
            continue
        toks = list(toks)
        for i, j, _typ in spans(tags):
            if k % every == 0:
                toks[i:j] = [t.lower() for t in toks[i:j]]
            k += 1
        out.append((toks, tags))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=DEFAULT,
                    help=f"comma-separated, from {sorted(CORPORA)}; NAME:N = its first N sentences; "
                         "a name given twice is read twice (weight 2)")
    ap.add_argument("--max-iterations", type=int, default=100)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--algorithm", default="lbfgs", choices=["lbfgs", "ap", "pa", "l2sgd"],
                    help="crfsuite training algorithm (lbfgs: c1/c2 apply; ap/pa: iterations are epochs)")
    ap.add_argument("--limit", type=int, default=0, help="sentences per corpus (0 = all)")
    ap.add_argument("--features", default="news", choices=["news", "web"],
                    help="news: leave out the lower-case (web text) features; web: keep them")
    ap.add_argument("--out", type=Path, default=ROOT / "newsparse" / "models" / "ner.npz",
                    help="the exported weights (.npz) the stage loads")
    args = ap.parse_args(argv)

    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    t0 = time.time()
    n_sent = n_tok = 0
    for item in args.corpora.split(","):
        name, _, cap = item.partition(":")  # "conll:8000": only the first 8000 sentences
        name, _, variant = name.partition("~")  # "uner~lower": a lower-cased copy (see lowercased)
        if variant not in ("", "lower", "lowernames"):
            ap.error(f"unknown corpus variant ~{variant} (lower, lowernames)")
        limit = int(cap) if cap else args.limit
        count = 0
        for doc in read_any(CORPORA[name]):
            if variant:
                doc = lowercased(doc, names_only=variant == "lowernames")
            ctx = doc_context([toks for toks, _ in doc])
            for toks, tags in doc:
                if limit and count >= limit:
                    break
                feats = sentence_features(toks, ctx)
                if args.features == "news":
                    feats = [[f for f in fs if not f.startswith(WEB_FEATURES)] for fs in feats]
                trainer.append(feats, tags)
                count += 1
                n_tok += len(toks)
        n_sent += count
        print(f"{item}: {count} sentences", file=sys.stderr)
    print(f"featurised {n_sent} sentences / {n_tok} tokens in {time.time() - t0:.0f}s", file=sys.stderr)
    params = {"max_iterations": args.max_iterations, "feature.possible_transitions": True}
    if args.algorithm == "lbfgs":
        params.update(c1=args.c1, c2=args.c2)
    elif args.algorithm == "l2sgd":
        params.update(c2=args.c2)
    trainer.set_params(params)
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
