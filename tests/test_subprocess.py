"""Real subprocess runs: lazy imports, closed pipes, entry-point plugins, stdout/stderr separation."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import NEWSPARSE, cli_env
from tests.helpers import HTML_EXAMPLE, TEXT_EXAMPLE


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:  # noqa: ANN003
    env = kwargs.pop("env", None) or cli_env()
    return subprocess.run(NEWSPARSE + args, capture_output=True, text=True, env=env, timeout=120, **kwargs)


def test_help_is_lazy_and_lists_exit_codes() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['newsparse', '--help']\n"
        "try:\n    runpy.run_module('newsparse', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('trafilatura', 'nltk', 'lxml', 'yaml', 'pycrfsuite', 'ftfy') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), timeout=60)
    assert "Exit codes" in proc.stdout and "analyze" in proc.stdout
    assert "HEAVY=\n" in proc.stdout, proc.stdout


def test_piped_json_and_clean_stderr() -> None:
    proc = run(["analyze", HTML_EXAMPLE])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["quotes"]
    assert proc.stderr == ""


def test_head_closing_the_pipe_is_quiet(tmp_path: Path) -> None:
    inputs = " ".join([TEXT_EXAMPLE] * 40)
    cmd = " ".join(NEWSPARSE) + f" analyze {inputs} --format jsonl | head -1"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, env=cli_env(), timeout=300)
    assert proc.stdout.count("\n") == 1
    assert json.loads(proc.stdout)["index"] in range(40)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr
    assert proc.returncode == 0


def test_user_error_has_no_traceback_unless_debug() -> None:
    proc = run(["analyze", "--config", "/nonexistent/config.yaml", TEXT_EXAMPLE])
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    proc = run(["analyze", "--debug", "--config", "/nonexistent/config.yaml", TEXT_EXAMPLE])
    assert proc.returncode == 2 and "Traceback" in proc.stderr


def install_plugin(tmp_path: Path, package: str, stage: str, cls: str, code: str) -> dict[str, str]:
    """Write a plugin package plus a dist-info with an entry point; return an env that sees it."""
    site = tmp_path / "site"
    (site / package).mkdir(parents=True)
    (site / package / "__init__.py").write_text(textwrap.dedent(code))
    dist = site / f"{package}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[newsparse.stages]\n{stage} = {package}:{cls}\n")
    env = cli_env()
    env["PYTHONPATH"] = str(site) + ":" + env["PYTHONPATH"]
    return env


def test_third_party_stage_through_entry_point(tmp_path: Path) -> None:
    env = install_plugin(tmp_path, "shoutstage", "shout", "ShoutStage", '''
        from dataclasses import dataclass
        from newsparse.stages.base import Stage

        @dataclass
        class ShoutParams:
            suffix: str = "!"

        class ShoutStage(Stage):
            """Uppercases the title: a third-party stage used by the tests."""
            name = "shout"
            Params = ShoutParams

            def process(self, doc):
                doc.metadata.title = (doc.metadata.title or "").upper() + self.params.suffix
                return doc
    ''')
    config = tmp_path / "plugin.yaml"
    config.write_text("pipeline: [extract, clean, segment, shout]\nstages:\n  shout:\n    suffix: '?!'\n")
    listed = run(["stages", "--format", "json"], env=env)
    assert "shout" in {row["name"] for row in json.loads(listed.stdout)}
    proc = run(["analyze", TEXT_EXAMPLE, "--config", str(config)], env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["metadata"]["title"] == "DROUGHT FORCES NEW WATER LIMITS ACROSS THE VALLEY?!"
    bad = tmp_path / "bad.yaml"
    bad.write_text("pipeline: [extract, shout]\nstages:\n  shout:\n    volume: 11\n")
    proc = run(["analyze", TEXT_EXAMPLE, "--config", str(bad)], env=env)
    assert proc.returncode == 2 and "stages.shout.volume" in proc.stderr


def test_stage_that_raises_becomes_error_record(tmp_path: Path) -> None:
    env = install_plugin(tmp_path, "boomstage", "boom", "BoomStage", '''
        from newsparse.stages.base import Stage

        class BoomStage(Stage):
            name = "boom"

            def process(self, doc):
                if "Drought" in doc.text or "Drought" in (doc.metadata.title or ""):
                    raise ValueError("cannot handle droughts")
                return doc
    ''')
    config = tmp_path / "boom.yaml"
    config.write_text("pipeline: [extract, clean, boom, segment]\n")
    proc = run(["analyze", TEXT_EXAMPLE, HTML_EXAMPLE, "--config", str(config)], env=env)
    assert proc.returncode == 1
    # a batch writes each record when it is done: order them by input position
    records = sorted((json.loads(line) for line in proc.stdout.splitlines()), key=lambda r: r["index"])
    assert records[0]["error"]["stage"] == "boom" and "cannot handle droughts" in records[0]["error"]["message"]
    assert "error" not in records[1]
    assert "boom" in proc.stderr and "Traceback" not in proc.stderr
