"""The bad-input matrix: every broken file or text is one clear stderr line and the documented
exit code, and in a batch every other input still gets its record."""
from __future__ import annotations

import gzip
import json
import os
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsparse
from newsparse.cli.app import app
from newsparse.errors import NewsparseError
from newsparse.inputs.expand import expand_inputs
from newsparse.pipeline import Pipeline
from newsparse.runner import run_items
from tests.conftest import NEWSPARSE, REPO, cli_env
from tests.invariants import offset_problems

GOOD = (
    "Harbour bridge reopens\n\n"
    "The old harbour bridge reopened on Monday after eight months of repairs to its deck.\n\n"
    "\u201cWe finished two weeks early,\u201d said Maria Okafor, the city's chief engineer.\n"
)
ENV = {"XDG_CONFIG_HOME": str(REPO / "tests" / "no-such-config-home"), "NEWSPARSE_CONFIG": ""}


def cli(*args: str):
    """Run the CLI in-process (fast); stdout and stderr separate."""
    return CliRunner().invoke(app, ["analyze", *args], env=ENV)


def error_line(stderr: str) -> str:
    """Exactly one stderr line, an error, and no traceback."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    assert lines[0].startswith("newsparse: error: "), lines
    return lines[0]


def warning_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr and "error:" not in stderr, stderr
    return [ln for ln in stderr.splitlines() if ln.strip()]


def check_offsets(rec: dict) -> None:
    """Every span in range and slicing to its text."""
    problems = offset_problems(rec)
    assert not problems, problems


def ok_record(result) -> dict:  # noqa: ANN001
    assert result.exit_code == 0, (result.stdout, result.stderr)
    rec = json.loads(result.stdout)
    assert "error" not in rec
    check_offsets(rec)
    return rec


# ---------------------------------------------------------------- binary payloads, made here


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00" * 1
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


# ---------------------------------------------------------------- files: refused with one line, exit 3


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty input (nothing to analyze)"),
        ("blank.txt", b"  \n\n\t \r\n  ", "input is only whitespace (nothing to analyze)"),
        ("photo.html", None, "looks like a PNG image, not an article"),
        ("paper.txt", None, "looks like a PDF document, not an article"),
        ("archive.txt", None, "looks like a PNG image, not an article"),  # gzip is opened, then sniffed
        ("noise.txt", bytes(range(256)) * 8, "looks like a binary file, not an article"),
    ],
)
def test_unusable_file_is_one_line_exit_3(tmp_path, name, content, message):
    if content is None:
        content = {"photo.html": png_bytes(), "paper.txt": pdf_bytes(),
                   "archive.txt": gzip.compress(png_bytes())}[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = cli(str(path), "-f", "json")
    assert result.exit_code == 3
    line = error_line(result.stderr)
    assert line == f"newsparse: error: {path}: {message} (HTML or text)" or line == f"newsparse: error: {path}: {message}"
    rec = json.loads(result.stdout)
    assert rec["error"]["type"] == "input_error" and rec["input"] == str(path)


def test_gzipped_article_is_read_and_bad_gzip_is_one_line(tmp_path):
    page = tmp_path / "story.html.gz"
    page.write_bytes(gzip.compress(f"<html><body><p>{GOOD}</p></body></html>".encode()))
    result = cli(str(page), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["text"].strip()
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    result = cli(str(folder), "-f", "jsonl")
    assert result.exit_code == 0 and json.loads(result.stdout)["input"].endswith("a.txt.gz")
    for name, data, message in [
        ("cut.html.gz", gzip.compress(GOOD.encode())[:-12], "truncated gzip data"),
        ("bad.html.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 40, "corrupt gzip data"),
        ("bomb.html.gz", gzip.compress(b"a" * 3_000_000), "too large after decompression (limit 1,000,000 bytes"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        result = cli(str(path), "-f", "json", "--max-bytes", "1000000")
        assert result.exit_code == 3, (name, result.stderr)
        assert error_line(result.stderr).startswith(f"newsparse: error: {path}: {message}"), result.stderr


def test_missing_file(tmp_path):
    result = cli(str(tmp_path / "nope.txt"), "-f", "json")
    assert result.exit_code == 3
    assert error_line(result.stderr).endswith("nope.txt: no such file")


def test_url_without_scheme_gets_a_hint():
    result = cli("www.example.com/news/story", "-f", "json")
    assert result.exit_code == 3
    assert error_line(result.stderr) == (
        "newsparse: error: www.example.com/news/story: no such file (for a URL, start it with http:// or https://)")


# ---------------------------------------------------------------- encodings: decoded, not refused

SENTENCE = "The caf\u00e9 owner Ren\u00e9e Dubois said the \u201cna\u00efve\u201d plan would fail \u2014 twice."


@pytest.mark.parametrize(
    "label, payload, expected",
    [
        ("utf-8", SENTENCE.encode("utf-8"), SENTENCE),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE),
        ("cp1252", SENTENCE.encode("cp1252"), SENTENCE),
        ("latin-1", "The caf\u00e9 owner Ren\u00e9e said the ma\u00eetre was late.".encode("latin-1"),
         "The caf\u00e9 owner Ren\u00e9e said the ma\u00eetre was late."),
        ("utf-16 with BOM", SENTENCE.encode("utf-16"), SENTENCE),
        ("utf-16-le without BOM", SENTENCE.encode("utf-16-le"), SENTENCE),
        ("utf-16-be without BOM", SENTENCE.encode("utf-16-be"), SENTENCE),
        ("mixed utf-8 and cp1252", "The caf\u00e9 opened. ".encode() + SENTENCE.encode("cp1252"),
         "The caf\u00e9 opened. " + SENTENCE),
    ],
)
def test_encodings_are_detected(tmp_path, label, payload, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(payload)
    result = cli(str(path), "-f", "json")
    rec = ok_record(result)
    assert rec["text"] == expected, label
    if label.startswith("mixed"):
        assert "invalid bytes were read as cp1252" in result.stderr


def test_invalid_utf8_never_fails(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"The mayor said the plan \xc3 was \xff\xfe fine and the council agreed with her today.")
    rec = ok_record(cli(str(path), "-f", "json"))
    assert rec["text"].startswith("The mayor said the plan")


def test_cyrillic_legacy_encoding(tmp_path):
    text = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u044d\u043a\u043e\u043d\u043e\u043c\u0438\u043a\u0430 \u0440\u0430\u0441\u0442\u0451\u0442."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    rec = json.loads(cli(str(path), "-f", "json").stdout)
    assert rec["text"] == text


# ---------------------------------------------------------------- size limits


def test_large_text_file_refused_by_max_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(("All work and no play makes the reporter a dull writer. " * 40 + "\n\n") * 200)
    size = path.stat().st_size
    result = cli(str(path), "--max-bytes", "100000", "-f", "json")
    assert result.exit_code == 3
    assert error_line(result.stderr) == (
        f"newsparse: error: {path}: file too large ({size:,} bytes; limit 100,000, see --max-bytes)"
    )


def test_large_html_refused_by_extract_max_chars(tmp_path):
    path = tmp_path / "big.html"
    path.write_text("<html><body>" + "<p>The council met again today to discuss the budget.</p>\n" * 5000 + "</body></html>")
    result = cli(str(path), "--set", "extract.max_chars=100000", "-f", "json")
    assert result.exit_code == 3
    line = error_line(result.stderr)
    assert "input too large" in line and "limit 100,000" in line and "extract.max_chars" in line


def test_moderately_large_inputs_are_processed(tmp_path):
    # distinct paragraphs (extractors drop exact duplicates), ~150 kB in all
    paras = [" ".join(f"On day {i} the council met for hour {j} to discuss item {i * j} of the budget."
                      for j in range(8)) for i in range(300)]
    text_path = tmp_path / "big.txt"
    text_path.write_text("Budget talks\n\n" + "\n\n".join(paras))
    html_path = tmp_path / "big.html"
    html_path.write_text("<html><body><article>" + "".join(f"<p>{p}</p>\n" for p in paras) + "</article></body></html>")
    result = cli(str(text_path), str(html_path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(recs) == 2
    for rec in recs:
        check_offsets(rec)
        assert len(rec["text"]) > 100_000


def test_stdin_over_max_bytes(tmp_path):
    result = CliRunner().invoke(app, ["analyze", "-", "--max-bytes", "1000", "-f", "json"], input=GOOD * 100, env=ENV)
    assert result.exit_code == 3
    assert error_line(result.stderr) == "newsparse: error: -: standard input too large (limit 1,000 bytes, see --max-bytes)"


# ---------------------------------------------------------------- hostile HTML


def test_html_nested_ten_thousand_levels_keeps_its_text(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 10_000
                    + "<p>The deepest paragraph says the river rose two metres overnight.</p>"
                    + "</div>" * 10_000 + "</body></html>")
    result = cli(str(path), "-f", "json")
    rec = ok_record(result)
    assert "river rose two metres" in rec["text"]
    assert "HTML nested 10,003 levels deep (limit 200)" in result.stderr
    assert any("nested" in w for w in rec["warnings"])


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Only a head</title></head></html>",
        "<html><head><script>var x = 1;</script></head><body><script>document.write('<p>hi</p>')</script>"
        "<noscript></noscript><style>p { color: red }</style></body></html>",
        "<!doctype html><html><body></body></html>",
    ],
    ids=["no-body", "only-scripts", "empty-body"],
)
def test_html_without_article_text_is_a_warning_and_a_record(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html)
    result = cli(str(path), "-f", "json")
    rec = ok_record(result)
    assert rec["text"] == "" and rec["quotes"] == [] and rec["entities"] == []
    lines = warning_lines(result.stderr)
    assert lines == [f"newsparse: warning: {path}: no article text found in the HTML page"]


def test_html_with_nul_bytes_and_control_characters(tmp_path):
    path = tmp_path / "nul.html"
    path.write_text("<html><body><p>The mayor\x00 said \x0bthe plan\x1f was fine for everyone in the town.</p></body></html>")
    rec = ok_record(cli(str(path), "-f", "json"))
    assert "\x00" not in rec["text"]


# ---------------------------------------------------------------- folders


def test_unreadable_directory_in_a_folder(tmp_path):
    root = tmp_path / "corpus"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD)
    (root / "locked" / "b.txt").write_text(GOOD)
    (root / "z.txt").write_text(GOOD)
    os.chmod(root / "locked", 0)
    try:
        if os.access(root / "locked", os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        result = cli(str(root), "-f", "jsonl")
        recs = [json.loads(line) for line in result.stdout.splitlines()]
        assert result.exit_code == 1
        errors = [r for r in recs if "error" in r]
        assert len(errors) == 1 and "cannot read folder" in errors[0]["error"]["message"]
        assert sum("error" not in r for r in recs) == 2
    finally:
        os.chmod(root / "locked", 0o755)


def test_symlink_loops_in_a_folder(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD)
    (root / "sub" / "c.txt").write_text(GOOD)
    os.symlink("..", root / "sub" / "up")  # a directory loop: never followed
    os.symlink("loop2.txt", root / "loop1.txt")  # a file loop: an error record each
    os.symlink("loop1.txt", root / "loop2.txt")
    result = cli(str(root), "-f", "jsonl")
    recs = [json.loads(line) for line in result.stdout.splitlines()]  # completion order
    by_name = {Path(r["input"]).name: r for r in recs}
    assert set(by_name) == {"a.txt", "c.txt", "loop1.txt", "loop2.txt"}
    assert "error" not in by_name["a.txt"] and "error" not in by_name["c.txt"]
    for name in ("loop1.txt", "loop2.txt"):
        assert "Too many levels of symbolic links" in by_name[name]["error"]["message"]
    assert result.exit_code == 1
    assert len([ln for ln in result.stderr.splitlines() if "error:" in ln]) == 2


def test_file_disappearing_mid_batch(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (root / name).write_text(GOOD)
    pipeline = Pipeline.from_config(None, use_user_config=False)
    results = []
    for result in run_items(expand_inputs([str(root)], max_bytes=10**6), pipeline):
        results.append(result)
        if len(results) == 1:
            (root / "b.txt").unlink()  # gone after the batch was listed, before it was read
    assert [Path(r.input).name for r in results] == ["a.txt", "b.txt", "c.txt"]
    assert [r.ok for r in results] == [True, False, True]
    assert str(results[1].error).endswith("b.txt: no such file")


def test_empty_folder_is_exit_3(tmp_path):
    (tmp_path / "notes.md").write_text("not an article extension")
    result = cli(str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 3
    assert "no inputs found" in error_line(result.stderr)


def test_batch_of_everything_bad_keeps_every_good_record(tmp_path):
    files = {
        "01-good.txt": GOOD.encode(),
        "02-empty.txt": b"",
        "03-png.html": png_bytes(),
        "04-good.html": f"<html><body><article><p>{GOOD}</p></article></body></html>".encode(),
        "05-cp1252.txt": SENTENCE.encode("cp1252"),
        "06-pdf.txt": pdf_bytes(),
        "07-blank.txt": b"\n\n   \n",
        "08-good.txt": GOOD.encode("utf-16"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = cli(str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 1
    recs = sorted((json.loads(line) for line in result.stdout.splitlines()), key=lambda r: r["index"])
    assert [Path(r["input"]).name for r in recs] == sorted(files)
    assert [r["index"] for r in recs] == list(range(len(files)))
    failed = {Path(r["input"]).name for r in recs if "error" in r}
    assert failed == {"02-empty.txt", "03-png.html", "06-pdf.txt", "07-blank.txt"}
    for r in recs:
        if "error" not in r:
            check_offsets(r)
            assert r["text"]
    assert len([ln for ln in result.stderr.splitlines() if ln.startswith("newsparse: error:")]) == 4


# ---------------------------------------------------------------- hard text: analyzed, offsets valid

HARD_TEXTS = {
    "no-sentences": "\u2014 \u2014 \u2014\n\n12 34 56 78\n\n... ,,, ;;;",
    "one-100kB-sentence": "The committee " + "and the committee " * 5800 + "agreed",
    "thousands-of-quotes": '"' * 3000 + " said Anna Berg " + "\u201c" * 2000 + "\u201d" * 1000 + "'" * 1000,
    "unbalanced-quotes": "\n\n".join(
        f'"He said \u201cno more, said Tom Reed. \u201d" \u201c\u201cI {i} \u00ab told \u201d them" \u201e' for i in range(300)
    ),
    "never-closes": "The minister said: \u201cWe will not move on this, not this year, " + "and not next year " * 300,
    "rtl": "\u05e8\u05d0\u05e9 \u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u05d0\u05de\u05e8 \u201c\u05e9\u05dc\u05d5\u05dd\u201d. "
    "\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 \u00ab\u0633\u0646\u0646\u062a\u0635\u0631\u00bb \u0627\u0644\u064a\u0648\u0645. "
    "Mixed \u202eRTL override\u202c text, said Dana Cohen.",
    "emoji": "\U0001F680 The launch \U0001F44D\U0001F3FD went well, said Priya Nair \U0001F1EE\U0001F1F3. "
    "\u201cWe are thrilled \U0001F389\U0001F389,\u201d she said. \U0001F468\u200d\U0001F469\u200d\U0001F467",
    "combining": "Cafe\u0301 owner Zo\u0308e said \u201cthe cre\u0300me bru\u0302le\u0301e sold out\u201d yesterday afternoon.",
    "surrogate-like": "The sign read \ufffd\ufffd and \uffff then \U0010ffff, said Ian Moss.",
}


@pytest.mark.parametrize("name", sorted(HARD_TEXTS))
def test_hard_text_is_analyzed_with_valid_offsets(name):
    analysis = newsparse.analyze(name, text=HARD_TEXTS[name])
    rec = analysis.to_dict()
    check_offsets(rec)
    json.dumps(rec, ensure_ascii=False)


@pytest.mark.parametrize("name", ["thousands-of-quotes", "rtl", "emoji"])
def test_hard_text_through_every_renderer(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_text(HARD_TEXTS[name], encoding="utf-8")
    for fmt in ("json", "table", "csv"):
        result = cli(str(path), "-f", fmt)
        assert result.exit_code == 0, (fmt, result.stderr)


def test_user_error_prints_no_traceback_and_no_locals(tmp_path):
    """A real process: one line, no 'Traceback', no local-variable dump."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = subprocess.run([*NEWSPARSE, "analyze", str(path)], capture_output=True, text=True, env=cli_env(), timeout=60)
    assert proc.returncode == 3
    assert proc.stderr == f"newsparse: error: {path}: empty input (nothing to analyze)\n"
    for leak in ("Traceback", "locals", "self =", "max_bytes ="):
        assert leak not in proc.stderr


def test_library_raises_typed_errors_only(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(png_bytes())
    with pytest.raises(NewsparseError):
        newsparse.analyze(str(path))
    with pytest.raises(NewsparseError):
        newsparse.analyze(str(tmp_path / "missing.txt"))
    with pytest.raises(NewsparseError):
        newsparse.analyze("file:///etc/passwd")
