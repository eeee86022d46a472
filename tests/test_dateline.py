"""The one dateline definition the quotes and entities stages share."""
from __future__ import annotations

import pytest

from newsparse.nlp.dateline import dateline_at
from tests.quotes_helpers import run_quotes


@pytest.mark.parametrize("line, place", [
    ("BUFFALO, N.Y. — Hours before the game", "BUFFALO"),
    ("PARIS (AP) — The strike", "PARIS"),
    ("WASHINGTON (CNN) -- Lawmakers", "WASHINGTON"),
    ("NEW YORK, Jan. 5 – Stocks", "NEW YORK"),
    ("WINSTON-SALEM, N.C. — A", "WINSTON-SALEM"),
])
def test_datelines_are_found_with_their_place(line: str, place: str) -> None:
    r = dateline_at(line)
    assert r is not None and line[: r[0]] == place and line[r[1] - 1] in "—–-"


@pytest.mark.parametrize("line", ["The BBC -- a broadcaster", "US -- a", "NASA said — x", "Paris — a city"])
def test_other_openings_are_not_datelines(line: str) -> None:
    assert dateline_at(line) is None


def test_a_dateline_place_is_never_a_speaker() -> None:
    doc = run_quotes("BARRIE, Ont. (CNN) — The council will vote again next week, its chair Dana Whitfield said.")
    assert [q.speaker for q in doc.quotes if q.kind != "scare"] == ["Dana Whitfield"]
