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
