"""newsparse summarize: speakers, entities, quoted/mentioned people, outlets, months, --by."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from newsparse.summarize import input_dir_of, month_of, outlet_of, summarize_streams
from tests.conftest import NEWSPARSE, cli_env
from tests.test_batch_cli import make_corpus, run_cli


def rec(input_: str, source: str | None, date: str | None, quotes: list[tuple[str, str]], people: list[str],
        orgs: tuple[str, ...] = (), url: str | None = None) -> dict:
    """A minimal analyze record: quotes as (speaker, entity id); people e1.., orgs after them."""
    entities = [{"id": f"e{i + 1}", "name": p, "type": "PERSON", "count": 2, "quoted": 0, "aliases": [], "mentions": []}
                for i, p in enumerate(people)]
    entities += [{"id": f"o{i}", "name": o, "type": "ORG", "count": 1, "aliases": [], "mentions": []} for i, o in enumerate(orgs)]
    return {"schema_version": "1", "input": input_, "index": 0,
            "metadata": {"title": "t", "date": date, "source": source, "publisher": None, "url": url},
            "text": "", "quotes": [{"text": "q", "speaker": s, "entity": e} for s, e in quotes], "entities": entities}


RECORDS = [
    rec("/data/a/1.html", "Harbour Gazette", "2024-03-02", [("Ana Ruiz", "e1"), ("Ana Ruiz", "e1"), ("Ben Cole", "e2")], ["Ana Ruiz", "Ben Cole", "Cy Dunn"]),
    rec("/data/a/2.html", "Harbour Gazette", "2024-03-20", [("Ana Ruiz", "e1")], ["Ana Ruiz"], orgs=("City Council",)),
    rec("/data/b/3.html", None, "2024-04-01", [(None, None)], ["Dee Fox"], url="https://www.valleypost.example/x"),
    rec("/data/b/4.html", None, None, [], []),
    {"schema_version": "1", "input": "/data/b/5.html", "index": 4, "error": {"type": "input_error", "message": "empty"}},
]


def write(path: Path, records: list[dict], torn: bool = False) -> Path:
    text = "".join(json.dumps(r) + "\n" for r in records)
    path.write_text(text + ('{"schema_version": "1", "inp' if torn else ""))
    return path


def summary_of(*args: str, stdin: str | None = None) -> tuple[dict, subprocess.CompletedProcess]:
    res = subprocess.run([*NEWSPARSE, "summarize", *args], input=stdin, capture_output=True, text=True, env=cli_env())
    return (json.loads(res.stdout) if res.stdout.strip() else {}), res


def test_overall_figures(tmp_path: Path) -> None:
    data, res = summary_of(str(write(tmp_path / "r.jsonl", RECORDS, torn=True)))
    assert res.returncode == 0
    assert "skipped 1 line" in res.stderr
    assert (data["articles"], data["failed"], data["quotes"], data["attributed_quotes"]) == (4, 1, 5, 4)
    assert data["top_speakers"][0] == {"speaker": "Ana Ruiz", "quotes": 3, "articles": 2}
    assert data["top_speakers"][1] == {"speaker": "Ben Cole", "quotes": 1, "articles": 1}
    assert data["top_entities"][0] == {"name": "Ana Ruiz", "type": "PERSON", "mentions": 4, "articles": 2}
    assert data["people_mentioned"] == 4 and data["people_quoted"] == 2  # Ana, Ben of Ana, Ben, Cy, Dee
    assert data["quoted_to_mentioned_ratio"] == 0.5
    by_source = {r["source"]: r for r in data["quotes_by_source"]}
    assert by_source["Harbour Gazette"]["quotes"] == 4 and by_source["Harbour Gazette"]["articles"] == 2
    assert by_source["valleypost.example"]["quotes"] == 1  # from the URL's host
    assert [r["month"] for r in data["quotes_by_month"]] == ["(unknown)", "2024-03", "2024-04"]
    assert {r["month"]: r["quotes"] for r in data["quotes_by_month"]}["2024-03"] == 4


def test_by_groups_and_order_independence(tmp_path: Path) -> None:
    forward = summarize_streams([iter(json.dumps(r) + "\n" for r in RECORDS)], by="input-dir").to_dict()
    backward = summarize_streams([iter(json.dumps(r) + "\n" for r in reversed(RECORDS))], by="input-dir").to_dict()
    assert forward == backward  # completion order of a batch does not change the summary
    groups = {g["input-dir"]: g for g in forward["groups"]}
    assert groups["/data/a"]["quotes"] == 4 and groups["/data/a"]["quoted_to_mentioned_ratio"] == round(2 / 3, 4)
    assert groups["/data/b"]["failed"] == 1 and groups["/data/b"]["quoted_to_mentioned_ratio"] == 0.0
    data, res = summary_of("-", "--by", "month", stdin="".join(json.dumps(r) + "\n" for r in RECORDS))
    assert [g["month"] for g in data["groups"]] == ["(unknown)", "2024-03", "2024-04"]


def test_group_keys() -> None:
    assert outlet_of({"metadata": {"publisher": "Daily Example"}}) == "Daily Example"
    assert outlet_of({"input": "https://www.news.example/a"}) == "news.example"
    assert month_of({"metadata": {"date": "2023-11-05"}}) == "2023-11"
    assert month_of({"metadata": {"date": "Nov 2023"}}) == "(unknown)"
    assert input_dir_of({"input": "/x/y/art.jsonl#12"}) == "/x/y"
    assert input_dir_of({"input": "https://a.example/p/q.html", "warc": "/crawl/c.warc.gz"}) == "/crawl"


def test_tables_on_a_terminal_and_analyze_into_summarize(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", 6)
    out = tmp_path / "results.jsonl"
    assert run_cli(str(tmp_path / "c"), "--jobs", "2", "--output", str(out)).returncode == 0
    data, res = summary_of(str(out), "--top", "3")
    assert data["articles"] == 6 and data["quotes"] >= 6 and len(data["top_speakers"]) == 3
    res = subprocess.run([*NEWSPARSE, "summarize", str(out), "--format", "table", "--by", "source"],
                         capture_output=True, text=True, env=cli_env())
    assert res.returncode == 0 and "Most-quoted speakers" in res.stdout and "By source" in res.stdout


def test_missing_file_and_empty_input(tmp_path: Path) -> None:
    _, res = summary_of(str(tmp_path / "nope.jsonl"))
    assert res.returncode == 2 and "cannot read" in res.stderr
    _, res = summary_of("-", stdin="")
    assert res.returncode == 3 and "no records" in res.stderr
