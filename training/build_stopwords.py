"""Build newsparse/data/stopwords.tsv: the most frequent words of each language, from wordfreq.

The language detector (newsparse/language.py) scores text by how many of its words are
among each language's most frequent words. Reproducible: ``python training/build_stopwords.py``
(needs the ``train`` extra: wordfreq). The output is a few kB and ships in the package.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

# Languages written in scripts shared with others; single-script languages (Greek, Hebrew,
# Thai, Korean, Japanese, Chinese, Hindi...) are recognised by their script alone.
LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu",
             "tr", "id", "ca", "hr", "ru", "uk", "bg", "ar", "fa", "ur"]
TOP_N = 120
OUT = Path(__file__).resolve().parent.parent / "newsparse" / "data" / "stopwords.tsv"
LETTERS = re.compile(r"^[^\W\d_]+$")


def main() -> int:
    from wordfreq import top_n_list

    lines = ["# language<TAB>its most frequent words (wordfreq top %d, letters only); built by %s" % (TOP_N, Path(__file__).name)]
    for lang in LANGUAGES:
        words = [w for w in top_n_list(lang, TOP_N * 2) if LETTERS.match(w)][:TOP_N]
        lines.append(f"{lang}\t{' '.join(words)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(LANGUAGES)} languages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
