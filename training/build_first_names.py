"""Build newsparse/data/first_names.tsv (first name -> gender) from the gender-guesser package.

Reproducible: `pip install ".[train]" && python training/build_first_names.py`.
The file is small (a name and one of m/f/u a line) and ships in the wheel, so the
quote and entity stages can tell a first name and a pronoun's likely referent
without any run-time dependency or download.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newsparse" / "data" / "first_names.tsv"


def main() -> None:
    import gender_guesser.detector as gd

    detector = gd.Detector(case_sensitive=False)
    names: dict[str, str] = {}
    for name, by_country in detector.names.items():
        if not name.isalpha() or len(name) < 2:
            continue
        ascii_ok = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if ascii_ok.lower() != name.lower():
            continue
        g = detector.get_gender(name)
        code = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g, "u")
        names[name.lower()] = code
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# first name<TAB>gender (m/f/u) - built by training/build_first_names.py from gender-guesser\n")
        for name in sorted(names):
            fh.write(f"{name}\t{names[name]}\n")
    print(f"wrote {len(names)} names to {OUT}")


if __name__ == "__main__":
    main()
