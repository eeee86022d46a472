"""``newsparse eval``: task detection, dispatch errors, table and JSON output (own texts, plus ../shared)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from newsparse.evaluate import EvaluationError, detect_task, load_evaluator
from tests.conftest import NEWSPARSE, REPO, cli_env

GOLD_TEXT = (
    "Riverside Library Reopens\n\n"
    "The riverside library reopened on Saturday after a two-year renovation.\n\n"
    "\u201cWe wanted a place where everyone feels welcome,\u201d said Hanna Okafor, the head librarian.\n\n"
    "Okafor said the reading room now stays open until nine.\n"
)


def _gold_file(tmp_path: Path) -> Path:
    quote = "We wanted a place where everyone feels welcome,"
    indirect = "the reading room now stays open until nine"
    doc = {"id": "lib1", "text": GOLD_TEXT, "quotes": [
        {"quote": quote, "start": GOLD_TEXT.index(quote), "end": GOLD_TEXT.index(quote) + len(quote),
         "kind": "direct", "speaker": "Hanna Okafor", "cue": "said"},
        {"quote": indirect, "start": GOLD_TEXT.index(indirect), "end": GOLD_TEXT.index(indirect) + len(indirect),
         "kind": "indirect", "speaker": "Hanna Okafor", "cue": "said"},
    ]}
    path = tmp_path / "mine.gold.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSPARSE, *args], capture_output=True, text=True, env=cli_env(), cwd=REPO, timeout=120)


# ---------------------------------------------------------------- detection and dispatch


def test_detect_task(tmp_path: Path) -> None:
    assert detect_task(_gold_file(tmp_path)) == "quotes"
    (tmp_path / "a.gold.yaml").write_text("entities: []\n")
    assert detect_task(tmp_path / "a.gold.yaml") == "entities"
    (tmp_path / "x.conll").write_text("Paris B-LOC\n")
    assert detect_task(tmp_path / "x.conll") == "entities"
    site = tmp_path / "pages"
    site.mkdir()
    (site / "ground-truth.json").write_text("{}")
    assert detect_task(site) == "extraction"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _gold_file(tmp_path).rename(corpus / "gold.jsonl")
    assert detect_task(corpus) == "quotes"
    other = tmp_path / "other.jsonl"
    other.write_text('{"text": "no quotes field"}\n')
    with pytest.raises(EvaluationError, match="pass --task"):
        detect_task(other)
    with pytest.raises(EvaluationError, match="no such file"):
        detect_task(tmp_path / "missing.jsonl")


def test_missing_evaluator_module_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def fake(name: str, *a, **kw):  # noqa: ANN002, ANN003, ANN202
        if name == "newsparse.evaluate.extraction":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real(name, *a, **kw)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(EvaluationError, match="extraction evaluator is not available"):
        load_evaluator("extraction")
    with pytest.raises(EvaluationError, match="unknown task"):
        load_evaluator("sentiment")
    assert load_evaluator("quotes").TASK == "quotes"


# ---------------------------------------------------------------- the command


def test_eval_json_is_one_object(tmp_path: Path) -> None:
    proc = _run("eval", str(_gold_file(tmp_path)), "--format", "json", "--errors", "1")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["task"] == "quotes"
    assert result["gold"].endswith("mine.gold.jsonl")
    overall = result["overall"]
    for key in ("precision", "recall", "f1", "precision_80", "recall_80", "f1_80", "speaker_exact",
                "speaker_lenient", "cue_accuracy", "tp", "fp", "fn"):
        assert key in overall
    assert overall["gold"] == 2 and overall["documents"] == 1
    assert 0.0 <= overall["f1"] <= 1.0
    assert overall["tp"] + overall["fn"] == 2
    assert "recall by gold kind" in result["breakdowns"]
    assert len(result["errors"]) == 1 and result["errors"][0]["document"] == "lib1"


def test_eval_table_and_piped_default(tmp_path: Path) -> None:
    gold = str(_gold_file(tmp_path))
    proc = _run("eval", gold, "--format", "table")
    assert proc.returncode == 0, proc.stderr
    assert "precision" in proc.stdout and "recall by gold kind" in proc.stdout
    piped = _run("eval", gold)  # not a terminal: JSON
    assert json.loads(piped.stdout)["task"] == "quotes"


def test_eval_usage_errors(tmp_path: Path) -> None:
    proc = _run("eval", str(tmp_path / "nothing.jsonl"))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip().count("\n") == 0 and "no such file" in proc.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "quotes": []}\n{oops\n')
    proc = _run("eval", str(bad))
    assert proc.returncode == 2 and ":2: invalid JSON" in proc.stderr and "Traceback" not in proc.stderr
    proc = _run("eval", str(_gold_file(tmp_path)), "--set", "quotes.no_such_param=1")
    assert proc.returncode == 2 and "no_such_param" in proc.stderr


def test_eval_skip_quotes_stage_scores_zero_recall(tmp_path: Path) -> None:
    proc = _run("eval", str(_gold_file(tmp_path)), "--skip", "quotes", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    overall = json.loads(proc.stdout)["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"], overall["recall"]) == (0, 0, 2, 0.0)


# ---------------------------------------------------------------- on the shared gold (skipped without ../shared)


def test_eval_seed_gold(shared_dir: Path) -> None:
    gold = shared_dir / "seed" / "000_c49ed8084bd9069c.gold.jsonl"
    proc = _run("eval", str(gold), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    overall = json.loads(proc.stdout)["overall"]
    assert overall["documents"] == 1 and overall["scare_gold"] == 2
    assert overall["unmapped_predictions"] == 0  # every predicted quote lies in the article body


def test_eval_ggt_dev_subset(shared_dir: Path) -> None:
    gold = shared_dir / "data" / "quotes" / "ggt-dev" / "gold.jsonl"
    proc = _run("eval", str(gold), "--limit", "3", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["overall"]["documents"] == 3
    assert set(result["breakdowns"]["recall by gold kind"]) >= {"direct", "indirect"}


def test_eval_polnear_subset_notes_mention_speakers(shared_dir: Path) -> None:
    gold = shared_dir / "data" / "quotes" / "polnear" / "gold.jsonl"
    proc = _run("eval", str(gold), "--limit", "20", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["overall"]["documents"] == 20
    assert any("mentions" in n for n in result.get("notes", []))


def test_table_renderer_accepts_every_breakdown_shape() -> None:
    import io

    from rich.console import Console

    from newsparse.cli.eval_cmd import render_result

    out = io.StringIO()
    result = {
        "task": "extraction", "gold": "pages/", "overall": {"precision": 0.5, "recall": None, "f1": 0.25},
        "breakdowns": {"pages": 3, "word_bag": {"precision": 0.75}, "by kind": {"news": {"f1": 0.125}}, "empty": {}},
        "errors": [{"document": "p1", "score": 0.0, "missed": ["a sentence"], "wrong": [{"text": "menu", "kind": "nav"}]},
                   "not a dict"],
    }
    render_result(result, Console(file=out, width=100, force_terminal=False))
    text = out.getvalue()
    for expected in ("0.500", "word_bag.precision", "0.750", "by kind", "0.125", "pages", "a sentence", "menu", "not a dict"):
        assert expected in text
