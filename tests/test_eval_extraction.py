"""Extraction metrics on small hand-computed cases."""
from __future__ import annotations

import pytest

from newsparse.evaluate.extraction import (
    authors_exact,
    evaluate,
    same_day,
    shingle_metrics,
    shingle_tp_fp_fn,
    title_exact,
    word_prf,
)


def test_identical_texts_score_one():
    tp, fp, fn = shingle_tp_fp_fn("a b c d e", "a b c d e")
    assert (tp, fp, fn) == (1.0, 0.0, 0.0)


def test_one_extra_word_costs_a_known_amount():
    # gold 5 tokens -> 2 shingles; prediction adds one token at the end -> 3 shingles, 2 shared
    tp, fp, fn = shingle_tp_fp_fn("a b c d e", "a b c d e f")
    assert (tp, fp, fn) == pytest.approx((2 / 3, 1 / 3, 0.0))
    m = shingle_metrics([(tp, fp, fn)])
    assert m["precision"] == pytest.approx(2 / 3)
    assert m["recall"] == 1.0
    assert m["f1"] == pytest.approx(0.8)


def test_short_text_is_one_shingle_and_case_matters():
    assert shingle_tp_fp_fn("Hello world", "hello world") == (0.0, 0.5, 0.5)


def test_pages_are_averaged_not_pooled():
    perfect = shingle_tp_fp_fn("a b c d", "a b c d")
    empty = shingle_tp_fp_fn("a b c d", "")  # nothing predicted: recall 0, no precision term
    m = shingle_metrics([perfect, empty])
    assert m["recall"] == pytest.approx(0.5)
    assert empty == (0.0, 0.0, 1.0)
    assert m["precision"] == 1.0  # a page with no prediction has no precision term


def test_word_bag_f1_by_hand():
    p, r, f = word_prf("The cat sat on the mat", "the cat sat")
    assert p == 1.0
    assert r == pytest.approx(3 / 6)
    assert f == pytest.approx(2 * 0.5 / 1.5)


def test_metadata_matching():
    assert title_exact("A “quoted”  title.", 'a "quoted" title')
    assert not title_exact("A title | Site", "A title")
    assert authors_exact(["Jane Roe", "John Doe"], "John Doe and Jane Roe")
    assert authors_exact([], None)
    assert not authors_exact(["Site Staff"], None)
    assert same_day("2024-03-01", "2024-03-01T10:00:00")
    assert not same_day(None, "2024-03-01")


def test_unknown_folder_is_refused(tmp_path):
    with pytest.raises(ValueError):
        evaluate(tmp_path)


def test_wcxb_layout_runs_on_a_tiny_gold(tmp_path):
    import gzip
    import json

    (tmp_path / "html").mkdir()
    (tmp_path / "ground-truth").mkdir()
    body = " ".join(f"Sentence number {i} tells the reader something new about the harbour." for i in range(12))
    html = (f"<html><head><title>Harbour news | Example Post</title><meta property='og:site_name' content='Example Post'>"
            f"</head><body><article><h1>Harbour news</h1><p>{body}</p></article></body></html>")
    with gzip.open(tmp_path / "html" / "0001.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(html)
    gt = {"url": "https://example.org/a", "ground_truth": {"title": "Harbour news", "author": "", "publish_date": "",
                                                           "main_content": body, "with": [], "without": []}}
    (tmp_path / "ground-truth" / "0001.json").write_text(json.dumps(gt))
    report = evaluate(tmp_path, errors=1)
    assert report["task"] == "extraction"
    assert report["overall"]["f1"] > 0.9
    assert report["overall"]["title_exact"] == 1.0
    assert report["overall"]["date_returned_where_gold_has_none"] == 0
    assert report["errors"][0]["id"] == "0001"
