"""Batch throughput and memory: N articles with --jobs 1 and --jobs 2 (a benchmark, not a test).

Builds N article files by repeating the shared corpora (../shared, read at run
time, written to a temp dir - nothing is copied into the repo), runs
``newsparse analyze DIR --output FILE --jobs J`` as a subprocess for each J,
samples the RSS of the parent and every worker process with psutil, and prints
articles/s (wall clock and per CPU-second), the speed-up over --jobs 1, peak RSS per process and how RSS moved
between the first and the last fifth of the run (flat = memory does not grow
with the corpus). The machine's load average is printed too: the wall-clock
speed-up is only meaningful when other work is not competing for the cores, so
the total CPU time of each run is measured as well (parent and workers, from
getrusage and psutil): J x cpu(--jobs 1) / cpu(--jobs J) is the speed-up J idle cores
would give, i.e. the parallel overhead measured independently of the load.

    python3 benchmarks/batch_bench.py --n 10000 --jobs 1 2
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", REPO.parent / "shared"))


def source_articles() -> list[tuple[str, bytes]]:
    """(extension, content) of every article in the shared corpora: quote-gold texts and extraction HTML."""
    arts: list[tuple[str, bytes]] = []
    for gold in sorted((SHARED / "data" / "quotes").glob("*/gold.jsonl")):
        with open(gold, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                title = doc.get("title")
                text = doc["text"] if not title or doc["text"].startswith(title) else f"{title}\n\n{doc['text']}"
                arts.append((".txt", text.encode("utf-8")))
    for page in sorted((SHARED / "data" / "extraction").glob("*/html/*.html.gz")):
        arts.append((".html", gzip.decompress(page.read_bytes())))
    if not arts:
        sys.exit(f"no corpora under {SHARED}/data (set NEWSPARSE_SHARED)")
    return arts


def _coprime(a: int, b: int) -> bool:
    import math

    return math.gcd(a, b) == 1


def build_corpus(root: Path, n: int) -> None:
    arts = source_articles()
    stride = next(k for k in range(7919, 10**6) if _coprime(k, len(arts)))
    for i in range(n):  # a fixed stride spreads HTML and text evenly over any N; repeats after len(arts)
        ext, data = arts[(i * stride) % len(arts)]
        sub = root / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}{ext}").write_bytes(data)


def role_of(p: psutil.Process, parent_pid: int) -> str:
    """parent, worker, or a helper (the forkserver, multiprocessing's resource tracker)."""
    if p.pid == parent_pid:
        return "parent"
    cmdline = " ".join(p.cmdline())
    if p.ppid() == parent_pid and "forkserver" in cmdline:
        return "forkserver"
    if "resource_tracker" in cmdline:
        return "resource_tracker"
    return "worker"  # forked by the forkserver (or spawned by the parent)


def run(corpus: Path, out: Path, jobs: int, interval: float = 0.25) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPARSE_")}
    env["PYTHONPATH"] = str(REPO)
    cmd = [sys.executable, "-m", "newsparse", "analyze", str(corpus), "--output", str(out), "--jobs", str(jobs), "--quiet"]
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    parent = psutil.Process(proc.pid)
    samples: list[tuple[float, dict[int, tuple[str, int]]]] = []
    roles: dict[int, str] = {}
    cpu_by_pid: dict[int, float] = {}  # last seen user+system seconds of every process of the run
    done_lines, offset = 0, 0
    while proc.poll() is None:
        if out.exists():  # count new lines incrementally: progress without re-reading the file
            with open(out, "rb") as fh:
                fh.seek(offset)
                chunk = fh.read()
            offset += len(chunk)
            done_lines += chunk.count(b"\n")
        snap: dict[int, tuple[str, int]] = {-1: ("done", done_lines)}
        try:
            procs = [parent] + parent.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        for p in procs:
            try:
                role = roles.get(p.pid) or role_of(p, proc.pid)
                roles[p.pid] = role
                snap[p.pid] = (role, p.memory_info().rss)
                t = p.cpu_times()
                cpu_by_pid[p.pid] = t.user + t.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        samples.append((time.perf_counter() - t0, snap))
        time.sleep(interval)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    # CPU of the parent from getrusage (exact); of the workers, their last sample (a recycled or exiting
    # worker may have run up to one sampling interval more)
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    cpu = parent_cpu + sum(c for pid, c in cpu_by_pid.items() if roles.get(pid) != "parent")
    parent_cpu_only = next((c for pid, c in cpu_by_pid.items() if roles.get(pid) == "parent"), 0.0)
    lines = sum(1 for _ in open(out, "rb"))
    peak: dict[int, tuple[str, int]] = {}
    for _, snap in samples:
        for pid, (role, rss) in snap.items():
            if pid < 0:
                continue
            if pid not in peak or rss > peak[pid][1]:
                peak[pid] = (role, rss)
    # RSS (MB) of the parent and of the largest worker when 10%, 25%, 50%, 75%, 90% of the articles were done
    by_progress = {}
    for frac in (0.1, 0.25, 0.5, 0.75, 0.9):
        snap = next((sn for _, sn in samples if sn[-1][1] >= frac * lines), None)
        if snap:
            row = {role: round(max(r for ro, r in snap.values() if ro == role) / 1e6, 1)
                   for role in ("parent", "worker") if any(ro == role for ro, _ in snap.values())}
            by_progress[f"{int(frac * 100)}%"] = row
    return {
        "jobs": jobs, "returncode": proc.returncode, "records": lines, "seconds": round(wall, 2),
        "articles_per_s": round(lines / wall, 1),
        "cpu_seconds": round(cpu, 1),  # all processes of the run (contention inflates it less than wall time)
        "parent_cpu_seconds": round(parent_cpu_only, 1),
        "articles_per_cpu_s": round(lines / cpu, 1) if cpu else None,
        "peak_rss_mb": {f"{role}:{pid}": round(rss / 1e6, 1) for pid, (role, rss) in sorted(peak.items())},
        "rss_mb_by_progress": by_progress,
        "stderr": err.decode(errors="replace")[-500:],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="articles to build (default 10000)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--keep", action="store_true", help="keep the temp corpus and outputs")
    ap.add_argument("--corpus", type=Path, help="reuse a corpus built by an earlier --keep run")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsparse-bench-"))
    try:
        corpus = args.corpus or tmp / "corpus"
        if not args.corpus:
            build_corpus(corpus, args.n)
        args.n = sum(1 for p in corpus.rglob("*") if p.is_file())
        print(f"corpus: {args.n} articles in {corpus} (repeating the shared corpora); cores: {os.cpu_count()}")
        results = []
        for jobs in args.jobs:
            load = os.getloadavg()[0]
            r = run(corpus, tmp / f"out-{jobs}.jsonl", jobs)
            r["load_before"], r["load_after"] = round(load, 2), round(os.getloadavg()[0], 2)
            results.append(r)
            print(json.dumps(r, indent=1))
        base = next((r for r in results if r["jobs"] == 1), None)
        if base:
            for r in results:
                if r is not base:
                    print(f"speed-up --jobs {r['jobs']} vs --jobs 1: {r['articles_per_s'] / base['articles_per_s']:.2f}x "
                          f"(wall clock, load average {r['load_before']}-{r['load_after']})")
                    # on idle cores the rate scales with J x (CPU per article at --jobs 1 / at --jobs J)
                    bound = r["jobs"] * base["cpu_seconds"] / r["cpu_seconds"] if r["cpu_seconds"] else 0
                    print(f"  CPU-time speed-up bound on {r['jobs']} idle cores: {bound:.2f}x "
                          f"(total CPU {base['cpu_seconds']}s at --jobs 1, {r['cpu_seconds']}s at --jobs {r['jobs']})")
        worst = max(v for r in results for v in r["peak_rss_mb"].values())
        print(f"peak RSS of any process: {worst:.1f} MB")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
