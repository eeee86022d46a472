"""Train the web-text NER model ``newsparse/models/ner_web.npz``: two CRFs, weights averaged.

The entities stage tags a document with this model when the genre detector
(``newsparse/ner/genre.py``) finds it is informal user-written web text (reviews, answers,
e-mails, forums). Both members are trained by ``training/train_ner.py`` with the lower-case
features (``--features web``: lower-case place names, documents written without capitals) and
c2 = 0.05:

* **mix**: CoNLL-2003 train + UNER English-EWT train (and a lower-cased copy) + wikigold + BTC g;
* **web**: UNER English-EWT train (and a lower-cased copy) + BTC g + wikigold, no news.

Their weights are averaged over the union of their features (a feature one model lacks counts
as weight 0 there): the average of two log-linear models trained on different data is a
product-of-experts ensemble, decoded by the same Viterbi. Chosen on UNER dev held out
(docs/entities.md, "Two models and the genre switch"); the shipped model adds UNER dev to both
members (``--with-dev``, the default).

    python3 training/train_ner_web.py                 # writes newsparse/models/ner_web.npz
    python3 training/train_ner_web.py --no-dev --out /tmp/web.npz   # the held-out variant
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import train_ner  # noqa: E402

MEMBERS = {
    "mix": "conll,uner,uner~lower,wikigold,btc",
    "web": "uner,uner~lower,btc,wikigold",
}
DEV = ",uner-dev,uner-dev~lower"


def average(paths: list[Path], out: Path) -> None:
    """Uniform average of exported CRFs (same labels) over the union of their attributes."""
    import numpy as np

    models = []
    for p in paths:
        with np.load(str(p), allow_pickle=False) as d:
            models.append((str(d["attrs"]).split("\n"), str(d["labels"]).split("\n"),
                           d["weights"].astype(np.float64), d["transitions"].astype(np.float64)))
    labels = models[0][1]
    if any(m[1] != labels for m in models):
        raise ValueError("models with different label sets cannot be averaged")
    attrs = sorted(set().union(*(m[0] for m in models)))
    index = {a: i for i, a in enumerate(attrs)}
    W = np.zeros((len(attrs), len(labels)))
    T = np.zeros_like(models[0][3])
    for names, _labels, w, t in models:
        W[[index[a] for a in names]] += w / len(models)
        T += t / len(models)
    np.savez_compressed(str(out), attrs=np.array("\n".join(attrs)), labels=np.array("\n".join(labels)),
                        weights=W.astype(np.float32), transitions=T.astype(np.float32))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-dev", dest="dev", action="store_false", help="leave UNER dev out (to score on it)")
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--max-iterations", type=int, default=100)
    ap.add_argument("--out", type=Path, default=ROOT / "newsparse" / "models" / "ner_web.npz")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for name, corpora in MEMBERS.items():
            part = Path(tmp) / f"{name}.npz"
            train_ner.main(["--corpora", corpora + (DEV if args.dev else ""), "--features", "web",
                            "--c2", str(args.c2), "--max-iterations", str(args.max_iterations), "--out", str(part)])
            parts.append(part)
        average(parts, args.out)
    print(f"averaged {len(parts)} models -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
