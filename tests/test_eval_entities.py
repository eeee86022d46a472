"""The entity evaluator on small hand-computed cases: a known error lowers a score by a known amount."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsparse.evaluate.common import EvaluationError
from newsparse.evaluate.entities import conll_type, evaluate
from newsparse.model import Entity, Mention

CONLL = ("Anna NNP I-NP I-PER\nKarlsson NNP I-NP I-PER\nvisited VBD I-VP O\nOslo NNP I-NP I-LOC\n"
         "with IN I-PP O\nVexamo NNP I-NP I-ORG\n. . O O\n")


class FixedStage:
    """Stands in for the entities stage: finds the given surfaces with the given types."""

    name = "entities"

    def __init__(self, found: list[tuple[str, str]]) -> None:
        self.found = found

    def __call__(self, doc):
        doc.entities = []
        for i, (surface, typ) in enumerate(self.found):
            start = doc.text.find(surface)
            if start >= 0:
                doc.entities.append(Entity(id=f"e{i}", name=surface, type=typ, count=1,
                                           mentions=[Mention(start, start + len(surface), surface)]))
        return doc


class FakePipeline:
    def __init__(self, stage) -> None:
        self._stage = stage

    def stage(self, name: str):
        return self._stage if name == "entities" else None


def score(tmp_path: Path, found: list[tuple[str, str]]) -> dict:
    path = tmp_path / "eng.sample"
    path.write_text(CONLL, encoding="utf-8")
    return evaluate(path, FakePipeline(FixedStage(found)), errors=1)


def test_perfect_prediction(tmp_path: Path) -> None:
    r = score(tmp_path, [("Anna Karlsson", "PERSON"), ("Oslo", "GPE"), ("Vexamo", "ORG")])
    assert r["task"] == "entities"
    assert r["overall"]["f1"] == 1.0 and r["overall"]["gold"] == 3
    assert r["errors"] == []


def test_a_wrong_boundary_costs_one_hit_on_each_side(tmp_path: Path) -> None:
    r = score(tmp_path, [("Karlsson", "PERSON"), ("Oslo", "GPE"), ("Vexamo", "ORG")])
    o = r["overall"]
    assert (o["precision"], o["recall"]) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert r["breakdowns"]["per type"]["PER"]["f1"] == 0.0
    assert r["errors"][0]["missed"][0]["text"] == "Anna Karlsson"


def test_a_wrong_type_and_a_missing_entity(tmp_path: Path) -> None:
    r = score(tmp_path, [("Anna Karlsson", "PERSON"), ("Oslo", "ORG")])
    o = r["overall"]
    assert o["correct"] == 1 and o["predicted"] == 2 and o["gold"] == 3
    assert o["precision"] == pytest.approx(0.5) and o["recall"] == pytest.approx(1 / 3)


def test_type_mapping() -> None:
    assert [conll_type(t) for t in ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT")] == [
        "PER", "ORG", "LOC", "LOC", "MISC", "MISC"]


def test_seed_style_gold(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    gold = tmp_path / "a.gold.yaml"
    gold.write_text(
        "entities:\n"
        "  - {name: Norway, type: GPE, count: [2, 2]}\n"
        "  - {name: Anna Karlsson, type: PERSON, aliases: [Karlsson], count: [2, 3]}\n"
        "  - {name: Vexamo, type: ORG, count: [1, 1]}\n"
        "  - {name: Bergen, type: GPE, count: [0, 1]}\n"
        "not_entities: [Footer Times]\n", encoding="utf-8")

    class Pipe:
        def run(self, doc):
            from newsparse.model import Analysis
            doc.entities = [
                Entity("e1", "Norway", "GPE", 2, ["Norway"]),
                Entity("e2", "Anna Karlsson", "PERSON", 1, ["Anna Karlsson"]),
                Entity("e3", "Karlsson", "PERSON", 1, ["Karlsson"]),  # not merged
                Entity("e4", "Vexamo", "PERSON", 1, ["Vexamo"]),  # wrong type
                Entity("e5", "Footer Times", "ORG", 1, ["Footer Times"]),  # must not appear
            ]
            return Analysis(doc)

    r = evaluate(gold, Pipe(), errors=1)
    rows = r["breakdowns"]["per entity"]
    assert rows["Norway"]["count_ok"] and rows["Norway"]["type_ok"]
    assert not rows["Anna Karlsson"]["merged_ok"]
    assert not rows["Vexamo"]["type_ok"]
    assert rows["Bergen"]["count_ok"]  # absent but allowed
    o = r["overall"]
    assert o["not_entities_found"] == 1
    assert o["recall"] == pytest.approx(2 / 3)  # Norway and Anna Karlsson typed right; Bergen not required
    assert o["all_correct"] == 2  # Norway, Bergen


def test_unreadable_gold(tmp_path: Path) -> None:
    gold = tmp_path / "b.gold.yaml"
    gold.write_text("entities: []\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        evaluate(gold, FakePipeline(FixedStage([])))


def test_seed_entities_with_the_shipped_pipeline(shared_dir: Path) -> None:
    """The seed article's gold entity list, through the default pipeline: the frequently
    mentioned entities all right, most of the rest too, no page furniture."""
    import yaml

    from newsparse.pipeline import Pipeline

    gold = shared_dir / "seed" / "000_c49ed8084bd9069c.gold.yaml"
    r = evaluate(gold, Pipeline.from_config(None, use_user_config=False))
    o = r["overall"]
    assert o["not_entities_found"] == 0
    rows = r["breakdowns"]["per entity"]
    frequent = [g["name"] for g in yaml.safe_load(gold.read_text(encoding="utf-8"))["entities"] if g["count"][0] >= 3]
    assert len(frequent) >= 5
    for name in frequent:
        assert all(rows[name][k] for k in ("found", "type_ok", "count_ok", "merged_ok")), (name, rows[name])
    assert o["all_correct"] >= 0.85 * o["gold_entities"]
