"""The actor dictionaries: countries, demonyms, metonyms, organisations, sector nouns, office holders.

Everything here is loaded from the CSV files in ``detente/data/actors``; this module only indexes them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from detente.data_files import csv_files, read_csv
from detente.errors import KnowledgeError

EntryKind = Literal["country", "demonym", "people", "metonym", "org", "group", "sector", "person"]

ROLE_SECTOR = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "GOV",
    "secretary_general": "IGO",  # heads of international organisations' secretariats
}
ROLE_TITLES = {
    "head_of_state": ("president", "king", "queen", "emir", "monarch", "leader", "head of state"),
    "head_of_government": ("prime minister", "premier", "chancellor", "pm", "head of government"),
    "foreign_minister": ("foreign minister", "foreign secretary", "secretary of state", "top diplomat"),
    "defence_minister": ("defence minister", "defense minister", "defence secretary", "defense secretary"),
    "secretary_general": ("secretary-general", "secretary general", "director-general", "director general"),
}


@dataclass(frozen=True)
class Entry:
    """One dictionary sense of a surface form."""

    kind: EntryKind
    key: str  # country code, organisation code, sector code or person id
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Term:
    """One tenure of an office holder."""

    person_id: str
    name: str
    country: str
    role: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Whether the person held this office on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Lexicon:
    """Surface form (lower case) -> senses, plus office-holder terms by person."""

    senses: dict[str, list[Entry]] = field(default_factory=dict)
    surfaces: set[str] = field(default_factory=set)
    terms: dict[str, list[Term]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)

    def add(self, surface: str, entry: Entry) -> None:
        """Index ``entry`` under ``surface`` (normalised), once."""
        key = normalise(surface)
        if not key:
            return
        bucket = self.senses.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.surfaces.add(" ".join(surface.split()).removeprefix("the ").removeprefix("The "))

    def lookup(self, surface: str) -> list[Entry]:
        """All senses of a surface form (case-insensitive, leading 'the' and possessive stripped)."""
        return self.senses.get(normalise(surface), [])

    def code_for(self, value: str) -> str | None:
        """The country or organisation code a user means by ``value`` ("RUS", "Russia", "EU", "Baku")."""
        upper = value.strip().upper()
        if upper in self.country_names or any(e.kind == "org" and e.key == upper for e in self.lookup(upper)):
            return upper
        for entry in self.lookup(value):
            if entry.kind in ("country", "metonym", "org", "demonym", "people"):
                return entry.key
        return None

    def terms_of(self, person_id: str) -> list[Term]:
        """The tenures of a person, in date order."""
        return self.terms.get(person_id, [])


_THE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")


def normalise(surface: str) -> str:
    """Lower-case form used as dictionary key: no leading 'the', no possessive, single spaces."""
    text = " ".join(surface.split())
    text = _THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.lower().strip(" .,;:")


def split_list(cell: str) -> list[str]:
    """A semicolon-separated CSV cell as a list of stripped, non-empty strings."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def parse_partial_date(text: str, *, end: bool) -> dt.date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a partial end date means the last day of the period."""
    text = text.strip()
    if not text:
        return None
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if not end:
                return dt.date(year, month, 1)
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        pass
    raise ValueError(f"bad date {text!r}")


def person_id(country: str, name: str) -> str:
    """Stable entity id of an office holder."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"person:{country}:{slug}"


def load_lexicon() -> Lexicon:
    """Build the lexicon from the packaged CSV files."""
    lex = Lexicon()
    _load_countries(lex)
    _load_organisations(lex)
    _load_groups(lex)
    _load_sectors(lex)
    _load_office_holders(lex)
    return lex


def _load_countries(lex: Lexicon) -> None:
    for row in read_csv("actors", "countries.csv"):
        code, name = row["iso3"], row["name"]
        lex.country_names[code] = name
        if row.get("capital"):
            lex.capitals[normalise(row["capital"])] = code
        for surface in [name, *split_list(row.get("aliases", ""))]:
            lex.add(surface, Entry("country", code, name, country=code, sector="GOV"))
        for surface in split_list(row.get("demonyms", "")):
            # "Azerbaijanis", "Russians": a plural demonym names people (civilians) of the country.
            kind: EntryKind = "people" if surface.endswith("s") and not surface.endswith("ss") else "demonym"
            if surface.endswith("ese") or surface in ("British", "French", "Dutch", "Swiss", "Irish"):
                kind = "demonym"
            lex.add(surface, Entry(kind, code, name, country=code, sector=None))
        for surface in split_list(row.get("metonyms", "")):
            lex.add(surface, Entry("metonym", code, name, country=code, sector="GOV"))
        if row.get("capital"):
            lex.add(row["capital"], Entry("metonym", code, name, country=code, sector="GOV"))


def _load_organisations(lex: Lexicon) -> None:
    for row in read_csv("actors", "organisations.csv"):
        code, name = row["code"], row["name"]
        entry = Entry("org", code, name, country=code, sector=row.get("sector") or "IGO")
        for surface in [name, code, *split_list(row.get("aliases", ""))]:
            lex.add(surface, entry)


def _load_groups(lex: Lexicon) -> None:
    for row in read_csv("actors", "groups.csv"):
        slug = re.sub(r"[^a-z0-9]+", "-", row["name"].lower()).strip("-")
        entry = Entry(
            "group", f"group:{slug}", row["name"], country=row["country"] or None, sector=row["sector"]
        )
        for surface in [row["name"], *split_list(row.get("aliases", ""))]:
            lex.add(surface, entry)


def _load_sectors(lex: Lexicon) -> None:
    for row in read_csv("actors", "sectors.csv"):
        note = row.get("note", "")
        match = re.search(r"country=([A-Z]{3})", note)
        country = match.group(1) if match else None
        sector = row["sector"]
        lex.add(row["term"], Entry("sector", sector, row["term"], country=country, sector=sector))


def _load_office_holders(lex: Lexicon) -> None:
    problems: list[str] = []
    for parts in csv_files("actors", "office_holders"):
        for line, row in enumerate(read_csv(*parts), start=2):
            try:
                start = parse_partial_date(row["start"], end=False)
                end = parse_partial_date(row.get("end", ""), end=True)
            except (ValueError, KeyError) as exc:
                problems.append(f"{'/'.join(parts)}:{line}: {exc}")
                continue
            if start is None or row.get("role") not in ROLE_SECTOR:
                problems.append(f"{'/'.join(parts)}:{line}: missing start or unknown role")
                continue
            pid = person_id(row["country"], row["name"])
            term = Term(pid, row["name"], row["country"], row["role"], start, end)
            tenures = lex.terms.setdefault(pid, [])
            if term not in tenures:
                tenures.append(term)
                tenures.sort(key=lambda t: t.start)
            entry = Entry("person", pid, row["name"], country=row["country"], sector=ROLE_SECTOR[row["role"]])
            for surface in [row["name"], *split_list(row.get("aliases", ""))]:
                lex.add(surface, entry)
    if problems:
        raise KnowledgeError("office-holder table has bad rows:\n" + "\n".join(problems))
