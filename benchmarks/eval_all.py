#!/usr/bin/env python3
"""Run every evaluation on the shared gold and print (or write into the docs) one numbers table.

    python3 benchmarks/eval_all.py                       # markdown tables on stdout
    python3 benchmarks/eval_all.py --json                # the full result objects
    python3 benchmarks/eval_all.py --markdown docs/evaluation.md          # rewrite the numbers block
    python3 benchmarks/eval_all.py --markdown docs/evaluation.md --bench  # ... and the speed block

The numbers in docs/evaluation.md are written only by this script, between
``<!-- BEGIN eval-numbers -->`` / ``<!-- END eval-numbers -->`` (and the
``bench-numbers`` markers for ``--bench``); they are never typed by hand.
Each evaluation runs the packaged default pipeline through
:func:`newsparse.evaluate.evaluate`, exactly like ``newsparse eval``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", REPO.parent / "shared"))

# (label, task, path under ../shared, document limit or None for all). Say so in the label
# when a set is part of a model's training data (training/train_ner.py's default corpora).
EVALS: list[tuple[str, str, str, Optional[int]]] = [
    ("seed article", "quotes", "seed/000_c49ed8084bd9069c.gold.jsonl", None),
    ("ggt-dev (49 articles)", "quotes", "data/quotes/ggt-dev/gold.jsonl", None),
    ("PolNeAR (924 articles)", "quotes", "data/quotes/polnear/gold.jsonl", None),
    ("seed article", "entities", "seed/000_c49ed8084bd9069c.gold.yaml", None),
    ("CoNLL-2003 dev (eng.testa)", "entities", "data/train/conll2003/eng.testa", None),
    ("UNER EWT test (held out)", "entities", "data/train/uner_ewt/en_ewt-ud-test.iob2", None),
    ("BTC h: non-UK general tweets (held out)", "entities", "data/train/btc/h.conll", None),
    ("re3d: defence reports (held out)", "entities", "data/train/re3d", None),
    ("WikiGold (in the NER training set: not held out)", "entities", "data/train/wikigold/wikigold.conll.txt", None),
    ("ScrapingHub (181 pages)", "extraction", "data/extraction/scrapinghub", None),
    ("WCXB dev articles (300 pages)", "extraction", "data/extraction/wcxb-dev-articles", None),
]

# Extra columns per task, shown when the evaluator reports them.
DETAIL = {
    "quotes": ["f1_80", "speaker_exact", "speaker_lenient", "speaker_mention", "cue_accuracy", "gold", "predicted"],
    "entities": [],
    "extraction": [],
}
EVAL_MARKERS = ("<!-- BEGIN eval-numbers -->", "<!-- END eval-numbers -->")
BENCH_MARKERS = ("<!-- BEGIN bench-numbers -->", "<!-- END bench-numbers -->")


def run_all(only: Optional[list[str]] = None, limit: Optional[int] = None) -> list[dict[str, Any]]:
    """Every evaluation whose gold exists; a missing evaluator or a failure becomes a row saying so."""
    from newsparse.errors import NewsparseError
    from newsparse.evaluate import evaluate
    from newsparse.pipeline import Pipeline

    pipeline = Pipeline.from_config(None, use_user_config=False)
    rows = []
    for label, task, rel, default_limit in EVALS:
        if only and task not in only:
            continue
        path = SHARED / rel
        row: dict[str, Any] = {"label": label, "task": task, "gold": rel}
        if not path.exists():
            row["status"] = "gold not found"
            rows.append(row)
            continue
        n = limit if limit is not None else default_limit
        t0 = time.perf_counter()
        try:
            row["result"] = evaluate(path, pipeline, task=task, limit=n)
            row["status"] = "ok"
        except NewsparseError as exc:
            row["status"] = str(exc)
        except Exception as exc:  # noqa: BLE001 - one broken evaluator must not hide the others
            row["status"] = f"failed: {type(exc).__name__}: {exc}"
        row["seconds"] = time.perf_counter() - t0
        rows.append(row)
        print(f"eval_all: {task:<10} {label:<32} {row['status']:<10} {row['seconds']:.1f} s", file=sys.stderr)
    return rows


def _n(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def _documents(overall: dict[str, Any]) -> Any:
    for key in ("documents", "pages", "sentences"):
        if key in overall:
            return overall[key]
    return None


def render(rows: list[dict[str, Any]]) -> str:
    lines = ["| task | gold | documents | precision | recall | F1 | seconds |", "|---|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        if row["status"] != "ok":
            lines.append(f"| {row['task']} | {row['label']} | | | | {row['status']} | |")
            continue
        o = row["result"]["overall"]
        lines.append(f"| {row['task']} | {row['label']} | {_n(_documents(o))} | {_n(o.get('precision'))} | "
                     f"{_n(o.get('recall'))} | {_n(o.get('f1'))} | {row['seconds']:.1f} |")
    for task, fixed in DETAIL.items():
        ok = [r for r in rows if r["task"] == task and r["status"] == "ok"]
        if not ok:
            continue
        # rows grouped by the numbers their evaluator reports (e.g. CoNLL files vs the seed's entity list)
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for r in ok:
            keys = tuple(fixed) if fixed else tuple(
                k for k, v in r["result"]["overall"].items()
                if isinstance(v, (int, float)) and not isinstance(v, bool)
                and k not in ("precision", "recall", "f1", "seconds", "documents"))
            groups.setdefault(keys, []).append(r)
        for keys, members in groups.items():
            if not keys:
                continue
            lines += ["", f"**{task}** — more numbers", "",
                      "| gold | " + " | ".join(keys) + " |", "|---|" + "---:|" * len(keys)]
            for r in members:
                o = r["result"]["overall"]
                lines.append(f"| {r['label']} | " + " | ".join(_n(o.get(k)) for k in keys) + " |")
        if task == "quotes":
            lines += ["", "Quote recall by gold kind (30 % coverage):", "",
                      "| gold | direct | mixed/partial | indirect | floating |", "|---|---:|---:|---:|---:|"]
            for r in ok:
                kinds = r["result"]["breakdowns"].get("recall by gold kind", {})
                cells = [f"{_n(kinds[k]['recall'])} of {kinds[k]['gold']}" if k in kinds else "–"
                         for k in ("direct", "mixed/partial", "indirect", "floating")]
                lines.append(f"| {r['label']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def provenance(command: str) -> str:
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip() or "unknown"
    except OSError:
        commit = "unknown"
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"_Generated by `{command}` at commit `{commit}`, {when}._"


def replace_block(doc: Path, markers: tuple[str, str], body: str) -> None:
    text = doc.read_text(encoding="utf-8")
    begin, end = markers
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise SystemExit(f"eval_all: {doc} has no {begin} … {end} block")
    doc.write_text(pattern.sub(lambda _m: f"{begin}\n{body}\n{end}", text), encoding="utf-8")


def run_bench() -> str:
    """benchmarks/bench.py in a fresh process (its memory and timings must not include ours)."""
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("bench.py")), "--json"], capture_output=True,
                          text=True, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit(f"eval_all: bench.py failed: {proc.stderr.strip().splitlines()[-1:]}")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench  # noqa: PLC0415 - sibling script, for its renderer

    return bench.render(json.loads(proc.stdout))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--task", action="append", choices=["quotes", "entities", "extraction"], help="only this task (repeatable)")
    ap.add_argument("--limit", type=int, default=None, help="documents per gold set (default: all)")
    ap.add_argument("--json", action="store_true", help="print the full result objects as JSON")
    ap.add_argument("--markdown", metavar="DOC", help="write the tables into DOC between the eval-numbers markers")
    ap.add_argument("--bench", action="store_true", help="also run benchmarks/bench.py and write its tables (with --markdown)")
    args = ap.parse_args(argv)
    if not (SHARED / "README.md").is_file():
        print(f"eval_all: {SHARED} not found (set NEWSPARSE_SHARED)", file=sys.stderr)
        return 2
    rows = run_all(args.task, args.limit)
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
        return 0
    table = render(rows)
    if args.limit is not None:
        table += f"\n\n(first {args.limit} documents of each gold set only)"
    if args.markdown:
        command = "python3 benchmarks/eval_all.py " + " ".join(argv if argv is not None else sys.argv[1:])
        replace_block(Path(args.markdown), EVAL_MARKERS, provenance(command) + "\n\n" + table)
        if args.bench:
            replace_block(Path(args.markdown), BENCH_MARKERS, provenance(command) + "\n\n" + run_bench())
        print(f"eval_all: wrote {args.markdown}", file=sys.stderr)
    else:
        print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
