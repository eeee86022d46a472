"""Speed of the NER tagger and of the whole entities stage (a benchmark, not a test).

    python3 training/bench_ner.py            # needs ../shared (CoNLL-2003 dev as the text)
    python3 training/bench_ner.py --web      # the web-text model (models/ner_web.npz) instead

Prints the model + gazetteer load time, tagging tokens/s on one core (wall clock and CPU
time - on a shared machine the CPU figure is the stable one) (first pass fills the
per-word-type caches; the second pass is the steady state of a long run), and the whole
stage's tokens/s (tokenising, choosing the model by genre, tagging, typing, merging) on the
same documents as plain text (with ``--web`` the stage is told to use the web model).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "data" / "train" / "conll2003" / "eng.testa"


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--web", action="store_true", help="benchmark the web-text model")
    args = ap.parse_args(argv)
    from newsparse.ner.corpora import read_any

    docs = [[toks for toks, _ in doc] for doc in read_any(GOLD)]
    n_tokens = sum(len(s) for d in docs for s in d)

    t0, c0 = time.perf_counter(), time.process_time()
    from newsparse.ner import features, gazetteers, mentions
    from newsparse.ner.model import WEB_MODEL_PATH, model

    m = model(WEB_MODEL_PATH if args.web else None)
    gazetteers.gazetteer(), gazetteers.first_names(), gazetteers.clusters(), mentions.country_aliases()
    features.own_features("warm")
    print(f"load: model + gazetteers + clusters {time.perf_counter() - t0:.3f}s wall, "
          f"{time.process_time() - c0:.3f}s CPU")

    for label in ("tagging, cold caches", "tagging, warm caches"):
        t, c = time.perf_counter(), time.process_time()
        for d in docs:
            m.tag_many(d)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        print(f"{label}: {n_tokens} tokens in {dt:.2f}s = {n_tokens / dt:,.0f} tokens/s wall, "
              f"{n_tokens / dc:,.0f} tokens/s CPU")

    from newsparse.model import Document
    from newsparse.stages.entities import EntitiesParams, EntitiesStage

    stage = EntitiesStage(EntitiesParams(model_genre="web" if args.web else "auto"))
    texts = ["\n".join(" ".join(s) for s in d) for d in docs]
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        stage.process(Document(input="bench", text=text))
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(f"whole stage (tokenise, tag, type, merge): {n_tokens / dt:,.0f} tokens/s wall, "
          f"{n_tokens / dc:,.0f} tokens/s CPU over {len(texts)} documents")


if __name__ == "__main__":
    main()
