"""Build debrief/coach/data/names.txt, the coach's list of common given names.

Source: "Popular Names by Country Dataset" by Andy Boothe (sigpwned),
https://github.com/sigpwned/popular-names-by-country-dataset, file
common-forenames-by-country.csv at commit eb62e13d4d62dd96cdfae79d293a02066352205f,
itself drawn from Wikipedia's "List of most popular given names" (July 2023).
Licence: CC0 1.0 Universal (public domain dedication).

Second source, with --faker: the given names of every locale of Faker
(https://github.com/joke2k/faker, installed with `pip install faker`), MIT licence,
Copyright (c) 2012 Daniele Faraglia. Only names of three letters or more are taken
from it, and with --words FILE (a word list such as /usr/share/dict/words) none that
is also an English word written in lower case ("Will", "Page", "Chase").

Usage: python scripts/build_coach_names.py common-forenames-by-country.csv
           [--faker] [--words /usr/share/dict/words]
Each name is kept as written (native script) and, where it differs, without accents
(Søren → Soren). Names that are also everyday English words are left out, because
the coach would take "Grace", "Mark" or "Said" for a person in ordinary prose.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "debrief" / "coach" / "data" / "names.txt"
ENGLISH_WORDS = {
    "An", "Ao", "Angel", "Atlas", "Daisy", "Grace", "Ivy", "Jack", "Jade", "June", "Mark",
    "Marks", "Max", "May", "Rose", "Said", "Saga", "Lur", "Nil", "Hur", "Lan", "Wan", "Robin",
    "Roman", "Lily", "Hope", "Faith", "Joy", "Will", "Bill", "Art", "Ion", "Sem", "Gogo",
    "Mio", "Rin", "Pau", "Iben", "Lio", "Monte", "Fanta", "Sama", "Doha", "Zion", "Ivalu",
    "Nur", "Lile", "Aria", "Ria", "Uri", "Izz", "Teo", "Lia", "Kai", "Koa", "Ella", "Ana",
    "Ida", "Ema", "Eman", "Mina", "Nada", "Dion", "Pol", "Else", "Summer", "Sky", "Lux",
}  # fmt: skip
NAME = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)?")


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")


def names_from(path: Path) -> set[str]:
    names: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            for column in ("Localized Name", "Romanized Name"):
                for part in re.split(r"[\s/]+", row[column].strip()):
                    if NAME.fullmatch(part) and part[0].isupper() and part not in ENGLISH_WORDS:
                        names.add(part)
                        folded = fold(part)
                        if folded != part and NAME.fullmatch(folded):
                            names.add(folded)
    return names


def faker_names(words: set[str]) -> set[str]:
    """Given names from every Faker locale that are not English words or coach words."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    from debrief.coach import load_rules

    vocabulary = load_rules().vocabulary
    known = {w.lower() for w in [*vocabulary.systems, *vocabulary.people, *vocabulary.skip]}
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            found = provider.__dict__.get(attribute)
            if not isinstance(found, (dict, list, tuple)):
                continue
            for name in found:
                if (
                    len(name) >= 3
                    and NAME.fullmatch(name)
                    and name[0].isupper()
                    and name not in ENGLISH_WORDS
                    and name.lower() not in words
                    and name.lower() not in known
                ):
                    names.add(name)
                    folded = fold(name)
                    if folded != name and NAME.fullmatch(folded) and folded.lower() not in words:
                        names.add(folded)
    return names


def faker_licence() -> list[str]:
    """Faker's licence text, as its MIT licence asks to be kept with the names."""
    from importlib.metadata import files

    for path in files("faker") or []:
        if path.name.startswith("LICENSE"):
            return ["", "Faker's licence:", *path.read_text(encoding="utf-8").splitlines()]
    raise SystemExit("Faker's licence file was not found; install Faker from a wheel.")


def main() -> None:
    args = sys.argv[1:]
    words: set[str] = set()
    if "--words" in args:
        at = args.index("--words")
        text = Path(args[at + 1]).read_text(encoding="utf-8", errors="replace")
        words = {w for w in text.split() if w.islower()}
        del args[at : at + 2]
    found = names_from(Path(args[0]))
    if "--faker" in args:
        found |= faker_names(words)
    names = sorted(found)
    notice = faker_licence() if "--faker" in args else []
    header = [line for line in (__doc__ or "").splitlines()[2:13]]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        "".join(f"# {line}".rstrip() + "\n" for line in header)
        + "".join(f"# {line}".rstrip() + "\n" for line in notice)
        + "# Generated by scripts/build_coach_names.py; one name a line.\n"
        + "".join(f"{name}\n" for name in names),
        encoding="utf-8",
    )
    print(f"{len(names)} names written to {OUT}")


if __name__ == "__main__":
    main()
