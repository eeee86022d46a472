"""Tokens, features and the numpy CRF decoder."""
from __future__ import annotations

import itertools

import numpy as np

from newsparse.ner import features as ft
from newsparse.ner.model import MODEL_PATH, CRFModel, model, tag_sentences
from newsparse.ner.tokens import word_spans


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in word_spans(text)]


def test_tokens_split_possessives_and_name_hyphen_modifiers() -> None:
    assert words("Vexa's U.S.-based unit") == ["Vexa", "'s", "U.S.", "-", "based", "unit"]
    assert words("a Norway-owned firm") == ["a", "Norway", "-", "owned", "firm"]
    assert words("Hewlett-Packard and Rolls-Royce") == ["Hewlett-Packard", "and", "Rolls-Royce"]
    assert words("Dr. J. Pell, 1996-08-30") == ["Dr.", "J.", "Pell", ",", "1996-08-30"]
    # a two-letter syllable of a Korean given name stays in the name
    assert words("Dae Hyun-jo and Seo Min-ah") == ["Dae", "Hyun-jo", "and", "Seo", "Min-ah"]
    assert words("a Vexa-led deal") == ["a", "Vexa", "-", "led", "deal"]


def test_caps_headline_is_truecased() -> None:
    assert ft.is_caps_sentence("FLOODS HIT NORWAY AFTER STORM".split())
    assert not ft.is_caps_sentence("Floods hit Norway after the UN warned".split())
    assert ft.truecase("NORWAY") == "Norway"
    assert ft.truecase("AFTER") == "after"
    assert ft.truecase("U.S.") == "U.S."


def test_doc_context_records_casing_inside_sentences() -> None:
    ctx = ft.doc_context([["Reports", "say", "Brindle", "won"], ["The", "brindle", "cat"]])
    assert ctx["brindle"] == "CL"
    assert "reports" not in ctx  # sentence-initial words are no evidence


def test_phrase_tags_mark_multiword_places() -> None:
    assert ft.phrase_tags(["in", "Los", "Angeles", "today"]) == [None, "Bcity", "Icity", None]


def brute_force(E: np.ndarray, T: np.ndarray) -> list[int]:
    best, arg = -np.inf, None
    for path in itertools.product(range(E.shape[1]), repeat=E.shape[0]):
        score = sum(E[t, y] for t, y in enumerate(path)) + sum(T[a, b] for a, b in zip(path, path[1:]))
        if score > best:
            best, arg = score, list(path)
    return arg


def test_batched_viterbi_is_exact_on_ragged_batches() -> None:
    m = model()
    rng = np.random.default_rng(1)
    L = m.L
    saved = m.T
    try:
        m.T = rng.normal(size=(L, L))
        lengths = np.array([1, 3, 2])
        E = rng.normal(size=(3, 3, L))
        path = m.viterbi_batch(E, lengths)
        for k, n in enumerate(lengths):
            if L ** n <= 10_000:
                assert path[k, :n].tolist() == brute_force(E[k, :n], m.T)
    finally:
        m.T = saved


def test_shipped_model_tags_a_sentence() -> None:
    (tags,) = tag_sentences([words("Maria Lindqvist flew from Stockholm to Madrid on Monday .")])
    assert tags[:2] == ["B-PER", "I-PER"]
    assert tags[4] == "B-LOC" and tags[6] == "B-LOC"
    assert isinstance(model(), CRFModel) and model() is model()


def test_batched_emissions_equal_the_training_features() -> None:
    # the cached per-word-type vectors must sum to exactly the features the CRF was trained on
    m = CRFModel(MODEL_PATH)  # a fresh instance: empty caches, so every word type is new
    sents = [words("Orla Quinlan joined Teravant Holdings in Cork last spring ."),
             words("TERAVANT SHARES JUMP AFTER ORLA QUINLAN DEAL"), words("Cork ."), words("Teravant")]
    ctx = ft.doc_context(sents)
    E = m.emissions(sents, ctx)
    row = 0
    for s in sents:
        for feats in ft.sentence_features(s, ctx):
            expected = sum((m.W[m.index[f]] for f in feats if f in m.index), np.zeros(m.L))
            assert np.allclose(E[row], expected, rtol=0, atol=1e-9)
            row += 1
    assert row == len(E)


def test_tagging_restores_the_garbage_collector() -> None:
    import gc

    assert gc.isenabled()
    tag_sentences([words("Orla Quinlan flew to Cork .")])
    assert gc.isenabled()
    gc.disable()
    try:
        tag_sentences([words("Orla Quinlan flew to Cork .")])
        assert not gc.isenabled()
    finally:
        gc.enable()

