"""Train the genre detector ``newsparse/models/genre.json`` (news/edited prose vs informal web text).

Documents of ``../shared/data/train`` labelled by their source (never copied into the repo):
edited prose = CoNLL-2003 train (Reuters news), wikigold (Wikipedia) and GUM's news, biography,
travel-guide, academic, interview and court documents; web = UNER English-EWT train (reviews,
answers, e-mails, newsgroups, blogs). Each document is its tokens joined by spaces (sentences on
lines), as the evaluator builds them. The signals are those of ``newsparse.ner.genre.signals``;
the model is a logistic regression on standardised signals with L2, the two classes weighted
equally, fitted by gradient descent in numpy (deterministic). ``--report`` then prints the share
of documents called "web" on the held-out sets (CoNLL dev, UNER dev and test, the seed, ggt-dev,
ScrapingHub and WCXB pages through the extract and clean stages).

    python3 training/train_genre.py              # writes newsparse/models/genre.json
    python3 training/train_genre.py --report     # and the routing shares on held-out sets
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsparse.ner import genre  # noqa: E402
from newsparse.ner.corpora import read_any, read_columns  # noqa: E402

SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "data" / "train"
GUM_EDITED = ("news", "bio", "voyage", "academic", "interview", "court")


def doc_text(doc: list) -> str:
    """A corpus document as the evaluator shows it to the stage: tokens spaced, a sentence a line."""
    return "\n".join(" ".join(toks) for toks, _ in doc)


def gum_texts() -> list[str]:
    out = []
    for path in sorted((TRAIN / "gum" / "dep").glob("*.conllu")):
        if path.name.split("_")[1] not in GUM_EDITED:
            continue
        sents, words = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line:
                if words:
                    sents.append(" ".join(words))
                    words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" not in cols[0] and "." not in cols[0]:
                    words.append(cols[1])
        if words:
            sents.append(" ".join(words))
        out.append("\n".join(sents))
    return out


def training_set() -> tuple[list[str], list[int]]:
    news = [doc_text(d) for d in read_any(TRAIN / "conll2003" / "eng.train")]
    news += [doc_text(d) for d in read_columns(TRAIN / "wikigold" / "wikigold.conll.txt")]
    news += gum_texts()
    web = [doc_text(d) for d in read_any(TRAIN / "uner_ewt" / "en_ewt-ud-train.iob2")]
    return news + web, [0] * len(news) + [1] * len(web)


def fit(X, y, l2: float = 1.0, steps: int = 3000, lr: float = 0.5):
    """Logistic regression, classes weighted equally, by full-batch gradient descent."""
    import numpy as np

    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    cw = np.where(y == 1, 0.5 / y.sum(), 0.5 / (n - y.sum()))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = (p - y) * cw
        w -= lr * (X.T @ g + l2 * w / n)
        b -= lr * g.sum()
    return w, b


def held_out() -> dict[str, list[str]]:
    """Held-out document texts: corpus documents as evaluated, articles and pages as extracted."""
    sets: dict[str, list[str]] = {
        "CoNLL dev": [doc_text(d) for d in read_any(TRAIN / "conll2003" / "eng.testa")],
        "UNER dev": [doc_text(d) for d in read_any(TRAIN / "uner_ewt" / "en_ewt-ud-dev.iob2")],
        "UNER test": [doc_text(d) for d in read_any(TRAIN / "uner_ewt" / "en_ewt-ud-test.iob2")],
    }
    seed = sorted((SHARED / "seed").glob("*.txt"))
    sets["seed"] = [p.read_text(encoding="utf-8") for p in seed]
    ggt = SHARED / "data" / "quotes" / "ggt-dev" / "gold.jsonl"
    sets["ggt-dev"] = [json.loads(line)["text"] for line in ggt.read_text(encoding="utf-8").splitlines() if line]
    from newsparse.pipeline import Pipeline

    full = Pipeline.from_config(None, use_user_config=False)
    front = Pipeline([full.stage("extract"), full.stage("clean")])
    from newsparse.inputs.sources import load_source

    for name, folder in (("ScrapingHub", "scrapinghub"), ("WCXB dev articles", "wcxb-dev-articles")):
        texts = []
        for page in sorted((SHARED / "data" / "extraction" / folder / "html").iterdir()):
            try:
                texts.append(front.run(load_source(str(page)).to_document()).document.text)
            except Exception as exc:  # a page the extractor refuses is no routing decision
                print(f"{page.name}: {exc}", file=sys.stderr)
        sets[name] = texts
    return sets


def main(argv: list[str] | None = None) -> None:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=0.9, help="web probability needed to route to web")
    ap.add_argument("--min-words", type=int, default=10, help="shorter documents stay news")
    ap.add_argument("--lower-alone", type=float, default=0.5,
                    help="share of lower-case sentence starts that makes a document web by itself")
    ap.add_argument("--lower-with-register", type=float, default=0.1,
                    help="share of lower-case sentence starts needed with an informal register (p >= threshold)")
    ap.add_argument("--out", type=Path, default=ROOT / "newsparse" / "models" / "genre.json")
    ap.add_argument("--report", action="store_true", help="print routing shares on the held-out sets")
    ap.add_argument("--cache", type=Path, help="JSON file keeping the held-out texts between runs "
                                                "(extracting the pages takes a minute or two)")
    args = ap.parse_args(argv)

    texts, labels = training_set()
    F = np.array([[genre.signals(t)[f] for f in genre.FEATURES] for t in texts])
    y = np.array(labels, dtype=float)
    mean, scale = F.mean(axis=0), F.std(axis=0) + 1e-9
    w, b = fit((F - mean) / scale, y, l2=args.l2)
    model = {"features": list(genre.FEATURES), "weights": [round(float(x), 6) for x in w],
             "bias": round(float(b), 6), "mean": [round(float(x), 8) for x in mean],
             "scale": [round(float(x), 8) for x in scale], "threshold": args.threshold,
             "min_words": args.min_words, "lower_alone": args.lower_alone,
             "lower_with_register": args.lower_with_register}
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    genre._model.cache_clear()
    print(f"{int(y.sum())} web / {int(len(y) - y.sum())} edited training documents -> {args.out}", file=sys.stderr)
    for f, x in sorted(zip(genre.FEATURES, w), key=lambda t: -abs(t[1])):
        print(f"  {f:12s} {x:+.2f}", file=sys.stderr)
    train_web = [genre.detect(t, args.out)[0] == genre.WEB for t in texts]
    for lab, name in ((0, "edited"), (1, "web")):
        sel = [r for r, l in zip(train_web, labels) if l == lab]
        print(f"  training {name}: {sum(sel)}/{len(sel)} routed web", file=sys.stderr)
    if args.report:
        if args.cache and args.cache.exists():
            sets = json.loads(args.cache.read_text(encoding="utf-8"))
        else:
            sets = held_out()
            if args.cache:
                args.cache.write_text(json.dumps(sets), encoding="utf-8")
        for name, docs in sets.items():
            routed = sum(genre.detect(t, args.out)[0] == genre.WEB for t in docs)
            print(f"{name}: {routed}/{len(docs)} web ({100 * routed / max(len(docs), 1):.1f}%)")


if __name__ == "__main__":
    main()
