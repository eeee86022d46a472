"""Extraction evaluation: body text and metadata of HTML pages against gold.

Two gold layouts are recognised:

* the ScrapingHub article-extraction benchmark (``ground-truth.json`` plus
  ``html/<id>.html.gz``): body scored with the benchmark's metric - 4-gram
  shingles over ``\\w+`` tokens, TP/FP/FN normalised per page, precision and
  recall averaged over pages, F1 the harmonic mean of the two averages;
* WCXB (``ground-truth/<id>.json`` plus ``html/<id>.html.gz``): body scored by
  word-level bag-of-words F1 over lowercased ``\\w+`` tokens averaged per page,
  plus title / author / date exactness and dates returned for undated pages.

The pipeline is run up to and including its ``clean`` stage; the body is
``Document.text`` (captions are not part of it).
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

_WORD = re.compile(r"\w+")

TpFpFn = tuple[float, float, float]


# --------------------------------------------------------------------------- metrics
def tokens(text: str) -> list[str]:
    """``\\w+`` tokens, case kept (the ScrapingHub benchmark does not lowercase)."""
    return _WORD.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    """Counted n-grams of tokens; a text shorter than n is one shingle."""
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def shingle_tp_fp_fn(true: str, pred: str, n: int = 4) -> TpFpFn:
    """TP/FP/FN over shingles, normalised to sum to 1 so every page weighs the same."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def f1_of(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def shingle_metrics(triples: list[TpFpFn]) -> dict[str, float]:
    """The benchmark's aggregate: mean precision, mean recall, F1 of the means."""
    ps = [precision_score(*t) for t in triples if t[0] + t[1] > 0]
    rs = [recall_score(*t) for t in triples if t[0] + t[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": f1_of(p, r)}


def word_prf(true: str, pred: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 over lowercased ``\\w+`` tokens (WCXB)."""
    t = Counter(w.lower() for w in tokens(true))
    p = Counter(w.lower() for w in tokens(pred))
    if not t and not p:
        return 1.0, 1.0, 1.0
    common = sum((t & p).values())
    prec = common / sum(p.values()) if p else 0.0
    rec = common / sum(t.values()) if t else 0.0
    return prec, rec, f1_of(prec, rec)


# --------------------------------------------------------------------------- metadata matching
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def norm_text(s: Optional[str]) -> str:
    """Compare titles and names: NFKC, case, quote style and spacing do not count."""
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTES).casefold()
    return " ".join(s.split()).strip(" .:;,|-")


_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|prof|sir|dame|rev)\.?\s+", re.I)


def split_names(s: str) -> list[str]:
    """Author names compared without separators, case or honorifics ("Dr. Jane Roe" = "Jane Roe")."""
    parts = re.split(r"\s*(?:,|;|&|\band\b|\|)\s*", s or "")
    return [n for n in (_HONORIFIC.sub("", norm_text(p)) for p in parts) if n]


def title_exact(pred: Optional[str], gold: Optional[str]) -> bool:
    return norm_text(pred) == norm_text(gold)


def authors_exact(pred: list[str], gold: Optional[str]) -> bool:
    """Same set of names (order, separators and case ignored); no gold names means none predicted."""
    g = sorted(split_names(gold or ""))
    p = sorted(n for a in pred for n in split_names(a))
    return g == p


def same_day(pred: Optional[str], gold: Optional[str]) -> bool:
    return bool(pred and gold and pred[:10] == gold[:10])


# --------------------------------------------------------------------------- gold loading
def _read_gz(path: Path) -> str:
    with gzip.open(path, "rb") as fh:
        return fh.read().decode("utf-8", errors="replace")


def detect_format(gold: Path) -> str:
    if (gold / "ground-truth.json").is_file():
        return "scrapinghub"
    if (gold / "ground-truth").is_dir():
        return "wcxb"
    raise ValueError(f"{gold}: not an extraction gold folder (no ground-truth.json or ground-truth/)")


def iter_gold(gold: Path, limit: Optional[int] = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(id, html, gold record)`` per page, in id order; gold record has ``body`` and ``url``."""
    fmt = detect_format(gold)
    if fmt == "scrapinghub":
        data = json.loads((gold / "ground-truth.json").read_text(encoding="utf-8"))
        items = sorted(data.items())
        for n, (key, rec) in enumerate(items):
            if limit is not None and n >= limit:
                return
            html = _read_gz(gold / "html" / f"{key}.html.gz")
            yield key, html, {"body": rec.get("articleBody", ""), "url": rec.get("url")}
    else:
        files = sorted((gold / "ground-truth").glob("*.json"))
        for n, path in enumerate(files):
            if limit is not None and n >= limit:
                return
            rec = json.loads(path.read_text(encoding="utf-8"))
            gt = rec.get("ground_truth", {})
            html = _read_gz(gold / "html" / f"{path.stem}.html.gz")
            yield path.stem, html, {
                "body": gt.get("main_content", ""),
                "url": rec.get("url"),
                "title": gt.get("title"),
                "author": gt.get("author"),
                "date": gt.get("publish_date") or None,
                "with": gt.get("with") or [],
                "without": gt.get("without") or [],
            }


# --------------------------------------------------------------------------- running
def _runner(pipeline: Any) -> Callable[[str, str, Optional[str]], Any]:
    """Run the pipeline's stages up to ``clean``: later stages do not change the text."""
    from newsparse.model import Document

    if pipeline is None:
        from newsparse.pipeline import Pipeline

        pipeline = Pipeline.from_config(None, use_user_config=False)
    stages = list(pipeline.stages)
    names = [s.name for s in stages]
    if "clean" in names:
        stages = stages[: names.index("clean") + 1]

    def run(key: str, html: str, url: Optional[str]) -> Any:
        doc = Document(input=key, raw=html, content_type="html", url=url)
        for stage in stages:
            doc = stage(doc)
        return doc

    return run


def _missed_and_extra(true: str, pred: str, n: int = 4, limit: int = 5) -> tuple[list[str], list[str]]:
    """Gold lines mostly absent from the prediction, predicted lines mostly absent from gold."""
    t_sh, p_sh = shingles(true, n), shingles(pred, n)

    def absent(lines: list[str], other: Counter) -> list[str]:
        out = []
        for line in lines:
            sh = shingles(line, n)
            if not tokens(line):
                continue
            miss = sum(c for k, c in sh.items() if k not in other)
            if miss / max(1, sum(sh.values())) > 0.5:
                out.append(line.strip()[:200])
        return out[:limit]

    return absent([l for l in true.splitlines() if l.strip()], p_sh), absent(
        [l for l in pred.splitlines() if l.strip()], t_sh
    )


def evaluate(
    gold: Path,
    pipeline: Any = None,
    errors: int = 0,
    limit: Optional[int] = None,
    reference: bool = False,
) -> dict[str, Any]:
    """Score extraction on a gold folder; ``reference`` also scores bare ``trafilatura.extract``."""
    gold = Path(gold)
    fmt = detect_format(gold)
    run = _runner(pipeline)
    pages: list[dict[str, Any]] = []
    for key, html, g in iter_gold(gold, limit):
        try:
            doc = run(key, html, g.get("url"))
            text, md, failed = doc.text, doc.metadata, None
        except Exception as exc:  # a page that crashes scores zero and is reported
            text, md, failed = "", None, f"{type(exc).__name__}: {exc}"
        page: dict[str, Any] = {"id": key, "url": g.get("url"), "pred": text, "gold": g["body"], "failed": failed}
        page["sh"] = shingle_tp_fp_fn(g["body"], text)
        page["word"] = word_prf(g["body"], text)
        if reference:
            import trafilatura

            ref = trafilatura.extract(html, include_comments=False) or ""
            page["ref_sh"] = shingle_tp_fp_fn(g["body"], ref)
            page["ref_word"] = word_prf(g["body"], ref)
        if fmt == "wcxb":
            page["title"] = (md.title if md else None, g.get("title"))
            page["authors"] = (list(md.authors) if md else [], g.get("author"))
            page["date"] = (md.date if md else None, g.get("date"))
            low = text.casefold()
            page["with"] = [s for s in g["with"] if s.strip()]
            page["with_kept"] = sum(norm_text(s) in norm_text(low) for s in page["with"])
            page["without"] = [s for s in g["without"] if s.strip()]
            page["without_left"] = [s for s in page["without"] if _snippet_in(s, text)]
        pages.append(page)
    return _report(gold, fmt, pages, errors, reference)


def _snippet_in(snippet: str, text: str) -> bool:
    """A furniture snippet counts as left in when it occurs as a whole line of the text."""
    s = norm_text(snippet)
    return any(norm_text(line) == s for line in text.splitlines())


def _report(gold: Path, fmt: str, pages: list[dict[str, Any]], errors: int, reference: bool) -> dict[str, Any]:
    n = len(pages)
    sh = shingle_metrics([p["sh"] for p in pages]) if pages else {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    word = {
        "precision": _mean(p["word"][0] for p in pages),
        "recall": _mean(p["word"][1] for p in pages),
        "f1": _mean(p["word"][2] for p in pages),
    }
    exact = _mean(float(tokens(p["pred"]) == tokens(p["gold"])) for p in pages)
    breakdowns: dict[str, Any] = {
        "pages": n,
        "failed_pages": sum(1 for p in pages if p["failed"]),
        "shingle_4gram": sh,
        "word_bag": word,
        "exact_token_match": exact,
        "pages_f1_below_0.8": sum(1 for p in pages if _page_f1(p, fmt) < 0.8),
    }
    if reference:
        rsh = shingle_metrics([p["ref_sh"] for p in pages])
        breakdowns["reference_trafilatura_default"] = {
            "shingle_4gram": rsh,
            "word_bag_f1": _mean(p["ref_word"][2] for p in pages),
        }
    if fmt == "scrapinghub":
        overall = dict(sh, metric="4-gram shingle P/R averaged per page (ScrapingHub)", pages=n)
    else:
        overall = dict(word, metric="bag-of-words F1 averaged per page (WCXB)", pages=n)
        dated = [p for p in pages if p["date"][1]]
        undated = [p for p in pages if not p["date"][1]]
        authored = [p for p in pages if p["authors"][1]]
        breakdowns.update(
            {
                "title_exact": _mean(title_exact(*p["title"]) for p in pages),
                "authors_exact": _mean(authors_exact(*p["authors"]) for p in pages),
                "authors_exact_where_gold_has_some": _mean(authors_exact(*p["authors"]) for p in authored),
                "authors_returned_where_gold_has_none": sum(
                    1 for p in pages if not p["authors"][1] and p["authors"][0]
                ),
                "date_same_day_where_gold_has_one": _mean(same_day(*p["date"]) for p in dated),
                "date_missing_where_gold_has_one": sum(1 for p in dated if not p["date"][0]),
                "date_returned_where_gold_has_none": sum(1 for p in undated if p["date"][0]),
                "pages_with_date": len(dated),
                "pages_without_date": len(undated),
                "with_snippets_kept": _ratio(sum(p["with_kept"] for p in pages), sum(len(p["with"]) for p in pages)),
                "without_snippets_left_as_line": sum(len(p["without_left"]) for p in pages),
            }
        )
        for key in ("title_exact", "authors_exact", "date_same_day_where_gold_has_one"):
            overall[key] = breakdowns[key]
        overall["date_returned_where_gold_has_none"] = breakdowns["date_returned_where_gold_has_none"]
    report: dict[str, Any] = {"task": "extraction", "gold": str(gold), "format": fmt, "overall": overall,
                              "breakdowns": breakdowns, "errors": []}
    if errors:
        worst = sorted(pages, key=lambda p: _page_f1(p, fmt))[:errors]
        for p in worst:
            missed, extra = _missed_and_extra(p["gold"], p["pred"])
            item = {"id": p["id"], "url": p["url"], "f1": round(_page_f1(p, fmt), 4), "missed": missed, "extra": extra}
            if p["failed"]:
                item["failed"] = p["failed"]
            if fmt == "wcxb":
                item.update(title=p["title"], authors=p["authors"], date=p["date"])
            report["errors"].append(item)
        if fmt == "wcxb":
            report["metadata_errors"] = [
                {"id": p["id"], "field": f, "pred": p[f][0], "gold": p[f][1]}
                for p in pages
                for f, ok in (("title", title_exact(*p["title"])), ("authors", authors_exact(*p["authors"])),
                              ("date", same_day(*p["date"]) if p["date"][1] else not p["date"][0]))
                if not ok
            ][: errors * 5]
    return report


def _page_f1(p: dict[str, Any], fmt: str) -> float:
    if fmt == "scrapinghub":
        return f1_of(precision_score(*p["sh"]), recall_score(*p["sh"]))
    return p["word"][2]


def _mean(values) -> float:
    vals = list(values)
    return sum(vals) / len(vals) if vals else 0.0


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m newsparse.evaluate.extraction GOLD [--errors N] [--limit N] [--reference]`` -> JSON."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newsparse.evaluate.extraction", description=main.__doc__)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--errors", type=int, default=0, help="list the N worst pages")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    ap.add_argument("--reference", action="store_true", help="also score bare trafilatura.extract")
    ap.add_argument("--config", default=None, help="a newsparse YAML config (default: the packaged one)")
    args = ap.parse_args(argv)
    pipeline = None
    if args.config:
        from newsparse.pipeline import Pipeline

        pipeline = Pipeline.from_config(args.config)
    report = evaluate(args.gold, pipeline, errors=args.errors, limit=args.limit, reference=args.reference)
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
