"""The shipped CRF, decoded in numpy from weights exported at training time.

``models/ner.npz`` holds the linear-chain CRF trained by python-crfsuite (attribute names, a
state-weight matrix, the transition matrix and the labels). A token's emission scores are the sum
of cached per-word-type score vectors (its own features and what each neighbour contributes)
plus a few position features; Viterbi runs over a batch of sentences at once (one numpy step
per token position, not per token). Exactly python-crfsuite's output. Loaded lazily, once.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from itertools import chain, repeat
from pathlib import Path
from typing import Any, Iterator

from newsparse.ner import features as ft

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.npz"
#: the web-text model (reviews, answers, e-mails, forums), chosen per document by ``ner.genre``
WEB_MODEL_PATH = MODEL_PATH.with_name("ner_web.npz")
_MODELS: dict[str, "CRFModel"] = {}
_LOCK = threading.Lock()
_CACHE_MAX = 300_000


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (process-wide) for a burst of cache-filling work."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class CRFModel:
    """Emission vectors per word type, transition matrix, exact pruned Viterbi."""

    def __init__(self, path: Path | str) -> None:
        import numpy as np

        self.np = np
        with np.load(str(path), allow_pickle=False) as data:
            self.attrs = str(data["attrs"]).split("\n")
            self.labels = str(data["labels"]).split("\n")
            # one extra all-zero row: the "no known feature" sum of an empty feature list
            self.W = np.vstack([data["weights"].astype(np.float64), np.zeros((1, data["weights"].shape[1]))])
            self.T = data["transitions"].astype(np.float64)
        self.index = {a: i for i, a in enumerate(self.attrs)}
        self.L = len(self.labels)
        self.o = self.labels.index("O")
        self.zero = np.zeros(self.L)
        self._rows: dict[str, int] = {}
        self._n_rows = 0
        self._mat: Any = np.zeros((4096, 5, self.L))
        self._pos_rows: dict[str, int] = {}
        self._pos_list: list[Any] = []
        self._pos_mat: Any = None

    def _vec(self, feats: list[str]) -> Any:
        ids = [self.index[f] for f in feats if f in self.index]
        if not ids:
            return self.zero
        return self.W[ids].sum(axis=0)

    def _add_rows(self, words: list[str]) -> None:
        """Score rows of new word types, all at once: one gather and one segmented sum for the
        whole batch instead of a numpy call per word (the cost of a first pass over new text)."""
        np = self.np
        n0, n = self._n_rows, len(words)
        if not n:
            return
        while n0 + n > len(self._mat):  # grow geometrically: amortised O(1) per new word
            self._mat = np.concatenate([self._mat, np.zeros_like(self._mat)])
        own, neigh = ft.own_features, ft.neighbour_all
        lists: list[list[str]] = []
        for word in words:  # five feature lists a word, none empty (the bias, word and shape)
            lists.append(own(word))
            lists.extend(neigh(word))
        lengths = np.fromiter(map(len, lists), dtype=np.intp, count=len(lists))
        starts = np.zeros(len(lists), dtype=np.intp)
        np.cumsum(lengths[:-1], out=starts[1:])
        # an unknown feature points at the all-zero row: adding 0.0 leaves every sum exact
        flat = np.fromiter(map(self.index.get, chain.from_iterable(lists), repeat(len(self.W) - 1)),
                           dtype=np.intp, count=int(lengths.sum()))
        sums = np.add.reduceat(self.W[flat], starts, axis=0)
        self._mat[n0 : n0 + n] = sums.reshape(n, 5, self.L)
        self._rows.update(zip(words, range(n0, n0 + n)))
        self._n_rows = n0 + n

    def _word_row(self, word: str) -> int:
        """Row of the word type in the cached (types x 5 x labels) score table."""
        row = self._rows.get(word)
        if row is None:
            self._add_rows([word])
            row = self._rows[word]
        return row

    def _pos_row(self, feats: list[str]) -> int:
        key = "\t".join(feats)
        row = self._pos_rows.get(key)
        if row is None:
            row = self._pos_rows[key] = len(self._pos_list)
            self._pos_list.append(self._vec(feats))
            self._pos_mat = self.np.array(self._pos_list)
        return row

    def emissions(self, sentences: list[list[str]], ctx: dict[str, str] | None = None) -> Any:
        """Emission scores of all tokens of ``sentences``, flat (tokens x labels)."""
        np = self.np
        if self._n_rows > _CACHE_MAX:  # an unbounded vocabulary: start the cache afresh
            self._rows, self._n_rows = {}, 0
        pos: list[int] = []
        sid: list[int] = []
        empty = self._pos_row([])
        all_words: list[str] = []
        for k, words in enumerate(sentences):
            words, feats = ft.prepare(words, ctx)
            all_words.extend(words)
            pos.extend([self._pos_row(p) if p else empty for p in feats])
            sid.extend([k] * len(words))
        known = self._rows
        new = [w for w in dict.fromkeys(all_words) if w not in known]
        if new:
            self._add_rows(new)
        rows = list(map(known.__getitem__, all_words))
        M = self._mat[np.array(rows)]
        E = M[:, 0] + self._pos_mat[np.array(pos)]
        n = len(rows)
        if n > 1:
            sid_a = np.array(sid)
            same1 = (sid_a[1:] == sid_a[:-1])[:, None]
            E[1:] += M[:-1, 1] * same1
            E[:-1] += M[1:, 2] * same1
            if n > 2:
                same2 = (sid_a[2:] == sid_a[:-2])[:, None]
                E[2:] += M[:-2, 3] * same2
                E[:-2] += M[2:, 4] * same2
        return E

    def viterbi_batch(self, E: Any, lengths: Any) -> Any:
        """Best label paths of several sentences at once: ``E`` is (sentences x steps x labels),
        rows sorted by ascending length, so the sentences still running at step t are a suffix."""
        np = self.np
        S, N, L = E.shape
        T = self.T[None, :, :]
        ident = np.arange(L)
        delta = E[:, 0, :].copy()
        back = np.empty((N, S, L), dtype=np.int64)
        back[:] = ident
        for t in range(1, N):
            k0 = int(np.searchsorted(lengths, t, side="right"))  # first sentence longer than t
            cand = delta[k0:, :, None] + T
            best = cand.argmax(axis=1)
            back[t, k0:] = best
            delta[k0:] = cand.max(axis=1) + E[k0:, t, :]
        path = np.empty((S, N), dtype=np.int64)
        cur = delta.argmax(axis=1)
        rows = np.arange(S)
        for t in range(N - 1, -1, -1):
            path[:, t] = cur
            cur = back[t][rows, cur]
        return path

    def tag_many(self, sentences: list[list[str]], batch: int = 512) -> list[list[str]]:
        """IOB2 labels for the sentences of one document: similar lengths are decoded together.

        The cyclic garbage collector is paused meanwhile: the per-word-type caches add thousands
        of long-lived lists on a first pass, and collections that rescan them (they hold no
        cycles) took over half of the feature time."""
        with paused_gc():
            return self._tag_many(sentences, batch)

    def _tag_many(self, sentences: list[list[str]], batch: int) -> list[list[str]]:
        np = self.np
        ctx = ft.doc_context(sentences)
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        labels = self.labels
        for b in range(0, len(order), batch):
            idx = order[b : b + batch]
            sents = [sentences[i] for i in idx]
            lengths = np.array([len(s) for s in sents])
            E_flat = self.emissions(sents, ctx)
            N = int(lengths.max())
            E = np.zeros((len(sents), N, self.L))
            offsets = np.concatenate(([0], np.cumsum(lengths)))
            for k in range(len(sents)):
                E[k, : lengths[k]] = E_flat[offsets[k] : offsets[k + 1]]
            path = self.viterbi_batch(E, lengths)
            for k, i in enumerate(idx):
                out[i] = [labels[j] for j in path[k, : lengths[k]].tolist()]
        return out

    def tag(self, words: list[str]) -> list[str]:
        """IOB2 labels for one sentence."""
        return self.tag_many([words])[0]


def model(path: Path | str | None = None) -> CRFModel:
    """The CRF at ``path`` (default: the shipped model), loaded once per process."""
    key = str(path or MODEL_PATH)
    m = _MODELS.get(key)
    if m is None:
        with _LOCK:
            m = _MODELS.get(key)
            if m is None:
                m = _MODELS[key] = CRFModel(key)
    return m


def tag_sentences(sentences: list[list[str]], path: Path | str | None = None) -> list[list[str]]:
    """IOB2 tags (PER/ORG/LOC/MISC) for each sentence of words."""
    return model(path).tag_many(sentences)


def export(crfsuite_path: Path | str, out: Path | str) -> None:
    """Write a python-crfsuite model's weights as ``.npz`` (training time)."""
    import numpy as np
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(str(crfsuite_path))
    info = tg.info()
    labels = sorted(info.labels, key=lambda x: (x != "O", x))
    lidx = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    aidx = {a: i for i, a in enumerate(attrs)}
    W = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (a, lab), w in info.state_features.items():
        W[aidx[a], lidx[lab]] = w
    T = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        T[lidx[a], lidx[b]] = w
    np.savez_compressed(str(out), attrs=np.array("\n".join(attrs)), labels=np.array("\n".join(labels)),
                        weights=W, transitions=T)
