"""The quote metric on small hand-computed cases (texts and names invented for these tests)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional

import pytest

from newsparse.evaluate import quotes as Q
from newsparse.evaluate.names import normalise_name, same_speaker_exact, same_speaker_lenient
from newsparse.model import Analysis, Quote, TextSpan

# ---------------------------------------------------------------- helpers

TEXT = (
    'Town officials met on Monday.\n'
    '"The bridge will open in May," said Mayor Elena Brandt.\n'
    'Brandt said the budget was balanced.\n'
    '"We planned carefully." The plan has a "green corridor" too.\n'
    'Engineer Tomas Ruiz told reporters that the steel arrived early.\n'
)


def span(words: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def gold_q(words: str, kind: str = "direct", speaker: Optional[str] = "Elena Brandt", **kw: Any) -> Q.GoldQuote:
    s, e = span(words)
    return Q.GoldQuote(spans=[(s, e)], kind=kind, speaker=speaker, text=words, **kw)


def pred_q(words: str, speaker: Optional[str] = "Elena Brandt", kind: str = "direct", cue: Optional[str] = None,
           cue_words: Optional[str] = None) -> Q.PredQuote:
    cue_span = span(cue_words) if cue_words else None
    return Q.PredQuote(span=span(words), kind=kind, speaker=speaker, speaker_span=None,
                       cue=cue or (cue_words if cue_words else None), cue_span=cue_span, text=words)


def golds_all() -> list[Q.GoldQuote]:
    return [
        gold_q("The bridge will open in May,"),
        gold_q("the budget was balanced", kind="indirect"),
        gold_q("We planned carefully.", floating=True),
        gold_q("the steel arrived early", kind="indirect", speaker="Tomas Ruiz"),
    ]


def preds_all() -> list[Q.PredQuote]:
    return [
        pred_q("The bridge will open in May,"),
        pred_q("the budget was balanced", kind="indirect"),
        pred_q("We planned carefully."),
        pred_q("the steel arrived early", kind="indirect", speaker="Tomas Ruiz"),
    ]


# ---------------------------------------------------------------- matching and counts


def test_perfect_prediction_scores_one() -> None:
    s = Q.score_document(TEXT, golds_all(), preds_all())
    assert (s.tp, s.fp, s.fn) == (4, 0, 0)


def test_a_missed_quote_lowers_recall_by_a_quarter() -> None:
    s = Q.score_document(TEXT, golds_all(), preds_all()[:3])
    assert (s.tp, s.fp, s.fn) == (3, 0, 1)
    m = Q.prf(s.tp, s.fp, s.fn)
    assert m["recall"] == pytest.approx(0.75)
    assert m["f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_a_spurious_quote_lowers_precision_to_four_fifths() -> None:
    preds = preds_all() + [pred_q("Town officials met on Monday.", speaker=None)]
    s = Q.score_document(TEXT, golds_all(), preds)
    assert (s.tp, s.fp, s.fn) == (4, 1, 0)
    assert Q.prf(s.tp, s.fp, s.fn)["precision"] == pytest.approx(0.8)


def test_coverage_must_exceed_thirty_percent() -> None:
    text = "alpha beta gamma delta epsilon zeta"  # 30 letters
    g = Q.GoldQuote(spans=[(0, len(text))], kind="direct", speaker="X")
    weights = Q.CharWeights(text)

    def pred_upto(n_letters: int) -> Q.PredQuote:
        count, end = 0, 0
        while count < n_letters:
            count += text[end].isalnum()
            end += 1
        return Q.PredQuote(span=(0, end), kind="direct", speaker="X", speaker_span=None, cue=None, cue_span=None, text="")

    assert Q.overlap(weights, pred_upto(9), g)[1] == pytest.approx(0.3)
    assert Q.score_document(text, [g], [pred_upto(9)]).tp == 0  # exactly 30 %: no match
    assert Q.score_document(text, [g], [pred_upto(10)]).tp == 1
    assert Q.score_document(text, [g], [pred_upto(24)], threshold=Q.STRICT_THRESHOLD).tp == 0  # exactly 80 %
    assert Q.score_document(text, [g], [pred_upto(25)], threshold=Q.STRICT_THRESHOLD).tp == 1


def test_gold_with_quotation_marks_is_fully_covered_by_a_prediction_without_them() -> None:
    g = gold_q('"The bridge will open in May,"')
    p = pred_q("The bridge will open in May")
    assert Q.overlap(Q.CharWeights(TEXT), p, g)[1] == pytest.approx(1.0)


def test_one_to_one_greedy_by_overlap() -> None:
    # two predictions over the same gold quote: the larger one matches, the other is a false positive
    g = [gold_q("The bridge will open in May,")]
    preds = [pred_q("The bridge will"), pred_q("The bridge will open in May")]
    s = Q.score_document(TEXT, g, preds)
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert s.pairs == [(0, 1)]
    # one prediction spanning two gold quotes matches only the one it overlaps most
    golds = [gold_q("Town officials met"), gold_q("The bridge will open in May,")]
    s = Q.score_document(TEXT, golds, [pred_q('Town officials met on Monday.\n"The bridge will open in May')])
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    assert s.pairs == [(1, 0)]


def test_discontinuous_gold_spans() -> None:
    a, b = span("The bridge will open"), span("said Mayor Elena")
    g = Q.GoldQuote(spans=[a, b], kind="direct", speaker="Elena Brandt")
    weights = Q.CharWeights(TEXT)
    inside = sum(weights.count(*x) for x in [a])
    total = inside + weights.count(*b)
    assert Q.overlap(weights, pred_q("The bridge will open"), g)[1] == pytest.approx(inside / total)


def test_optional_gold_neither_rewards_nor_punishes() -> None:
    golds = golds_all() + [gold_q("green corridor", kind="partial", optional=True)]
    with_it = Q.score_document(TEXT, golds, preds_all() + [pred_q("green corridor")])
    without = Q.score_document(TEXT, golds, preds_all())
    assert (with_it.tp, with_it.fp, with_it.fn) == (4, 0, 0)
    assert (without.tp, without.fp, without.fn) == (4, 0, 0)
    assert with_it.ignored == 1


def test_scare_quote_attributed_is_a_false_positive() -> None:
    golds = golds_all() + [gold_q("green corridor", kind="scare", speaker=None)]
    s = Q.score_document(TEXT, golds, preds_all() + [pred_q("green corridor")])
    assert (s.tp, s.fp, s.fn) == (4, 1, 0)
    assert s.scare_attributed == 1
    # a scare gold is never owed: leaving it out costs nothing
    s = Q.score_document(TEXT, golds, preds_all())
    assert (s.tp, s.fp, s.fn, s.scare_attributed) == (4, 0, 0, 0)


def test_scare_phrase_inside_a_correct_quote_is_not_attributed() -> None:
    golds = [gold_q('"We planned carefully." The plan has a "green corridor" too.', kind="indirect"),
             gold_q("green corridor", kind="scare", speaker=None)]
    s = Q.score_document(TEXT, golds, [pred_q('We planned carefully." The plan has a "green corridor" too')])
    assert (s.tp, s.fp, s.fn, s.scare_attributed) == (1, 0, 0, 0)


def test_prediction_of_kind_scare_is_not_an_attributed_quote() -> None:
    doc = _FakeDocument(TEXT, [("green corridor", "scare", None)])
    preds, unmapped = Q.predictions(doc, TEXT)
    assert preds == [] and unmapped == 0


# ---------------------------------------------------------------- speaker names


@pytest.mark.parametrize("a,b", [
    ("Dr. Ana\u00efs Lef\u00e8vre", "anais lefevre"),
    ("Prof.  Elena Brandt", "Elena Brandt"),
    ("Sen. Elena Brandt Jr.", "Elena Brandt"),
    ("Ms. Elena Brandt", "ELENA BRANDT"),
    ("O\u2019Hara", "O'Hara"),
])
def test_speaker_exact_after_normalisation(a: str, b: str) -> None:
    assert same_speaker_exact(a, b)


@pytest.mark.parametrize("a,b,lenient", [
    ("Brandt", "Elena Brandt", True),
    ("Mrs. Brandt", "Elena Brandt", True),
    ("Kim Soo", "Kim Soo-jin", True),  # hyphenated given name: words contained
    ("Jonas Brandt", "Elena Brandt", True),  # same surname is the lenient rule
    ("Tomas Ruiz", "Elena Brandt", False),
    (None, "Elena Brandt", False),
    ("", "Elena Brandt", False),
])
def test_speaker_lenient(a: Optional[str], b: str, lenient: bool) -> None:
    assert same_speaker_lenient(a, b) is lenient
    assert not same_speaker_exact(a, b)


def test_normalise_name_drops_possessive_and_punctuation() -> None:
    assert normalise_name("Sen. Brandt's") == "brandt"


def test_honorifics_only_dropped_before_a_name() -> None:
    assert normalise_name("General Motors") == "general motors"
    assert normalise_name("Dr.") == "dr"
    assert not same_speaker_exact("Mayor Elena Brandt", "Elena Brandt")  # a job title is not an honorific


# ---------------------------------------------------------------- cues


def test_cue_accuracy_by_span_and_by_words() -> None:
    said = TEXT.index("said Mayor")
    g = gold_q("The bridge will open in May,", cue="said", cue_spans=[(said, said + 4)])
    assert Q.cue_correct(pred_q("The bridge will open in May", cue_words="said Mayor"), g)
    assert not Q.cue_correct(pred_q("The bridge will open in May", cue_words="told reporters"), g)
    g2 = gold_q("the steel arrived early", kind="indirect", cue="told")
    assert Q.cue_correct(pred_q("the steel arrived early", cue="Told"), g2)
    assert not Q.cue_correct(pred_q("the steel arrived early", cue="said"), g2)
    assert not Q.cue_correct(pred_q("the steel arrived early", cue=None), g2)


# ---------------------------------------------------------------- the whole evaluator, with a fake pipeline


class _FakeDocument:
    def __init__(self, text: str, quotes: list[tuple[str, str, Optional[str]]], cues: Optional[dict[str, str]] = None) -> None:
        self.text = text
        self.quotes = []
        for words, kind, speaker in quotes:
            s = text.index(words)
            cue = None
            if cues and words in cues:
                cs = text.index(cues[words])
                cue = TextSpan(cs, cs + len(cues[words]), cues[words])
            self.quotes.append(Quote(s, s + len(words), words, kind, speaker=speaker, cue=cue))


class FakePipeline:
    """Answers with prescribed quotes; optionally 'cleans' the text (collapses whitespace, straight quotes)."""

    def __init__(self, answers: list[tuple[str, str, Optional[str]]], clean: bool = False,
                 cues: Optional[dict[str, str]] = None) -> None:
        self.answers, self.clean, self.cues = answers, clean, cues

    def run(self, doc: Any) -> Analysis:
        text = doc.raw
        if self.clean:
            text = re.sub(r"[ \t]+", " ", text).replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
        present = [a for a in self.answers if a[0] in text]
        fake = _FakeDocument(text, present, self.cues)
        doc.text, doc.quotes = fake.text, fake.quotes
        return Analysis(document=doc)


def _write_gold(tmp_path: Path, docs: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _doc(text: str, quotes: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    out = []
    for q in quotes:
        s = text.index(q["quote"])
        out.append({"start": s, "end": s + len(q["quote"]), **q})
    return {"id": extra.pop("id", "d1"), "text": text, "quotes": out, **extra}


DOC_TEXT = (
    "The ferry service resumed on Friday.\n\n"
    "\u201cPassengers can board   from 7 a.m.,\u201d said Captain Ines Moreau.\n\n"
    "\u201cWe\u2019re grateful for their patience.\u201d\n\n"
    "Moreau said the new timetable starts next week.\n"
)
DOC_QUOTES = [
    {"quote": "\u201cPassengers can board   from 7 a.m.,\u201d", "kind": "direct", "speaker": "Ines Moreau",
     "cue": "said", "floating": False},
    {"quote": "\u201cWe\u2019re grateful for their patience.\u201d", "kind": "direct", "speaker": "Ines Moreau",
     "cue": None, "floating": True},
    {"quote": "the new timetable starts next week", "kind": "indirect", "speaker": "Ines Moreau", "cue": "said",
     "floating": False},
]


def test_evaluate_end_to_end_with_cleaned_text(tmp_path: Path) -> None:
    gold = _write_gold(tmp_path, [_doc(DOC_TEXT, DOC_QUOTES)])
    pipe = FakePipeline([
        ("Passengers can board from 7 a.m.,", "direct", "Captain Ines Moreau"),
        ("We're grateful for their patience.", "direct", "Moreau"),
        ("the new timetable starts next week", "indirect", "Paul Girard"),
    ], clean=True, cues={"Passengers can board from 7 a.m.,": "said Captain"})
    r = Q.evaluate(gold, pipe, errors=1)
    o = r["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (3, 0, 0)
    assert o["f1"] == pytest.approx(1.0)
    assert o["speaker_n"] == 3
    assert o["speaker_exact"] == pytest.approx(1 / 3)  # only "Captain Ines Moreau" (honorific dropped)
    assert o["speaker_lenient"] == pytest.approx(2 / 3)  # "Moreau" too; "Paul Girard" is wrong
    assert o["cue_n"] == 2 and o["cue_accuracy"] == pytest.approx(0.5)  # the indirect quote has no cue
    kinds = r["breakdowns"]["recall by gold kind"]
    assert kinds["direct"]["gold"] == 2 and kinds["direct"]["recall"] == 1.0
    assert kinds["floating"]["gold"] == 1 and kinds["floating"]["found"] == 1
    err = r["errors"][0]
    assert err["score"] == pytest.approx(1.0)
    assert [w["speaker"] for w in err["wrong"] if w.get("problem") == "speaker"] == ["Paul Girard"]
    assert [w["speaker"] for w in err["wrong"] if "same surname" in w.get("problem", "")] == ["Moreau"]


def test_evaluate_missing_and_wrong_listed(tmp_path: Path) -> None:
    gold = _write_gold(tmp_path, [_doc(DOC_TEXT, DOC_QUOTES)])
    pipe = FakePipeline([
        ("Passengers can board", "direct", "Ines Moreau"),
        ("The ferry service resumed", "direct", "Ines Moreau"),
    ], clean=True)
    r = Q.evaluate(gold, pipe, errors=5)
    o = r["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (1, 1, 2)
    assert o["precision"] == pytest.approx(0.5) and o["recall"] == pytest.approx(1 / 3)
    assert o["f1"] == pytest.approx(0.4)
    # "Passengers can board" covers 18 of the gold quote's 28 letters and digits: above 30 %, below 80 %
    assert (o["precision_80"], o["recall_80"]) == (0.0, 0.0)
    err = r["errors"][0]
    assert len(err["missed"]) == 2 and len(err["wrong"]) == 1
    assert err["score"] == pytest.approx(0.4)


def test_evaluate_worst_documents_first_and_limit(tmp_path: Path) -> None:
    good = _doc("\u201cAll fine here today,\u201d she said.", [{"quote": "All fine here today,", "kind": "direct", "speaker": "A"}], id="good")
    bad = _doc("\u201cNothing found here today,\u201d he said.", [{"quote": "Nothing found here today,", "kind": "direct", "speaker": "B"}], id="bad")
    gold = _write_gold(tmp_path, [good, bad])
    pipe = FakePipeline([("All fine here today,", "direct", "A")])
    r = Q.evaluate(gold, pipe, errors=1)
    assert [e["document"] for e in r["errors"]] == ["bad"]
    assert r["overall"]["documents"] == 2
    r1 = Q.evaluate(gold, pipe, limit=1)
    assert r1["overall"]["documents"] == 1 and r1["overall"]["f1"] == 1.0
    assert "errors" not in r1


def test_a_failing_document_counts_its_quotes_as_missed(tmp_path: Path) -> None:
    class Broken:
        def run(self, doc: Any) -> Analysis:
            raise RuntimeError("boom")

    gold = _write_gold(tmp_path, [_doc(DOC_TEXT, DOC_QUOTES)])
    r = Q.evaluate(gold, Broken(), errors=1)
    assert r["overall"]["failed_documents"] == 1
    assert r["overall"]["fn"] == 3 and r["overall"]["recall"] == 0.0
    assert "boom" in r["errors"][0]["error"]


def test_bad_gold_is_a_one_line_error(tmp_path: Path) -> None:
    from newsparse.evaluate.common import EvaluationError

    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "abc", "quotes": [{"start": 5, "end": 9}]}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="quote 0"):
        Q.evaluate(path, FakePipeline([]))
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=":1: invalid JSON"):
        Q.evaluate(path, FakePipeline([]))


@pytest.mark.parametrize("mention,floating,form", [
    ("she", False, "pronoun"),
    ("Elena Brandt", False, "full name"),
    ("Brandt", False, "part of the name"),
    ("the mayor", False, "other (role, title, organisation)"),
    (None, True, "no mention (floating)"),
    (None, False, "no mention"),
])
def test_mention_form(mention: Optional[str], floating: bool, form: str) -> None:
    g = gold_q("The bridge will open in May,", floating=floating, mention=mention)
    assert Q.mention_form(g) == form


def test_speaker_by_mention_breakdown(tmp_path: Path) -> None:
    doc = _doc(DOC_TEXT, DOC_QUOTES)
    doc["quotes"][2]["speaker_mention"] = "Moreau"
    gold = _write_gold(tmp_path, [doc])
    pipe = FakePipeline([
        ("Passengers can board from 7 a.m.,", "direct", "Ines Moreau"),
        ("We're grateful for their patience.", "direct", "Ines Moreau"),
        ("the new timetable starts next week", "indirect", "Moreau"),
    ], clean=True)
    rows = Q.evaluate(gold, pipe)["breakdowns"]["speaker by gold mention"]
    assert rows["part of the name"] == {"matched": 1, "speaker_exact": 0.0, "speaker_lenient": 1.0}
    assert rows["no mention (floating)"]["matched"] == 1
    assert rows["no mention"]["speaker_exact"] == 1.0


def test_gold_quote_text_disagreeing_with_offsets_is_noted(tmp_path: Path) -> None:
    doc = _doc(DOC_TEXT, DOC_QUOTES)
    doc["quotes"][2]["start"] += 1  # off by one: the 'quote' field no longer matches text[start:end]
    gold = _write_gold(tmp_path, [doc])
    r = Q.evaluate(gold, FakePipeline([]))
    assert any(n.startswith("1 gold quotes have a 'quote' field") for n in r["notes"])
    assert "notes" not in Q.evaluate(_write_gold(tmp_path, [_doc(DOC_TEXT, DOC_QUOTES)]), FakePipeline([]))
