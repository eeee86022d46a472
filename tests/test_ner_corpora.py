"""Corpus readers: IOB1 -> IOB2, documents, @user spans of tweets, leading 'the' in re3d."""
from __future__ import annotations

from pathlib import Path

from newsparse.ner.corpora import read_any, spans, to_iob2


def test_iob1_becomes_iob2() -> None:
    assert to_iob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-MISC"]


def test_unknown_labels_are_outside_and_oth_is_misc() -> None:
    assert to_iob2(["B-Temporal", "I-Temporal", "B-OTH", "B-Nationality"]) == ["O", "O", "B-MISC", "B-MISC"]


def test_spans() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-ORG", "B-ORG", "I-LOC"]) == [(0, 2, "PER"), (3, 4, "ORG"), (4, 5, "ORG"),
                                                                        (5, 6, "LOC")]


def test_conll_documents(tmp_path: Path) -> None:
    path = tmp_path / "eng.sample"
    path.write_text("Anna NNP I-NP I-PER\nKarlsson NNP I-NP I-PER\nsmiled VBD I-VP O\n\n"
                    "-DOCSTART- -X- -X- O\n\nOslo NNP I-NP I-LOC\n. . O O\n", encoding="utf-8")
    docs = list(read_any(path))
    assert len(docs) == 2
    assert docs[0] == [(["Anna", "Karlsson", "smiled"], ["B-PER", "I-PER", "O"])]
    assert docs[1] == [(["Oslo", "."], ["B-LOC", "O"])]


def test_iob2_documents(tmp_path: Path) -> None:
    path = tmp_path / "sample.iob2"
    path.write_text("# newdoc id = a\n# sent_id = a-1\n# text = Ravi went\n1\tRavi\tB-PER\t-\t-\n2\twent\tO\t-\t-\n\n"
                    "# newdoc id = b\n# sent_id = b-1\n1\tLima\tB-LOC\t-\t-\n\n", encoding="utf-8")
    docs = list(read_any(path))
    assert [d[0][0] for d in docs] == [["Ravi", "went"], ["Lima"]]


def test_btc_drops_username_spans(tmp_path: Path) -> None:
    folder = tmp_path / "btc"
    folder.mkdir()
    path = folder / "z.conll"
    path.write_text("@jo_bloggs\tB-PER\nloves\tO\nLeeds\tB-LOC\n\n", encoding="utf-8")
    (doc,) = list(read_any(path))
    assert doc[0][1] == ["O", "O", "B-LOC"]


def test_re3d_folder_drops_leading_the(tmp_path: Path) -> None:
    (tmp_path / "Source").mkdir()
    (tmp_path / "Source" / "x.conll").write_text("the\tB-Organisation\nCoalition\tI-Organisation\nmet\tO\n\n",
                                                 encoding="utf-8")
    (doc,) = list(read_any(tmp_path))
    assert doc[0][1] == ["O", "B-ORG", "O"]


def _conllu_row(i: int, form: str, upos: str, head: int, entity: str = "") -> str:
    misc = f"Entity={entity}" if entity else "_"
    return "\t".join([str(i), form, form, upos, "_", "_", str(head), "dep", "_", misc])


def test_gum_names_come_from_proper_noun_heads(tmp_path: Path) -> None:
    """GUM's entity layer: a mention is a name when its head is a PROPN; outer mentions win,
    titles are cut from people, common-noun mentions ('the mill') are not names."""
    (tmp_path / "dep").mkdir()
    rows = [
        _conllu_row(1, "Dr.", "PROPN", 3, "(1-person-new-x-x-1-sgl"),
        _conllu_row(2, "Mira", "PROPN", 3),
        _conllu_row(3, "Talvik", "PROPN", 4, "1)"),
        _conllu_row(4, "joined", "VERB", 0),
        _conllu_row(5, "Bank", "PROPN", 4, "(2-organization-new-x-x-1-sgl"),
        _conllu_row(6, "of", "ADP", 7),
        _conllu_row(7, "Orvala", "PROPN", 5, "(3-place-new-x-x-1-sgl)2)"),
        _conllu_row(8, "near", "ADP", 10),
        _conllu_row(9, "the", "DET", 10, "(4-place-new-x-x-1-sgl"),
        _conllu_row(10, "mill", "NOUN", 4, "4)"),
    ]
    (tmp_path / "dep" / "GUM_news_sample.conllu").write_text(
        "# newdoc id = GUM_news_sample\n# text = made up\n" + "\n".join(rows) + "\n\n", encoding="utf-8")
    (doc,) = list(read_any(tmp_path))
    assert doc == [(["Dr.", "Mira", "Talvik", "joined", "Bank", "of", "Orvala", "near", "the", "mill"],
                    ["O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"])]
