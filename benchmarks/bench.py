#!/usr/bin/env python3
"""Speed benchmark on the shared corpora: throughput, stage shares, start-up, memory, references.

    python3 benchmarks/bench.py                 # every corpus in ../shared, table on stdout
    python3 benchmarks/bench.py --limit 50      # first 50 documents of each corpus
    python3 benchmarks/bench.py --json          # one JSON object

What it prints, per corpus (saved HTML pages of the extraction benchmarks, the
plain texts of the quote gold):

- articles per second through ``Pipeline.run``, single process and with 2 worker
  processes (``newsparse analyze --jobs 2`` when the CLI has it, else a
  multiprocessing pool over ``Pipeline.run``);
- the share of pipeline time spent in each stage (from ``Document.timings``);
- reference pipelines timed in the same run on the same inputs, so the ratios
  survive a noisy, shared machine: bare ``trafilatura.extract`` on the same HTML,
  and a spaCy small-model pipeline on the same texts when spaCy and the model are
  installed (skipped otherwise);

and once: ``newsparse --help`` and one-article ``newsparse analyze`` wall time
(best of 3 fresh processes), and peak RSS of this process and of one analyze.

Timing is never part of the test suite; this script is where speed is measured.
Input text is read from ../shared at run time and never stored.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_c49ed8084bd9069c.txt"


# ---------------------------------------------------------------- corpora


def html_corpus(folder: Path, limit: Optional[int]) -> list[tuple[str, bytes]]:
    files = sorted((folder / "html").glob("*.html.gz"))[:limit]
    return [(f.name[: -len(".html.gz")], gzip.decompress(f.read_bytes())) for f in files]


def text_corpus(gold: Path, limit: Optional[int]) -> list[tuple[str, bytes]]:
    out = []
    with open(gold, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            doc = json.loads(line)
            out.append((str(doc.get("id", n)), doc["text"].encode("utf-8")))
    return out


def corpora(limit: Optional[int]) -> list[dict[str, Any]]:
    """The shared corpora that exist here: HTML pages and plain texts."""
    found = []
    for name in ("scrapinghub", "wcxb-dev-articles"):
        folder = SHARED / "data" / "extraction" / name
        if (folder / "html").is_dir():
            found.append({"name": name, "kind": "html", "docs": html_corpus(folder, limit)})
    gold = SHARED / "data" / "quotes" / "ggt-dev" / "gold.jsonl"
    if gold.is_file():
        found.append({"name": "ggt-dev (text)", "kind": "text", "docs": text_corpus(gold, limit)})
    return found


# ---------------------------------------------------------------- our pipeline


_PIPELINE = None


def _pipeline():  # noqa: ANN202
    global _PIPELINE
    if _PIPELINE is None:
        from newsparse.pipeline import Pipeline

        _PIPELINE = Pipeline.from_config(None, use_user_config=False)
    return _PIPELINE


def _run_one(item: tuple[str, bytes, str]) -> dict[str, float]:
    """Analyze one document; return its stage timings (an error counts as no timings)."""
    from newsparse.inputs.sources import Source

    name, data, kind = item
    try:
        doc = Source.from_bytes(data, name=name, content_type=kind).to_document()
        return dict(_pipeline().run(doc).document.timings)
    except Exception:  # noqa: BLE001 - a failing page is counted, not fatal
        return {"__failed__": 1.0}


def single_process(docs: list[tuple[str, bytes]], kind: str) -> dict[str, Any]:
    _pipeline()  # build once, outside the clock (models load lazily on first use: warm up)
    if docs:
        _run_one((docs[0][0], docs[0][1], kind))
    stage_totals: dict[str, float] = {}
    failed = 0
    t0 = time.perf_counter()
    for name, data in docs:
        timings = _run_one((name, data, kind))
        failed += int(timings.pop("__failed__", 0))
        for stage, sec in timings.items():
            stage_totals[stage] = stage_totals.get(stage, 0.0) + sec
    wall = time.perf_counter() - t0
    total = sum(stage_totals.values()) or 1.0
    return {
        "articles": len(docs),
        "failed": failed,
        "seconds": wall,
        "articles_per_second": len(docs) / wall if wall else None,
        "stage_share": {k: v / total for k, v in stage_totals.items()},
        "stage_articles_per_second": {k: len(docs) / v if v else None for k, v in stage_totals.items()},
    }


def _analyze_has_jobs() -> bool:
    proc = subprocess.run([sys.executable, "-m", "newsparse", "analyze", "--help"], capture_output=True, text=True,
                          env=_env(), cwd=REPO)
    return "--jobs" in proc.stdout


def two_processes(docs: list[tuple[str, bytes]], kind: str, use_cli: bool) -> dict[str, Any]:
    """Throughput with 2 worker processes: the CLI's --jobs 2 if it exists, else a pool over Pipeline.run."""
    if use_cli:
        suffix = ".html" if kind == "html" else ".txt"
        with tempfile.TemporaryDirectory(prefix="newsparse-bench-") as tmp:
            for i, (_name, data) in enumerate(docs):
                Path(tmp, f"{i:05d}{suffix}").write_bytes(data)
            timings, failed = {}, {}
            for jobs in (1, 2):
                t0 = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "newsparse", "analyze", "--jobs", str(jobs), "-q", "-f", "jsonl",
                                       tmp], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env(), cwd=REPO)
                timings[jobs] = time.perf_counter() - t0
                failed[jobs] = sum('"error"' in line and json.loads(line).get("error") is not None
                                   for line in proc.stdout.splitlines() if line.strip())
        return {"method": "newsparse analyze --jobs 2 (whole CLI run, start-up included)",
                "articles_per_second": len(docs) / timings[2],
                "cli_jobs1_articles_per_second": len(docs) / timings[1],
                "cli_failed": failed}
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    items = [(n, d, kind) for n, d in docs]
    with ctx.Pool(2, initializer=_pipeline) as pool:
        pool.map(_run_one, items[:2])  # warm both workers
        t0 = time.perf_counter()
        pool.map(_run_one, items, chunksize=max(1, len(items) // 16))
        wall = time.perf_counter() - t0
    return {"method": "multiprocessing pool of 2 over Pipeline.run", "articles_per_second": len(docs) / wall}


# ---------------------------------------------------------------- references


def reference_trafilatura(docs: list[tuple[str, bytes]]) -> Optional[dict[str, Any]]:
    try:
        import trafilatura
    except ImportError:
        return None
    from newsparse.inputs.decode import decode_bytes

    texts = [decode_bytes(data, None, name)[0] for name, data in docs]
    if texts:
        trafilatura.extract(texts[0])
    t0 = time.perf_counter()
    for text in texts:
        trafilatura.extract(text)
    wall = time.perf_counter() - t0
    return {"name": "trafilatura.extract", "articles_per_second": len(texts) / wall if wall else None}


def reference_spacy(texts: list[str]) -> Optional[dict[str, Any]]:
    """spaCy's small English model over the same texts, if installed (it usually is not)."""
    try:
        import spacy  # type: ignore[import-not-found]

        nlp = spacy.load("en_core_web_sm")
    except Exception:  # noqa: BLE001 - not installed, or no model: skip
        return None
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    wall = time.perf_counter() - t0
    return {"name": "spacy en_core_web_sm", "articles_per_second": len(texts) / wall if wall else None}


# ---------------------------------------------------------------- start-up and memory


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPARSE_")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["XDG_CONFIG_HOME"] = str(Path(tempfile.gettempdir()) / "newsparse-bench-no-config")
    return env


def wall_time(args: list[str], repeat: int = 3) -> dict[str, Any]:
    """Best-of-N wall time of a fresh ``python -m newsparse`` process and its peak RSS."""
    best = float("inf")
    rss_kb = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "newsparse", *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=_env(), cwd=REPO)
        _pid, status, usage = os.wait4(proc.pid, 0)
        best = min(best, time.perf_counter() - t0)
        rss_kb = max(rss_kb, usage.ru_maxrss)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": best, "peak_rss_mb": rss_kb / 1024, "exit_code": proc.returncode}


def startup(html_sample: Optional[bytes]) -> dict[str, Any]:
    out = {"newsparse --help": wall_time(["--help"])}
    if SEED.is_file():
        out["analyze seed (text)"] = wall_time(["analyze", "-f", "json", str(SEED)])
    if html_sample is not None:
        with tempfile.NamedTemporaryFile(suffix=".html", delete=False) as fh:
            fh.write(html_sample)
        try:
            out["analyze one HTML page"] = wall_time(["analyze", "-f", "json", fh.name])
        finally:
            os.unlink(fh.name)
    return out


# ---------------------------------------------------------------- report


JOBS_DOCS = 60  # documents per corpus for the 1-vs-2-process runs (the CLI runs them twice)


def run(limit: Optional[int], jobs: bool = True, jobs_docs: int = JOBS_DOCS) -> dict[str, Any]:
    report: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "corpora": []}
    # Fresh-process timings first, while this process is still small: a child's peak RSS
    # as the kernel reports it includes the parent's memory at fork time.
    sample = html_corpus(SHARED / "data" / "extraction" / "scrapinghub", 1)
    report["startup"] = startup(sample[0][1] if sample else None)
    cs = corpora(limit)
    if not cs:
        raise SystemExit(f"bench: no corpora under {SHARED} (set NEWSPARSE_SHARED)")
    use_cli = jobs and _analyze_has_jobs()
    for c in cs:
        docs, kind = c["docs"], c["kind"]
        row: dict[str, Any] = {"name": c["name"], "kind": kind}
        row["single"] = single_process(docs, kind)
        if jobs:
            row["jobs2"] = two_processes(docs[:jobs_docs], kind, use_cli)
            row["jobs2"]["articles"] = len(docs[:jobs_docs])
        refs = []
        if kind == "html":
            ref = reference_trafilatura(docs)
            if ref:
                refs.append(ref)
        sp = reference_spacy([d.decode("utf-8", "replace") for _n, d in docs] if kind == "text" else [])
        if sp:
            refs.append(sp)
        ours = row["single"]["articles_per_second"] or 0.0
        for ref in refs:
            ref["ours_relative"] = ours / ref["articles_per_second"] if ref["articles_per_second"] else None
        row["references"] = refs
        report["corpora"].append(row)
    report["spacy"] = "installed" if _spacy_available() else "not installed (reference skipped)"
    report["peak_rss_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


def _spacy_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("spacy") is not None


def render(report: dict[str, Any]) -> str:
    lines = [f"newsparse benchmark — Python {report['python']}, {report['cpus']} CPUs", ""]
    cli = any("cli_jobs1_articles_per_second" in row.get("jobs2", {}) for row in report["corpora"])
    head = "| corpus | articles | failed | articles/s (1 process) |"
    head += " CLI --jobs 1 | CLI --jobs 2 |" if cli else " articles/s (2 processes) |"
    lines.append(head + " reference | ours (1 process) ÷ reference |")
    lines.append("|---|---:|---:|---:|" + ("---:|---:|" if cli else "---:|") + "---|---:|")
    for row in report["corpora"]:
        s = row["single"]
        j2 = row.get("jobs2", {})
        speeds = [j2.get("cli_jobs1_articles_per_second"), j2.get("articles_per_second")] if cli else [j2.get("articles_per_second")]
        refs = row["references"] or [{"name": "–", "ours_relative": None}]
        for k, ref in enumerate(refs):
            if k == 0:
                start = f"| {row['name']} | {s['articles']} | {s['failed']} | {_n(s['articles_per_second'])} | "
                start += " | ".join(_n(x) for x in speeds) + " "
            else:
                start = "| | | | | " + "| " * (len(speeds) - 1)
            ref_speed = f" ({_n(ref.get('articles_per_second'))}/s)" if ref.get("articles_per_second") else ""
            lines.append(start + f"| {ref['name']}{ref_speed} | {_n(ref['ours_relative'])} |")
    lines.append("")
    methods = {row.get("jobs2", {}).get("method") for row in report["corpora"]} - {None}
    if methods:
        n = max(row.get("jobs2", {}).get("articles", 0) for row in report["corpora"])
        lines.append("2 processes: " + "; ".join(sorted(methods)) + f"; first {n} documents of each corpus")
    cli_failed = {row["name"]: row.get("jobs2", {}).get("cli_failed") for row in report["corpora"]}
    if any(f and any(f.values()) for f in cli_failed.values()):
        lines.append("CLI runs with failed inputs (--jobs 1 / --jobs 2): " + ", ".join(
            f"{name}: {f.get(1, f.get('1'))} / {f.get(2, f.get('2'))}" for name, f in cli_failed.items() if f))
    lines.append(f"spaCy reference: {report['spacy']}")
    lines.append("")
    stages: list[str] = []
    for row in report["corpora"]:
        for st in row["single"]["stage_share"]:
            if st not in stages:
                stages.append(st)
    lines.append("| share of pipeline time (stage alone: articles/s) | " + " | ".join(stages) + " |")
    lines.append("|---|" + "---:|" * len(stages))
    for row in report["corpora"]:
        share = row["single"]["stage_share"]
        speed = row["single"].get("stage_articles_per_second", {})
        lines.append(f"| {row['name']} | " + " | ".join(
            f"{100 * share.get(st, 0):.1f} % ({_n(speed.get(st))}/s)" for st in stages) + " |")
    lines.append("")
    lines.append("| command (best of 3, fresh process) | wall time | peak RSS |")
    lines.append("|---|---:|---:|")
    for name, t in report["startup"].items():
        lines.append(f"| `{name}` | {t['seconds']:.2f} s | {t['peak_rss_mb']:.0f} MB |")
    lines.append("")
    lines.append(f"Peak RSS of the benchmark process (all corpora through one pipeline): "
                 f"{report['peak_rss_mb_this_process']:.0f} MB")
    return "\n".join(lines)


def _n(x: Optional[float]) -> str:
    return "–" if x is None else (f"{x:.1f}" if x >= 10 else f"{x:.2f}")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="documents per corpus (default: all)")
    ap.add_argument("--no-jobs", action="store_true", help="skip the 2-process measurement")
    ap.add_argument("--jobs-docs", type=int, default=JOBS_DOCS, help="documents per corpus for the 2-process runs")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = ap.parse_args(argv)
    report = run(args.limit, jobs=not args.no_jobs, jobs_docs=args.jobs_docs)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
