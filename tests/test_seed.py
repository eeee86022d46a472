"""The seed article (../shared/seed): the first acceptance test of the whole pipeline."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from tests.conftest import NEWSPARSE, cli_env
from tests.helpers import run_cli


def gold(seed_path: Path) -> dict:
    return yaml.safe_load(seed_path.with_name(seed_path.stem + ".gold.yaml").read_text(encoding="utf-8"))


def test_seed_json_when_piped_and_tables_on_tty(seed_path: Path) -> None:
    proc = subprocess.run(NEWSPARSE + ["analyze", str(seed_path)], capture_output=True, text=True,
                          env=cli_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    tty = run_cli(["analyze", str(seed_path)], tty=True, environ={"NO_COLOR": "1"})
    assert tty.exit_code == 0 and "Quotes" in tty.stdout and "Entities" in tty.stdout
    text = record["text"]
    for q in record["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]

    g = gold(seed_path)
    direct_gold = [q for q in g["quotes"] if q["kind"] == "direct" and q.get("cue")]
    for gq in direct_gold:
        found = [q for q in record["quotes"] if q["text"].startswith(gq["starts"])]
        assert found, f"direct quote starting {gq['starts'][:30]!r} not found"
        predicted = found[0]["speaker"] or ""
        # the surname at least (family names come first in Chinese names: any shared name part counts)
        assert set(gq["speaker"].split()) & set(predicted.split()), (gq["starts"][:30], predicted)


def test_seed_footer_never_counted(seed_path: Path) -> None:
    proc = subprocess.run(NEWSPARSE + ["analyze", str(seed_path), "-f", "json"], capture_output=True, text=True,
                          env=cli_env(), timeout=120)
    record = json.loads(proc.stdout)
    g = gold(seed_path)
    names = {e["name"] for e in record["entities"]} | {a for e in record["entities"] for a in e["aliases"]}
    for bad in g["not_entities"]:
        assert bad not in names
        assert bad not in record["text"]
    for line in g["boilerplate"]:
        assert line not in record["text"]
