"""Step 4 of coding: the date of an event, from spaCy DATE spans resolved against publication date.

Only DATE/TIME entity spans are parsed (never free text: a search over whole sentences finds false
dates in "may" and "March"). dateparser does the parsing; this module adds what it lacks: weekday
names anchored on the publication day, "last/this year" inside longer expressions, month qualifiers
("mid-October"), ranges ("between May and July") and the precision of each result.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Token

from detente.data_files import read_csv

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
DURATION = re.compile(
    r"\b(years?|months?|weeks?|days?|hours?|decades?|minutes?)\b(?! ago)(?! earlier)(?! later)"
)
DURATION_OK = re.compile(r"\b(last|this|next|previous|past|ago|earlier|later|before|after)\b")
QUALIFIERS = re.compile(
    r"^(?:the\s+)?(?:early|mid|late|middle of|end of|beginning of|start of"
    r"|first half of|second half of)[\s-]+",
    re.IGNORECASE,
)
RANGE = re.compile(r"^(?:between|from)\s+(.+?)\s+(?:and|to|until|till|through)\s+(.+)$", re.IGNORECASE)
AGE = re.compile(r"\b(old|aged|annual|daily|weekly|monthly|anniversary|years?-long)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedDate:
    """An ISO date (or ``start/end`` range), its precision and the words it came from."""

    date: str
    precision: str
    text: str


class DateResolver:
    """Resolves date expressions relative to a publication date (cached per expression and date)."""

    def __init__(self) -> None:
        self._parser = DateDataParser(
            languages=["en"],
            settings={"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
        )
        self.holidays = load_holidays()

    def is_holiday(self, text: str) -> bool:
        """Whether ``text`` names a fixed-date holiday ("New Year's Day", "Christmas Eve 2024"), which
        the model may tag as an EVENT rather than a DATE."""
        return _holiday_match(text, self.holidays) is not None

    def resolve(self, text: str, published: dt.date | None, *, future: bool = False) -> ResolvedDate | None:
        """Resolve ``text`` ("on 9 October", "in December 2024", "last year") or return None."""
        return self._cached(text.strip(), published, future)

    @lru_cache(maxsize=8192)  # noqa: B019 - one resolver per pipeline, bounded cache
    def _cached(self, text: str, published: dt.date | None, future: bool) -> ResolvedDate | None:
        cleaned = _clean(text, published)
        if not cleaned or AGE.search(cleaned):
            return None
        if DURATION.search(cleaned) and not DURATION_OK.search(cleaned):
            return None
        ranged = RANGE.match(cleaned)
        if ranged:
            start_text, end_text = _complete_range(ranged.group(1), ranged.group(2))
            first = self._single(start_text, published, future)
            second = self._single(end_text, published, future)
            if first and second:
                start = _period_start(first)
                end = _period_end(second)
                if start <= end:
                    return ResolvedDate(f"{start.isoformat()}/{end.isoformat()}", "range", text)
            return None
        single = self._single(cleaned, published, future)
        if single is None:
            return None
        day, precision = single
        if precision == "week":
            monday = day - dt.timedelta(days=day.weekday())
            sunday = monday + dt.timedelta(days=6)
            return ResolvedDate(f"{monday.isoformat()}/{sunday.isoformat()}", "range", text)
        return ResolvedDate(_format(day, precision), precision, text)

    def _single(self, text: str, published: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
        text = text.strip().lower()
        weekday = _weekday(text, published, future)
        if weekday is not None:
            return weekday, "day"
        holiday = _holiday(text, self.holidays, published, future)
        if holiday is not None:
            return holiday, "day"
        if published is not None and text in ("earlier this month", "this month", "late this month"):
            return published, "month"
        qualified = QUALIFIERS.sub("", text)
        base = dt.datetime.combine(published, dt.time(12)) if published else dt.datetime.now()
        settings = {
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if future else "past",
        }
        parsed = self._parser.get_date_data(qualified, date_formats=None)
        if parsed is None or parsed.date_obj is None:
            return None
        if published is not None:
            # Re-parse with the publication date as the base (DateDataParser settings are per call).
            from dateparser import parse

            date_obj = parse(qualified, languages=["en"], settings=settings)
            if date_obj is None:
                return None
        else:
            date_obj = parsed.date_obj
        period = parsed.period or "day"
        precision = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}[period]
        if qualified != text and precision == "day" and not re.search(r"\d", qualified):
            precision = "month"
        if re.fullmatch(r"\d{4}", qualified):
            precision = "year"
            date_obj = date_obj.replace(month=1, day=1)
        return date_obj.date(), precision


def _clean(text: str, published: dt.date | None) -> str:
    text = re.sub(r"^(on|in|at|since|by|during|from early|as of)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^(shortly|just|soon)\s+(after|before)\s+\w+\s+(on\s+)?", "", text, flags=re.IGNORECASE)
    text = re.sub(
        r"^(the\s+)?(early|small|late|first)?\s*(hours|night|morning|evening|afternoon)\s+of\s+",
        "",
        text,
        flags=re.IGNORECASE,
    )  # "the early hours of Saturday", "the night of 3 March"
    text = re.sub(r"\s+(night|morning|evening|afternoon)$", "", text, flags=re.IGNORECASE)
    if published is not None:
        year = published.year
        text = re.sub(r"\blast year\b", str(year - 1), text, flags=re.IGNORECASE)
        text = re.sub(r"\bthis year\b", str(year), text, flags=re.IGNORECASE)
        text = re.sub(r"\bnext year\b", str(year + 1), text, flags=re.IGNORECASE)
    return text.strip(" ,.")


def load_holidays() -> dict[str, tuple[int, int]]:
    """Fixed-date holidays by lower-case name (``data/coding/holidays.csv``): name -> (month, day)."""
    table: dict[str, tuple[int, int]] = {}
    for row in read_csv("coding", "holidays.csv"):
        names = [row["name"], *[a for a in row["aliases"].split(";") if a.strip()]]
        for name in names:
            table[name.strip().lower().replace("’", "'")] = (int(row["month"]), int(row["day"]))
    return table


def _holiday_match(
    text: str, holidays: dict[str, tuple[int, int]]
) -> tuple[tuple[int, int], int | None] | None:
    """(month, day) and the year given with it, if ``text`` names a holiday ("Christmas Eve of 2024")."""
    words = re.sub(r"^(?:the\s+|on\s+|at\s+dawn\s+on\s+)+", "", text.strip().lower().replace("’", "'"))
    found = re.fullmatch(r"(.+?)(?:,?\s+(?:of\s+)?(\d{4}))?", words)
    if found is None or found.group(1) not in holidays:
        return None
    return holidays[found.group(1)], int(found.group(2)) if found.group(2) else None


def _holiday(
    text: str, holidays: dict[str, tuple[int, int]], published: dt.date | None, future: bool
) -> dt.date | None:
    """The day a holiday's name refers to: its given year's, else the last one up to publication
    (the next one for a planned act)."""
    match = _holiday_match(text, holidays)
    if match is None:
        return None
    (month, day), year = match
    if year is not None:
        return dt.date(year, month, day)
    if published is None:
        return None
    this_year = dt.date(published.year, month, day)
    if future:
        return this_year if this_year >= published else dt.date(published.year + 1, month, day)
    return this_year if this_year <= published else dt.date(published.year - 1, month, day)


def _complete_range(start: str, end: str) -> tuple[str, str]:
    """Give the start of a range what it shares with the end: "3 to 5 March" → "3 March",
    "March to May 2024" → "March 2024"."""
    start, end = start.strip(), end.strip()
    end_words = end.split()
    month = next((w for w in end_words if w.lower() in MONTHS), None)
    year = next((w for w in end_words if re.fullmatch(r"\d{4}", w)), None)
    if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", start) and month:
        start = f"{start} {month}"
    if year and not re.search(r"\d{4}", start):
        start = f"{start} {year}"
    return start, end


def _weekday(text: str, published: dt.date | None, future: bool) -> dt.date | None:
    words = text.replace(",", " ").split()
    if published is None or not words:
        return None
    modifier = words[0] if len(words) == 2 else ""
    name = words[-1] if len(words) <= 2 else ""
    if name not in WEEKDAYS or modifier not in ("", "last", "this", "next", "on", "early", "late"):
        return None
    delta = (published.weekday() - WEEKDAYS[name]) % 7
    if future or modifier == "next":
        ahead = (WEEKDAYS[name] - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    if modifier == "last" and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def _format(day: dt.date, precision: str) -> str:
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "year":
        return f"{day.year:04d}"
    return day.isoformat()


def _period_start(single: tuple[dt.date, str]) -> dt.date:
    day, precision = single
    if precision == "week":
        return day - dt.timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def _period_end(single: tuple[dt.date, str]) -> dt.date:
    day, precision = single
    if precision == "week":
        return day + dt.timedelta(days=6 - day.weekday())
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day.replace(month=12, day=31)
    return day


NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "the": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "few": 3,
}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}


@dataclass(frozen=True)
class Anchor:
    """A date given relative to another event: "the day before the summit", "two days after the raid"."""

    noun: Token  # the event the date hangs on ("summit")
    days: int  # signed offset from that event's date
    text: str


def find_anchor(verb: Token) -> Anchor | None:
    """An anchored date phrase attached to ``verb`` (or to the verb's time adverbial)."""
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in UNIT_DAYS:
            # "the day before the summit": day -> before -> summit
            for prep in child.children:
                anchor = _anchor_from(prep, child)
                if anchor is not None:
                    return anchor
        if child.dep_ == "prep":
            # "two days after the raid": after -> days (npadvmod) and after -> raid
            units = [g for g in child.children if g.dep_ == "npadvmod" and g.lemma_.lower() in UNIT_DAYS]
            if units:
                anchor = _anchor_from(child, units[0])
                if anchor is not None:
                    return anchor
    return None


def _anchor_from(prep: Token, unit: Token) -> Anchor | None:
    direction = {"before": -1, "after": 1}.get(prep.lower_)
    nouns = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    if direction is None or not nouns:
        return None
    count = 1
    for modifier in unit.children:
        if modifier.dep_ in ("nummod", "det", "amod"):
            word = modifier.lower_
            count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, count)
    days = direction * count * UNIT_DAYS[unit.lemma_.lower()]
    tokens = sorted([*unit.subtree, *prep.subtree], key=lambda t: t.i)
    text = unit.doc[tokens[0].i : tokens[-1].i + 1].text
    return Anchor(nouns[0], days, text)
