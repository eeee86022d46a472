"""Quote attribution metric: span matching at 30 % / 80 % coverage, speaker and cue accuracy.

Gold: JSON Lines, one document a line: ``text`` and ``quotes[]`` with ``start``,
``end`` (or ``spans`` for discontinuous quotes), ``kind``, canonical ``speaker``,
and where known ``speaker_start/end``, ``cue``, ``cue_start/end`` (or
``cue_spans``), ``floating`` and ``optional``.

Definitions (docs/evaluation.md has the long form):

- A quote's *characters* are its letters and digits; quotation marks, spaces and
  punctuation do not count, so gold that includes the marks (Gender Gap Tracker)
  and gold that excludes them (the seed) are scored alike.
- A predicted quote *covers* a gold quote by the share of the gold quote's
  characters that fall inside the predicted span (mapped onto the gold text, see
  :mod:`newsparse.evaluate.align`). It *matches* when the coverage is above the
  threshold (30 %, and 80 % reported too). Matching is one-to-one, greedy by the
  number of overlapping characters.
- Gold ``optional`` quotes neither reward nor punish: a prediction matched to one,
  or covering one above the threshold, is removed from both sides.
- Gold ``scare`` quotes are not quotes: they never count towards recall, and a
  predicted quote (any kind but ``scare``) that covers one and matches no real
  quote is a false positive, also reported as ``scare_attributed``. Predictions of kind ``scare`` are not
  attributed quotes and are ignored.
- Speaker accuracy is measured on matched (non-optional) quotes with a gold
  speaker: *exact* after normalisation (case, accents, punctuation, honorifics),
  *lenient* when the surname is the same (see :mod:`newsparse.evaluate.names`).
  When the gold marks the speaker's mention, *mention* accuracy says whether the
  predicted speaker mention overlaps it (the useful measure for PolNeAR, whose
  speakers are mentions as written).
- Cue accuracy, on matched quotes whose gold has a cue: the predicted cue span
  overlaps the gold cue span, or (gold without offsets) the cue words agree.
"""
from __future__ import annotations

import pathlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from newsparse.evaluate.align import Aligner
from newsparse.evaluate.common import EvaluationError, Stopwatch, prf, ratio, read_jsonl, run_on_text
from newsparse.evaluate.names import normalise_name, same_speaker_exact, same_speaker_lenient

TASK = "quotes"
THRESHOLD = 0.30
STRICT_THRESHOLD = 0.80
KIND_GROUPS = {"direct": "direct", "mixed": "mixed/partial", "partial": "mixed/partial", "indirect": "indirect"}
SNIPPET = 90
PRONOUNS = frozenset("he she they i we you it him her them his hers their this that who".split())

Span = tuple[int, int]


@dataclass
class GoldQuote:
    """One gold quote; ``spans`` index the gold text."""

    spans: list[Span]
    kind: str
    speaker: Optional[str] = None
    speaker_span: Optional[Span] = None
    cue: Optional[str] = None
    cue_spans: list[Span] = field(default_factory=list)
    floating: bool = False
    optional: bool = False
    text: str = ""
    mention: Optional[str] = None  # the speaker as written where the gold marks it
    offsets_disagree: bool = False  # the gold's ``quote`` is not ``text[start:end]`` (suspect offsets)

    @property
    def is_scare(self) -> bool:
        return self.kind == "scare"


@dataclass
class PredQuote:
    """One predicted quote with its spans carried over to the gold text (None: not there)."""

    span: Optional[Span]
    kind: str
    speaker: Optional[str]
    speaker_span: Optional[Span]
    cue: Optional[str]
    cue_span: Optional[Span]
    text: str
    rule: Optional[str] = None


class CharWeights:
    """Counts the letters and digits of any gold-text range in O(1) (prefix sums)."""

    def __init__(self, text: str) -> None:
        acc = [0]
        total = 0
        for ch in text:
            total += ch.isalnum()
            acc.append(total)
        self.acc = acc
        self.n = len(text)

    def count(self, start: int, end: int) -> int:
        start, end = max(0, start), min(self.n, end)
        return self.acc[end] - self.acc[start] if end > start else 0


def _spans_of(q: dict[str, Any], key_spans: str, key_start: str, key_end: str, n: int) -> list[Span]:
    spans = q.get(key_spans)
    if isinstance(spans, list) and spans:
        out = [(int(s), int(e)) for s, e in spans if s is not None and e is not None and 0 <= int(s) < int(e) <= n]
        if out:
            return out
    s, e = q.get(key_start), q.get(key_end)
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
        return [(s, e)]
    return []


def parse_gold(doc: dict[str, Any], where: str) -> list[GoldQuote]:
    """The gold quotes of one document, validated against its text."""
    text = doc.get("text")
    if not isinstance(text, str):
        raise EvaluationError(f"{where}: document has no 'text'")
    out = []
    for i, q in enumerate(doc.get("quotes") or []):
        spans = _spans_of(q, "spans", "start", "end", len(text))
        if not spans:
            raise EvaluationError(f"{where}: quote {i} has no valid start/end inside the text")
        speaker_spans = _spans_of(q, "", "speaker_start", "speaker_end", len(text))
        out.append(GoldQuote(
            spans=spans,
            kind=str(q.get("kind") or "direct"),
            speaker=q.get("speaker") or None,
            speaker_span=speaker_spans[0] if speaker_spans else None,
            cue=q.get("cue") or None,
            cue_spans=_spans_of(q, "cue_spans", "cue_start", "cue_end", len(text)),
            floating=bool(q.get("floating")),
            optional=bool(q.get("optional")),
            text=q.get("quote") or text[spans[0][0] : spans[-1][1]],
            mention=(q.get("speaker_mention") if isinstance(q.get("speaker_mention"), str) else None)
            or (text[speaker_spans[0][0] : speaker_spans[0][1]] if speaker_spans else None),
            offsets_disagree=len(spans) == 1 and isinstance(q.get("quote"), str)
            and q["quote"] != text[spans[0][0] : spans[0][1]],
        ))
    return out


def mention_form(g: GoldQuote) -> str:
    """How the gold speaker is mentioned near the quote: the row of the speaker-by-mention breakdown."""
    if not g.mention:
        return "no mention (floating)" if g.floating else "no mention"
    m, full = normalise_name(g.mention), normalise_name(g.speaker)
    if m in PRONOUNS:
        return "pronoun"
    if m == full:
        return "full name"
    if m and set(m.split()) <= set(full.split()):
        return "part of the name"
    return "other (role, title, organisation)"


def _mapped(aligner: Aligner, span: Any) -> Optional[Span]:
    if span is None:
        return None
    return aligner.map_span(span.start, span.end)


def predictions(document: Any, gold_text: str) -> tuple[list[PredQuote], int]:
    """The document's quotes (scare quotes left out) mapped onto the gold text; and how many did not map."""
    aligner = Aligner(document.text, gold_text)
    out, unmapped = [], 0
    for q in document.quotes:
        if q.kind == "scare":
            continue
        span = aligner.map_span(q.start, q.end)
        unmapped += span is None
        out.append(PredQuote(
            span=span,
            kind=q.kind,
            speaker=q.speaker,
            speaker_span=_mapped(aligner, q.speaker_mention),
            cue=q.cue.text if q.cue is not None else None,
            cue_span=_mapped(aligner, q.cue),
            text=q.text,
            rule=q.rule,
        ))
    return out, unmapped


# ---------------------------------------------------------------- matching


def overlap(weights: CharWeights, pred: PredQuote, gold: GoldQuote) -> tuple[int, float]:
    """Gold characters inside the predicted span, and their share of the gold quote's characters."""
    if pred.span is None:
        return 0, 0.0
    ps, pe = pred.span
    total = sum(weights.count(s, e) for s, e in gold.spans)
    if total == 0:  # a gold quote without letters or digits: fall back to raw characters
        inside = sum(max(0, min(e, pe) - max(s, ps)) for s, e in gold.spans)
        length = sum(e - s for s, e in gold.spans)
        return inside, inside / length if length else 0.0
    inside = sum(weights.count(max(s, ps), min(e, pe)) for s, e in gold.spans)
    return inside, inside / total


def greedy_match(weights: CharWeights, golds: list[GoldQuote], preds: list[PredQuote], threshold: float) -> dict[int, int]:
    """One-to-one matching, largest overlap first, among pairs covering more than ``threshold``."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            chars, cover = overlap(weights, p, g)
            if cover > threshold:
                candidates.append((chars, cover, -gi, -pi))
    candidates.sort(reverse=True)
    gold_to_pred: dict[int, int] = {}
    used: set[int] = set()
    for _chars, _cover, ngi, npi in candidates:
        gi, pi = -ngi, -npi
        if gi in gold_to_pred or pi in used:
            continue
        gold_to_pred[gi] = pi
        used.add(pi)
    return gold_to_pred


@dataclass
class DocScore:
    """Counts for one document at one threshold."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # predictions matched to, or covering, optional gold
    scare_attributed: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, pred index), non-optional
    missed: list[int] = field(default_factory=list)  # gold indices
    wrong: list[int] = field(default_factory=list)  # pred indices


def score_document(text: str, golds: list[GoldQuote], preds: list[PredQuote], threshold: float = THRESHOLD,
                   weights: Optional[CharWeights] = None) -> DocScore:
    """Match one document's predictions to its gold at ``threshold`` and count."""
    weights = weights or CharWeights(text)
    real = [g for g in golds if not g.is_scare]
    real_index = [i for i, g in enumerate(golds) if not g.is_scare]
    matched = greedy_match(weights, real, preds, threshold)
    score = DocScore()
    used = set(matched.values())
    for k, g in enumerate(real):
        gi = real_index[k]
        if k in matched:
            if g.optional:
                score.ignored += 1
            else:
                score.tp += 1
                score.pairs.append((gi, matched[k]))
        elif not g.optional:
            score.fn += 1
            score.missed.append(gi)
    optional = [g for g in real if g.optional]
    for pi, p in enumerate(preds):
        if pi in used:
            continue
        if any(overlap(weights, p, g)[1] > threshold for g in optional):
            score.ignored += 1
            continue
        score.fp += 1
        score.wrong.append(pi)
    # a scare quote counts as attributed when a prediction covering it matched no real quote
    # (a correct, longer quote that contains a scare-quoted phrase is not an attribution of it)
    wrong = [preds[pi] for pi in score.wrong]
    for g in golds:
        if g.is_scare and any(overlap(weights, p, g)[1] > threshold for p in wrong):
            score.scare_attributed += 1
    return score


def _spans_overlap(a: Optional[Span], spans: list[Span]) -> bool:
    return a is not None and any(a[0] < e and s < a[1] for s, e in spans)


def cue_correct(pred: PredQuote, gold: GoldQuote) -> bool:
    """The predicted cue overlaps the gold cue span; without gold offsets, the cue words agree."""
    if gold.cue_spans:
        return _spans_overlap(pred.cue_span, gold.cue_spans)
    p, g = normalise_name(pred.cue), normalise_name(gold.cue)
    return bool(p) and (p == g or f" {p} " in f" {g} " or f" {g} " in f" {p} ")


# ---------------------------------------------------------------- corpus


@dataclass
class Tally:
    """Running counts for one row of a table (the whole corpus, a kind, an outlet)."""

    counts: Counter = field(default_factory=Counter)

    def add(self, **kw: int) -> None:
        self.counts.update(kw)

    def metrics(self) -> dict[str, Any]:
        c = self.counts
        out: dict[str, Any] = {}
        out.update(prf(c["tp"], c["fp"], c["fn"]))
        strict = prf(c["tp80"], c["fp80"], c["fn80"])
        out.update({"precision_80": strict["precision"], "recall_80": strict["recall"], "f1_80": strict["f1"]})
        out.update({
            "speaker_exact": ratio(c["speaker_exact"], c["speaker_n"]),
            "speaker_lenient": ratio(c["speaker_lenient"], c["speaker_n"]),
            "speaker_mention": ratio(c["mention_ok"], c["mention_n"]),
            "cue_accuracy": ratio(c["cue_ok"], c["cue_n"]),
        })
        for key in ("tp", "fp", "fn", "gold", "predicted", "ignored", "speaker_n", "mention_n", "cue_n",
                    "scare_gold", "scare_attributed", "documents", "failed_documents", "unmapped_predictions"):
            out[key] = c[key]
        return out


def _snippet(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def evaluate(gold: pathlib.Path, pipeline: Any, errors: int = 0, limit: Optional[int] = None) -> dict[str, Any]:
    """Run ``pipeline`` over every document of a quote gold file and score it."""
    gold = pathlib.Path(gold)
    clock = Stopwatch()
    overall = Tally()
    by_kind: dict[str, Tally] = defaultdict(Tally)  # recall rows by gold kind
    by_pred_kind: dict[str, Counter] = defaultdict(Counter)  # precision rows by predicted kind
    by_source: dict[str, Tally] = defaultdict(Tally)
    doc_reports: list[dict[str, Any]] = []
    pipeline_seconds = 0.0
    by_mention: dict[str, Counter] = defaultdict(Counter)  # speaker accuracy by how the gold mentions the speaker
    offsets_disagree = 0
    speaker_forms: Counter = Counter()  # are gold speakers canonical names or mentions as written?

    for n, raw in enumerate(read_jsonl(gold, limit)):
        doc_id = str(raw.get("id") or n)
        where = f"{gold}: document {doc_id}"
        golds = parse_gold(raw, where)
        text = raw["text"]
        source_label = str(raw.get("outlet") or raw.get("publisher") or "")
        t0 = Stopwatch()
        document, failure = run_on_text(pipeline, text, doc_id)
        pipeline_seconds += t0.seconds
        if document is not None:
            preds, unmapped = predictions(document, text)
        else:
            preds, unmapped = [], 0
        weights = CharWeights(text)
        s30 = score_document(text, golds, preds, THRESHOLD, weights)
        s80 = score_document(text, golds, preds, STRICT_THRESHOLD, weights)
        counted_gold = [g for g in golds if not g.is_scare and not g.optional]
        offsets_disagree += sum(g.offsets_disagree for g in golds)
        for g in counted_gold:
            if g.speaker:
                speaker_forms["pronoun" if normalise_name(g.speaker) in PRONOUNS else "name"] += 1
        row = dict(tp=s30.tp, fp=s30.fp, fn=s30.fn, tp80=s80.tp, fp80=s80.fp, fn80=s80.fn,
                   ignored=s30.ignored, gold=len(counted_gold), predicted=s30.tp + s30.fp,
                   scare_gold=sum(g.is_scare for g in golds), scare_attributed=s30.scare_attributed,
                   documents=1, failed_documents=int(failure is not None), unmapped_predictions=unmapped)
        speaker_rows: list[dict[str, int]] = []
        speaker_errors = []
        for gi, pi in s30.pairs:
            g, p = golds[gi], preds[pi]
            sp: dict[str, int] = Counter()
            if g.speaker:
                exact = same_speaker_exact(p.speaker, g.speaker)
                lenient = same_speaker_lenient(p.speaker, g.speaker)
                sp.update(speaker_n=1, speaker_exact=int(exact), speaker_lenient=int(lenient))
                if not exact:
                    problem = "speaker not canonical (same surname)" if lenient else "speaker"
                    speaker_errors.append({"problem": problem, "text": _snippet(g.text),
                                           "speaker": p.speaker, "gold_speaker": g.speaker, "rule": p.rule})
            if g.speaker_span is not None:
                sp.update(mention_n=1, mention_ok=int(_spans_overlap(p.speaker_span, [g.speaker_span])))
            if g.cue:
                sp.update(cue_n=1, cue_ok=int(cue_correct(p, g)))
            speaker_rows.append(sp)
            kind_tally = by_kind[KIND_GROUPS.get(g.kind, g.kind)]
            kind_tally.add(**sp)
            if g.speaker:
                by_mention[mention_form(g)].update(sp)
            if g.floating:
                by_kind["floating"].add(**sp)
        for sp in speaker_rows:
            for k, v in sp.items():
                row[k] = row.get(k, 0) + v
        overall.add(**row)
        if source_label:
            by_source[source_label].add(**row)
        # recall by gold kind and for floating quotes (30 % and 80 %)
        found30 = {gi for gi, _ in s30.pairs}
        found80 = {gi for gi, _ in s80.pairs}
        for gi, g in enumerate(golds):
            if g.is_scare or g.optional:
                continue
            rows = [KIND_GROUPS.get(g.kind, g.kind)] + (["floating"] if g.floating else [])
            for label in rows:
                by_kind[label].add(gold=1, tp=int(gi in found30), fn=int(gi not in found30),
                                   tp80=int(gi in found80), fn80=int(gi not in found80))
        for pi, p in enumerate(preds):
            if pi in s30.wrong:
                by_pred_kind[p.kind].update(predicted=1)
            elif any(pi == q for _, q in s30.pairs):
                by_pred_kind[p.kind].update(predicted=1, correct=1)
        if errors:
            doc_f1 = prf(s30.tp, s30.fp, s30.fn)["f1"]
            missed = [{"text": _snippet(golds[gi].text), "kind": golds[gi].kind, "speaker": golds[gi].speaker,
                       "start": golds[gi].spans[0][0]} for gi in s30.missed]
            wrong = [{"problem": "not a gold quote", "text": _snippet(preds[pi].text), "kind": preds[pi].kind,
                      "speaker": preds[pi].speaker, "rule": preds[pi].rule} for pi in s30.wrong]
            doc_reports.append({"document": doc_id, "score": doc_f1, "tp": s30.tp, "fp": s30.fp, "fn": s30.fn,
                                "error": failure, "missed": missed, "wrong": wrong + speaker_errors})

    if overall.counts["documents"] == 0:
        raise EvaluationError(f"{gold}: no documents")
    seconds = clock.seconds
    result_overall = overall.metrics()
    result_overall["seconds"] = round(seconds, 3)
    result_overall["pipeline_articles_per_second"] = (
        round(overall.counts["documents"] / pipeline_seconds, 2) if pipeline_seconds else None)

    kind_order = ["direct", "mixed/partial", "indirect", "floating"]
    kinds = {}
    for label in kind_order + sorted(k for k in by_kind if k not in kind_order):
        if label in by_kind and by_kind[label].counts["gold"]:
            m = by_kind[label].metrics()
            kinds[label] = {"gold": m["gold"], "found": m["tp"], "recall": m["recall"], "recall_80": m["recall_80"],
                            "speaker_exact": m["speaker_exact"], "speaker_lenient": m["speaker_lenient"],
                            "cue_accuracy": m["cue_accuracy"]}
    pred_kinds = {k: {"predicted": c["predicted"], "correct": c["correct"], "precision": ratio(c["correct"], c["predicted"])}
                  for k, c in sorted(by_pred_kind.items())}
    breakdowns: dict[str, Any] = {"recall by gold kind": kinds, "precision by predicted kind": pred_kinds}
    breakdowns["speaker by gold mention"] = {
        label: {"matched": c["speaker_n"], "speaker_exact": ratio(c["speaker_exact"], c["speaker_n"]),
                "speaker_lenient": ratio(c["speaker_lenient"], c["speaker_n"])}
        for label, c in sorted(by_mention.items(), key=lambda kv: -kv[1]["speaker_n"])
    }
    if len(by_source) > 1:
        breakdowns["by source"] = {
            label: {k: m[k] for k in ("documents", "gold", "predicted", "precision", "recall", "f1", "speaker_exact")}
            for label, m in sorted((lbl, t.metrics()) for lbl, t in by_source.items())
        }
    result: dict[str, Any] = {"task": TASK, "gold": str(gold), "overall": result_overall, "breakdowns": breakdowns}
    notes = []
    if offsets_disagree:
        notes.append(f"{offsets_disagree} gold quotes have a 'quote' field that differs from text[start:end]: "
                     "check the gold offsets (they must index 'text' as a Python string)")
    if speaker_forms["pronoun"] > 0.01 * sum(speaker_forms.values()):
        notes.append("gold speakers are mentions as written (pronouns among them), not canonical names: "
                     "speaker_exact / speaker_lenient are informative only; speaker_mention is the measure")
    if notes:
        result["notes"] = notes
    if errors:
        doc_reports.sort(key=lambda d: (d["score"], -(d["fp"] + d["fn"] + len(d["wrong"]))))
        result["errors"] = doc_reports[:errors]
    return result
