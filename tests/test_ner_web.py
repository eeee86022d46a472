"""The web-text model and its lower-case features; the stage's choice of model per document."""
from __future__ import annotations

from newsparse.model import Document
from newsparse.ner import features as ft
from newsparse.ner.model import MODEL_PATH, WEB_MODEL_PATH, model
from newsparse.stages.entities import GENRE_KEY, EntitiesParams, EntitiesStage, choose_model

REVIEW = ("ok so i finally tried the new noodle bar near my office lol. honestly it's the best ramen i've had "
          "since moving here!! the owner marta even gave us free dumplings :) you guys should def go, "
          "i'm going back next week for sure. can't wait")
NEWS = ("The regional council approved the new bridge on Tuesday, officials said. Council leader Marta "
        "Okonkwo told reporters that construction would begin in March and cost about 40 million euros. "
        "The opposition said the plan was rushed.")


def test_a_document_written_without_capitals_is_marked() -> None:
    """Web text that skips capitals writes names in lower case too: the document context says
    so, and lower-case words there get a feature (their capitalisation elsewhere)."""
    lower = [["went", "to", "vietnam", "last", "year"], ["it", "was", "great"]]
    cased = [["We", "went", "to", "Hanoi"], ["It", "was", "great"]]
    assert ft.LOWER_DOC in ft.doc_context(lower)
    assert ft.LOWER_DOC not in ft.doc_context(cased)
    feats = ft.sentence_features(lower[0], ft.doc_context(lower))
    assert any(f.startswith("lcdoc=") for f in feats[2])
    assert not any(f.startswith("lcdoc=") for f in ft.sentence_features(cased[0], ft.doc_context(cased))[1])


def test_lower_case_place_names_keep_their_gazetteer_class() -> None:
    own = ft.own_features("vietnam")
    assert "lg=country" in own and "g=country" not in own
    assert "g=country" in ft.own_features("Vietnam")


def test_news_model_has_no_web_features_and_web_model_has_them() -> None:
    """The web features are computed for both models; the news model was trained without them,
    so they add nothing to its scores (its output is that of the model as trained)."""
    news, web = model(MODEL_PATH), model(WEB_MODEL_PATH)
    assert news is not web
    assert not any(a.startswith(ft.WEB_FEATURES) for a in news.attrs)
    assert any(a.startswith("lcdoc=") for a in web.attrs)
    assert any(a.startswith("lg=") for a in web.attrs)
    assert set(web.labels) == set(news.labels)


def test_web_model_tags_places_written_in_lower_case() -> None:
    words = "my sister lives in france now and i want to visit her in paris next summer".split()
    tags = model(WEB_MODEL_PATH).tag_many([words])[0]
    assert tags[words.index("france")] == "B-LOC"
    assert tags[words.index("paris")] == "B-LOC"


def test_choose_model_follows_the_parameter() -> None:
    assert choose_model(NEWS, model_genre="web") == (str(WEB_MODEL_PATH), "web")
    assert choose_model(REVIEW, model_genre="news") == ("", "news")
    assert choose_model(REVIEW, model="/x/other.npz") == ("/x/other.npz", "custom")
    assert choose_model(NEWS)[1] == "news"
    assert choose_model(REVIEW)[1] == "web"


def run(text: str, **params) -> Document:
    return EntitiesStage(EntitiesParams(**params))(Document(input="t", text=text))


def test_stage_reports_the_model_it_used() -> None:
    assert run(NEWS).extra[GENRE_KEY] == "news"
    assert run(REVIEW).extra[GENRE_KEY] == "web"
    assert run(REVIEW, model_genre="news").extra[GENRE_KEY] == "news"
    assert run(NEWS, model_genre="web").extra[GENRE_KEY] == "web"
    assert run(NEWS, model=str(MODEL_PATH)).extra[GENRE_KEY] == "custom"


def test_the_stage_tags_with_the_chosen_model(monkeypatch) -> None:
    import newsparse.ner.model as nm

    used: list = []
    real = nm.tag_sentences

    def spy(sentences, path=None):
        used.append(path)
        return real(sentences, path)

    monkeypatch.setattr(nm, "tag_sentences", spy)
    run(NEWS, model_genre="web")
    run(REVIEW, model_genre="news")
    run(REVIEW)
    assert used == [str(WEB_MODEL_PATH), None, str(WEB_MODEL_PATH)]


def test_averaging_two_models_uses_the_union_of_their_features(tmp_path) -> None:
    """training/train_ner_web.py: a feature one member lacks counts as weight 0 in that member."""
    import sys
    from pathlib import Path

    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
    from train_ner_web import average

    def save(path, attrs, weights, trans):
        np.savez_compressed(str(path), attrs=np.array("\n".join(attrs)), labels=np.array("O\nB-PER"),
                            weights=np.array(weights, dtype=np.float32),
                            transitions=np.array(trans, dtype=np.float32))

    save(tmp_path / "a.npz", ["w=x", "w=y"], [[1, 2], [3, 4]], [[0, 2], [2, 0]])
    save(tmp_path / "b.npz", ["w=y", "w=z"], [[5, 6], [7, 8]], [[0, 4], [4, 0]])
    average([tmp_path / "a.npz", tmp_path / "b.npz"], tmp_path / "avg.npz")
    with np.load(str(tmp_path / "avg.npz")) as d:
        assert str(d["attrs"]).split("\n") == ["w=x", "w=y", "w=z"]
        assert d["weights"].tolist() == [[0.5, 1], [4, 5], [3.5, 4]]
        assert d["transitions"].tolist() == [[0, 3], [3, 0]]
