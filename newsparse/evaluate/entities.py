"""Entity evaluation: exact-span typed P/R/F1 on CoNLL/IOB corpora, and the seed's entity list.

IOB gold (CoNLL-2003, UNER ``.iob2``, wikigold, BTC, a re3d folder): each gold document's tokens
are joined with single spaces (sentences on their own lines), the pipeline's ``entities`` stage
runs on that text with the gold sentence and token spans (as NER benchmarks are scored: on the
corpus's own tokenisation), and every predicted mention is compared with the gold entity spans
by character offsets. Type mapping (ours -> CoNLL): PERSON -> PER, ORG -> ORG,
GPE and LOC -> LOC, NORP and every other type -> MISC. ``overall`` is over PER / ORG / LOC (MISC
conventions differ between corpora; UNER has no MISC); ``per type`` also reports MISC and
``with MISC`` the four-type score.

Seed gold (``*.gold.yaml`` next to its ``.txt``): the whole pipeline runs on the article. Each
gold entity is *found* when a predicted entity has its name or one of its aliases as name or
alias; then it is checked for type, count within ``[low, high]`` and merging (all its gold
aliases in one predicted entity). ``not_entities`` must not appear as any name, alias or mention.
Recall = gold entities found with the right type (an entity whose range starts at 0 and is
absent is not counted); precision = predicted PERSON/ORG/GPE/LOC entities that are gold
entities (the gold list covers the article's names); ``all_correct`` = gold entities right in
every respect.
"""
from __future__ import annotations

import pathlib
import re
import unicodedata
from collections import Counter
from typing import Any, Optional

from newsparse.evaluate.common import EvaluationError, Stopwatch, prf, run_on_text

TASK = "entities"
TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
MAIN_TYPES = ("PER", "ORG", "LOC")


def conll_type(ours: str) -> str:
    """Our entity type in CoNLL terms (documented mapping)."""
    return TO_CONLL.get(ours, "MISC")


def build_document(doc: list[tuple[list[str], list[str]]], name: str):
    """A Document whose text is the gold tokens joined by spaces, plus the gold spans by offsets."""
    from newsparse.model import Document, Span
    from newsparse.ner.corpora import spans

    from newsparse.stages.entities import GIVEN_TOKENS

    parts: list[str] = []
    sentences = []
    token_spans: list[list[tuple[int, int]]] = []
    gold: set[tuple[int, int, str]] = set()
    pos = 0
    for toks, tags in doc:
        offsets = []
        for tok in toks:
            offsets.append((pos, pos + len(tok)))
            parts.append(tok)
            parts.append(" ")
            pos += len(tok) + 1
        parts[-1] = "\n"
        sentences.append(Span(offsets[0][0], offsets[-1][1]))
        token_spans.append(offsets)
        for i, j, typ in spans(tags):
            gold.add((offsets[i][0], offsets[j - 1][1], typ))
    document = Document(input=name, text="".join(parts), sentences=sentences)
    document.extra[GIVEN_TOKENS] = token_spans
    return document, gold


def _entities_stage(pipeline: Any):
    stage = pipeline.stage("entities") if hasattr(pipeline, "stage") else None
    if stage is None:
        from newsparse.stages.entities import EntitiesStage

        stage = EntitiesStage()
    return stage


def predicted_spans(document: Any) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, conll_type(e.type)) for e in document.entities for m in e.mentions}


def evaluate_iob(gold: pathlib.Path, pipeline: Any, errors: int = 0, limit: Optional[int] = None) -> dict[str, Any]:
    """Exact-span typed scores of the entities stage on an IOB/CoNLL corpus."""
    from newsparse.ner.corpora import read_any

    clock = Stopwatch()
    stage = _entities_stage(pipeline)
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    reports = []
    n_docs = n_tokens = 0
    stage_seconds = 0.0
    try:
        docs = read_any(gold)
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{gold}: {exc}") from None
    for n, doc in enumerate(docs):
        if limit is not None and n >= limit:
            break
        document, gold_spans = build_document(doc, f"{gold.name}#{n}")
        t0 = Stopwatch()
        document = stage(document)
        stage_seconds += t0.seconds
        pred = predicted_spans(document)
        n_docs += 1
        n_tokens += sum(len(t) for t, _ in doc)
        for span in pred & gold_spans:
            tp[span[2]] += 1
        for span in pred - gold_spans:
            fp[span[2]] += 1
        for span in gold_spans - pred:
            fn[span[2]] += 1
        if errors:
            text = document.text
            missed = [{"text": text[s:e], "kind": t, "start": s} for s, e, t in sorted(gold_spans - pred)
                      if t in MAIN_TYPES]
            wrong = [{"problem": "not gold", "text": text[s:e], "kind": t} for s, e, t in sorted(pred - gold_spans)
                     if t in MAIN_TYPES]
            if missed or wrong:
                g = sum(1 for s in gold_spans if s[2] in MAIN_TYPES)
                score = prf(g - len(missed), len(wrong), len(missed))["f1"]
                reports.append({"document": n, "score": score, "missed": missed, "wrong": wrong})
    if not n_docs:
        raise EvaluationError(f"{gold}: no documents")

    def row(types: tuple[str, ...]) -> dict[str, Any]:
        t, p, f = (sum(c[x] for x in types) for c in (tp, fp, fn))
        return {**prf(t, p, f), "gold": t + f, "predicted": t + p, "correct": t}

    overall = row(MAIN_TYPES)
    overall.update(documents=n_docs, tokens=n_tokens, seconds=round(clock.seconds, 3),
                   tokens_per_second=round(n_tokens / stage_seconds) if stage_seconds else None)
    per_type = {t: row((t,)) for t in MAIN_TYPES + ("MISC",) if tp[t] + fp[t] + fn[t]}
    result: dict[str, Any] = {
        "task": TASK, "gold": str(gold), "overall": overall,
        "breakdowns": {"per type": per_type, "with MISC": {"PER/ORG/LOC/MISC": row(MAIN_TYPES + ("MISC",))}},
        "notes": ["types mapped to CoNLL: PERSON->PER, ORG->ORG, GPE/LOC->LOC, NORP and others->MISC; "
                  "overall is over PER/ORG/LOC"],
    }
    if errors:
        reports.sort(key=lambda d: (d["score"], -(len(d["missed"]) + len(d["wrong"]))))
        result["errors"] = reports[:errors]
    return result


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"^the ", "", name.strip().lower()))


def evaluate_seed(gold: pathlib.Path, pipeline: Any, errors: int = 0) -> dict[str, Any]:
    """Check the seed's entity list: found, typed, counted within range, merged; no not_entities."""
    import yaml

    clock = Stopwatch()
    try:
        spec = yaml.safe_load(gold.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvaluationError(f"{gold}: cannot read gold ({exc})") from None
    text_path = gold.with_name(gold.name.split(".gold.")[0] + ".txt")
    if not text_path.is_file():
        raise EvaluationError(f"{gold}: the article {text_path.name} is not next to it")
    document, failure = run_on_text(pipeline, text_path.read_text(encoding="utf-8"), text_path.name)
    if document is None:
        raise EvaluationError(f"{gold}: the pipeline failed: {failure}")
    preds = document.entities
    names_of = [{_norm(e.name)} | {_norm(a) for a in e.aliases} for e in preds]
    rows: dict[str, dict[str, Any]] = {}
    matched_preds: set[int] = set()
    problems = []
    for g in spec.get("entities") or []:
        forms = {_norm(g["name"])} | {_norm(a) for a in g.get("aliases") or []}
        cands = [i for i, names in enumerate(names_of) if _norm(g["name"]) in names]
        cands = cands or [i for i, names in enumerate(names_of) if names & forms]
        low, high = g.get("count", [0, 10**9])
        if not cands:
            optional = low == 0  # allowed to be absent (e.g. only in a caption the cleaner may drop)
            rows[g["name"]] = {"found": False, "type": None, "count": 0, "range": f"{low}-{high}",
                               "type_ok": optional, "count_ok": optional, "merged_ok": optional}
            if not optional:
                problems.append({"problem": "missed", "text": g["name"], "kind": g["type"]})
            continue
        best = max(cands, key=lambda i: preds[i].count)
        matched_preds.update(cands)
        e = preds[best]
        holders = [i for i, names in enumerate(names_of) if names & forms]
        row = {"found": True, "type": e.type, "count": e.count, "range": f"{low}-{high}",
               "type_ok": e.type == g["type"], "count_ok": low <= e.count <= high,
               "merged_ok": holders == [best]}
        rows[g["name"]] = row
        for key, label in (("type_ok", "type"), ("count_ok", "count"), ("merged_ok", "merge")):
            if not row[key]:
                problems.append({"problem": label, "text": g["name"], "kind": e.type, "count": e.count,
                                 "expected": f"{g['type']} {low}-{high}",
                                 "split_over": [preds[i].name for i in holders]})
    bad = {_norm(x) for x in spec.get("not_entities") or []}
    leaked = sorted({e.name for e, names in zip(preds, names_of) if names & bad}
                    | {m.text for e in preds for m in e.mentions if _norm(m.text) in bad})
    for name in leaked:
        problems.append({"problem": "not an entity", "text": name})
    rows_needed = {k: r for k, r in rows.items() if r["found"] or not r["count_ok"]}
    n_gold = len(rows_needed)
    found_typed = sum(1 for r in rows_needed.values() if r["found"] and r["type_ok"])
    considered = [i for i, e in enumerate(preds) if e.type in ("PERSON", "ORG", "GPE", "LOC")]
    correct_preds = sum(1 for i in considered if i in matched_preds)
    overall = prf(correct_preds, len(considered) - correct_preds, n_gold - found_typed)
    overall["recall"] = found_typed / n_gold if n_gold else 1.0
    p, r = overall["precision"], overall["recall"]
    overall["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    overall.update(
        gold_entities=len(rows), found=sum(r["found"] for r in rows.values()), typed=found_typed,
        counted=sum(r["count_ok"] for r in rows.values()), merged=sum(r["merged_ok"] for r in rows.values()),
        all_correct=sum(all(r[k] for k in ("type_ok", "count_ok", "merged_ok")) for r in rows.values()),
        not_entities_found=len(leaked), predicted_entities=len(preds), seconds=round(clock.seconds, 3))
    result: dict[str, Any] = {"task": TASK, "gold": str(gold), "overall": overall,
                              "breakdowns": {"per entity": rows}}
    if errors:
        result["errors"] = [{"document": text_path.name, "score": overall["f1"], "missed": [],
                             "wrong": problems}]
    return result


def evaluate(gold: pathlib.Path, pipeline: Any, errors: int = 0, limit: Optional[int] = None) -> dict[str, Any]:
    """Score the pipeline's entities against ``gold`` (a seed ``.gold.yaml`` or an IOB corpus)."""
    gold = pathlib.Path(gold)
    if gold.name.endswith((".yaml", ".yml")):
        return evaluate_seed(gold, pipeline, errors)
    return evaluate_iob(gold, pipeline, errors, limit)
