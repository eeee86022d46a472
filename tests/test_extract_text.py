"""Saved-text pages: title, header line, captions, headings, footer; the seed article's gold."""
from __future__ import annotations

import yaml

from newsparse.model import Document
from newsparse.stages.clean import CleanStage
from newsparse.stages.extract import ExtractStage

PAGE = """Harbour reopens after two years of repairs
  ·  2031-04-02  ·   Source: Example News Agency
Photo taken on April 1 shows a ferry at the harbour in Example City. (EXAMPLE/Jane Roe)

The harbour reopened on Monday after repairs that lasted two years, the city council said in a statement.

"We are proud of the people who rebuilt it," the mayor said at the ceremony on the quay.

What comes next

Officials said the ferry timetable will return to normal by the summer, with extra sailings at weekends.

Paranoia pure and simple.

World
Sport
About Us
Contact Us
Copyright Example Review All rights reserved
Copy to clipboard
"""


def run(raw: str) -> Document:
    doc = Document(input="t", raw=raw, content_type="text")
    return CleanStage().process(ExtractStage().process(doc))


def test_header_title_date_source_publisher():
    doc = run(PAGE)
    md = doc.metadata
    assert md.title == "Harbour reopens after two years of repairs"
    assert md.date == "2031-04-02"
    assert md.source == "Example News Agency"
    assert md.publisher == "Example Review"


def test_caption_heading_footer():
    doc = run(PAGE)
    assert doc.captions and doc.captions[0].startswith("Photo taken on April 1")
    assert "Photo taken" not in doc.text
    headings = [doc.text[p.start:p.end] for p in doc.paragraphs if p.kind == "heading"]
    assert headings == ["What comes next"]
    for junk in ("About Us", "Contact Us", "Copyright", "Copy to clipboard", "Sport"):
        assert junk not in doc.text
    assert doc.text.rstrip().endswith("Paranoia pure and simple.")
    assert any(r.reason == "copyright line" for r in doc.removed)


import pytest  # noqa: E402


@pytest.mark.parametrize("header, date, source, authors", [
    ("Source: Example Wire | 2031-04-02 10:17:46 | Editor: jdoe", "2031-04-02", "Example Wire", []),
    ("By ROE Jane | Example Daily | Updated: 2031-04-02 07:29", "2031-04-02", "Example Daily", ["Roe Jane"]),
    ("Example Times Published: Apr 02, 2031 11:21 PM", "2031-04-02", "Example Times", []),
    ("By Jane Roe and John Doe\nPublished on April 2, 2031 | Updated April 3, 2031", "2031-04-02", None,
     ["Jane Roe", "John Doe"]),
    ("2 April 2031", "2031-04-02", None, []),
])
def test_header_line_variants(header, date, source, authors):
    doc = run(f"Harbour reopens after two years of repairs\n{header}\n\n"
              "The harbour reopened on Monday after repairs that lasted two years, the council said.\n\n"
              "[Photo/Example Agency]\n\nFerries will run again by the summer.\n")
    md = doc.metadata
    assert (md.date, md.source, md.authors) == (date, source, authors)
    assert doc.text.startswith("The harbour reopened")
    assert "Photo/" not in doc.text and "Ferries will run again" in doc.text


def test_a_body_sentence_is_never_taken_for_a_header():
    from newsparse.extraction.textpage import header_fields

    for line in ("Source said the talks had failed on April 2, 2031.", "Date of the vote remains unclear",
                 "The talks will go on | said Jane Roe", "From our correspondent in Oslo"):
        assert header_fields(line) is None, line


def test_plain_text_without_header_keeps_everything():
    raw = "The council met on Tuesday.\n\nIt voted to fund the bridge, officials said.\n"
    doc = run(raw)
    assert "The council met on Tuesday." in doc.text
    assert "It voted to fund the bridge" in doc.text
    assert doc.metadata.date is None


def test_seed_against_its_gold(seed_path):
    gold = yaml.safe_load(seed_path.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    doc = run(seed_path.read_text(encoding="utf-8"))
    md = gold["metadata"]
    assert doc.metadata.title == md["title"]
    assert doc.metadata.date == md["date"]
    assert doc.metadata.source == md["source"]
    for line in gold["boilerplate"]:
        assert " ".join(line.split()) not in doc.text, line
    assert any(c.startswith(md["caption_starts"]) for c in doc.captions)
    assert md["caption_starts"] not in doc.text
    headings = [doc.text[p.start:p.end] for p in doc.paragraphs if p.kind == "heading"]
    assert headings == md["headings"]


def test_captions_credited_to_an_agency_leave_the_body():
    doc = run("Ferries return\n  ·  2031-04-02  ·   Source: Example Review\n\n"
              "A ferry is seen at the port of Example City on March 30. (EXAMPLE)\n\n"
              "The harbour reopened on Monday, the council said, with help from the World Health Organization (WHO).\n\n"
              "Crews repaint the quay on Sunday. (AP Photo/Jane Roe)\n\nFerries will run again by the summer.\n")
    assert len(doc.captions) == 2 and doc.captions[0].startswith("A ferry is seen")
    assert "(WHO)" in doc.text and "Crews repaint" not in doc.text
