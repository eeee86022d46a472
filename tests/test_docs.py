"""Docs stay true: the stage-parameter reference in docs/configuration.md matches the code.

Regenerate after changing a stage's parameters with
``NEWSPARSE_UPDATE_DOCS=1 python3 -m pytest tests/test_docs.py``.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from newsparse.config import build_config
from newsparse.registry import BUILTIN_STAGES, describe

DOC = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"
START, END = "<!-- stage-reference:start -->", "<!-- stage-reference:end -->"


def reference() -> str:
    config = build_config(use_user_config=False)
    lines = [START]
    for row in describe(config):
        if row["name"] not in BUILTIN_STAGES:
            continue
        lines += ["", f"### `{row['name']}`", "", row["description"], ""]
        if not row["params"]:
            lines.append("No parameters.")
            continue
        lines += ["| parameter | type | default |", "|---|---|---|"]
        for p in row["params"]:
            default = json.dumps(p["default"], default=str)
            if len(default) > 80:
                default = default[:77] + "…"
            lines.append(f"| `{p['name']}` | `{p['type']}` | `{default}` |" + (f" {p['help']}" if p["help"] else ""))
    lines += ["", END]
    return "\n".join(lines)


def test_stage_reference_is_current() -> None:
    doc = DOC.read_text(encoding="utf-8")
    block = re.search(re.escape(START) + r".*?" + re.escape(END), doc, re.S)
    assert block, "docs/configuration.md lost its stage-reference markers"
    fresh = reference()
    if os.environ.get("NEWSPARSE_UPDATE_DOCS"):
        DOC.write_text(doc.replace(block.group(0), fresh), encoding="utf-8")
        doc = DOC.read_text(encoding="utf-8")
        block = re.search(re.escape(START) + r".*?" + re.escape(END), doc, re.S)
    assert block.group(0) == fresh, "stage parameters changed: regenerate docs (see module docstring)"
