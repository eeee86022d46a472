"""Build word clusters for the NER model: ``newsparse/models/ner_clusters.tsv`` (training time).

Unlabelled running text from ``../shared`` (PolNeAR news articles, CoNLL-2003 train, UD English
-EWT train, GUM, wikigold - never the dev/test sets the scores are reported on) gives every
frequent word a vector of its left/right neighbours; PPMI, a truncated SVD and k-means group
words that occur in similar contexts (company names share a cluster even when only one of them
was ever labelled). The CRF uses the cluster ids as features, which is what lets it
generalise to names it never saw in training. A fourth column says how often the word is
capitalised inside a sentence - names written in lower case ("starbucks") still look like names.

    python3 training/build_clusters.py          # about a minute on one core
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "newsparse" / "models" / "ner_clusters.tsv"
VOCAB = 40_000
CONTEXTS = 2_000
DIMS = 80
SIZES = (64, 320)


def sentences():
    """Token lists of the unlabelled text."""
    from newsparse.ner.corpora import read_any
    from newsparse.ner.tokens import word_spans

    with open(SHARED / "quotes" / "polnear" / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for para in text.split("\n"):
                if para.strip():
                    yield [para[s:e] for s, e in word_spans(para)]
    for path in (SHARED / "train" / "conll2003" / "eng.train", SHARED / "train" / "wikigold" / "wikigold.conll.txt"):
        for doc in read_any(path):
            for toks, _ in doc:
                yield toks
    conllu = [SHARED / "train" / "ud_ewt" / "en_ewt-ud-train.conllu"] + sorted((SHARED / "train" / "gum" / "dep").glob("*.conllu"))
    for path in conllu:
        toks: list[str] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    if toks:
                        yield toks
                    toks = []
                elif not line.startswith("#"):
                    cols = line.split("\t")
                    if cols[0].isdigit():
                        toks.append(cols[1])


def main() -> None:
    import numpy as np
    from scipy import sparse
    from scipy.sparse.linalg import svds

    raw = list(sentences())
    sents = [[w.lower() for w in s] for s in raw]
    counts = Counter(w for s in sents for w in s)
    inner: Counter = Counter()  # occurrences inside a sentence (not first), and capitalised ones
    inner_cap: Counter = Counter()
    for s in raw:
        if sum(w.isupper() for w in s) > 0.6 * len(s):
            continue  # headlines in capitals say nothing about casing
        for w in s[1:]:
            low = w.lower()
            inner[low] += 1
            if w[:1].isupper():
                inner_cap[low] += 1
    vocab = [w for w, c in counts.most_common(VOCAB) if c >= 3]
    vid = {w: i for i, w in enumerate(vocab)}
    cid = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows, cols = [], []
    for s in sents:
        ids = [vid.get(w, -1) for w in s]
        cids = [cid.get(w, CONTEXTS - 1) for w in s]
        for i, v in enumerate(ids):
            if v < 0:
                continue
            for off, base in ((-1, 0), (1, CONTEXTS), (-2, 2 * CONTEXTS), (2, 3 * CONTEXTS)):
                j = i + off
                if 0 <= j < len(s):
                    rows.append(v)
                    cols.append(base + cids[j])
    M = sparse.coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(vocab), 4 * CONTEXTS)).tocsr()
    total = M.sum()
    pw = np.asarray(M.sum(axis=1)).ravel()
    pc = np.asarray(M.sum(axis=0)).ravel() ** 0.75
    pc = pc / pc.sum() * total
    M = M.tocoo()
    pmi = np.log(M.data * total / (pw[M.row] * pc[M.col]))
    keep = pmi > 0
    P = sparse.csr_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=M.shape)
    u, sv, _ = svds(P, k=DIMS)
    X = u * np.sqrt(sv)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(0)
    labels = []
    for k in SIZES:
        C = X[rng.choice(len(X), k, replace=False)]
        for _ in range(25):
            assign = (X @ C.T).argmax(axis=1)
            for j in range(k):
                members = X[assign == j]
                if len(members):
                    c = members.mean(axis=0)
                    C[j] = c / (np.linalg.norm(c) + 1e-9)
        labels.append(assign)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(f"# lowercased word<TAB>cluster of {SIZES[0]}<TAB>cluster of {SIZES[1]}<TAB>how often it is "
                 "capitalised inside a sentence (0 <10%, 1 <50%, 2 <90%, 3 >=90%, - unknown) - "
                 "training/build_clusters.py\n")
        for i, w in enumerate(vocab):
            if "\t" not in w:
                n = inner[w]
                cap = "-" if n < 3 else str(sum(inner_cap[w] / n >= t for t in (0.1, 0.5, 0.9)))
                fh.write(f"{w}\t{labels[0][i]}\t{labels[1][i]}\t{cap}\n")
    print(f"{len(sents)} sentences, {len(vocab)} words -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
