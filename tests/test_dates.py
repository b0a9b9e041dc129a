"""DateResolver: date expressions resolved against the publication date, with their precision."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding.dates import DateResolver

FRIDAY = dt.date(2025, 11, 21)  # publication day of the cases below (a Friday)


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver()


def resolved(
    resolver: DateResolver, text: str, published: dt.date | None = FRIDAY, *, future: bool = False
) -> tuple[str, str] | None:
    result = resolver.resolve(text, published, future=future)
    return None if result is None else (result.date, result.precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday", "2025-11-17"),
        ("on Tuesday", "2025-11-18"),
        ("Thursday", "2025-11-20"),
        ("Friday", "2025-11-21"),  # the publication day itself
        ("Saturday", "2025-11-15"),  # the past Saturday, not tomorrow
        ("last Friday", "2025-11-14"),  # "last" on the same weekday goes back a week
        ("next Monday", "2025-11-24"),
        ("Sunday night", "2025-11-16"),
    ],
)
def test_weekday_relative_to_publication(resolver, text, expected):
    assert resolved(resolver, text) == (expected, "day")


def test_weekday_moves_with_the_publication_date(resolver):
    assert resolved(resolver, "Monday", dt.date(2025, 11, 26)) == ("2025-11-24", "day")  # a Wednesday
    assert resolved(resolver, "Monday", dt.date(2024, 3, 1)) == ("2024-02-26", "day")  # across February


def test_weekday_of_a_future_event_lies_ahead(resolver):
    assert resolved(resolver, "Monday", future=True) == ("2025-11-24", "day")
    assert resolved(resolver, "Friday", future=True) == ("2025-11-28", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 9 October", ("2025-10-09", "day")),
        ("October 9", ("2025-10-09", "day")),
        ("21 November 2025", ("2025-11-21", "day")),
        ("the night of 24 December", ("2024-12-24", "day")),  # past preference: last December
        ("yesterday", ("2025-11-20", "day")),
        ("in December 2024", ("2024-12", "month")),
        ("October", ("2025-10", "month")),
        ("in March", ("2025-03", "month")),
        ("mid-October", ("2025-10", "month")),
        ("last month", ("2025-10", "month")),
        ("earlier this month", ("2025-11", "month")),
        ("2024", ("2024", "year")),
        ("in 2023", ("2023", "year")),
        ("last year", ("2024", "year")),
        ("this year", ("2025", "year")),
        ("next year", ("2026", "year")),
    ],
)
def test_day_month_and_year_precision(resolver, text, expected):
    assert resolved(resolver, text) == expected


def test_future_events_prefer_dates_ahead(resolver):
    assert resolved(resolver, "in March", future=True) == ("2026-03", "month")
    assert resolved(resolver, "on 9 October", future=True) == ("2026-10-09", "day")
    # an explicit year is kept whatever the tense
    assert resolved(resolver, "in December 2024", future=True) == ("2024-12", "month")


def test_date_text_keeps_the_original_words(resolver):
    result = resolver.resolve("  on 9 October ", FRIDAY)
    assert result is not None and result.text == "on 9 October"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between May and July", "2025-05-01/2025-07-31"),
        ("next week", "2025-11-24/2025-11-30"),
        ("last week", "2025-11-10/2025-11-16"),
    ],
)
def test_ranges(resolver, text, expected):
    assert resolved(resolver, text) == (expected, "range")


def test_range_of_days_in_one_month(resolver):
    assert resolved(resolver, "from 3 to 5 March") == ("2025-03-03/2025-03-05", "range")


def test_range_with_the_year_only_at_the_end(resolver):
    assert resolved(resolver, "from March to May 2024") == ("2024-03-01/2024-05-31", "range")


@pytest.mark.parametrize(
    "text",
    [
        "three years",
        "two weeks",
        "five days",
        "48 hours",  # durations
        "40 years old",
        "aged 62",
        "the 30th anniversary",
        "annual",  # ages and recurrences
        "recently",
        "",
    ],
)
def test_durations_ages_and_non_dates_are_rejected(resolver, text):
    assert resolver.resolve(text, FRIDAY) is None


def test_relative_expressions_with_an_anchor_are_not_durations(resolver):
    assert resolved(resolver, "three years ago") == ("2022", "year")
    assert resolved(resolver, "two days ago") == ("2025-11-19", "day")


def test_absolute_date_needs_no_publication_date(resolver):
    assert resolved(resolver, "9 October 2024", None) == ("2024-10-09", "day")
    assert resolved(resolver, "December 2024", None) == ("2024-12", "month")


def test_weekday_without_publication_date_is_not_anchored_on_it(resolver):
    # with nothing to anchor on, a weekday can not resolve to a day of the (absent) publication week
    result = resolver.resolve("Monday", None)
    assert result is None or dt.date.fromisoformat(result.date).weekday() == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in the early hours of Thursday", "2025-11-20"),
        ("the small hours of Monday", "2025-11-17"),
        ("the night of 12 November", "2025-11-12"),
    ],
)
def test_parts_of_a_day_name_that_day(resolver, text, expected):
    assert resolved(resolver, text) == (expected, "day")


def test_a_day_beats_a_time_of_day(code):
    events = code("Azerbaijani forces shelled the village shortly after 5am on Tuesday.", published=FRIDAY)
    assert events and events[0].date == "2025-11-18"


def test_an_event_noun_takes_the_date_of_the_clause_it_happened_during(code):
    events = code(
        "Armenia and Georgia agreed on Tuesday to open a new border crossing during talks in Tbilisi.",
        published=FRIDAY,
    )
    talks = [e for e in events if e.event_type == "CONSULT"]
    assert talks and {e.date for e in talks} == {"2025-11-18"}
    brokered = code(
        "Sudanese and Chadian envoys sat down on Monday for Qatari-mediated talks.", published=FRIDAY
    )
    assert {e.date for e in brokered if e.event_type == "CONSULT"} == {"2025-11-17"}
    # an event "after" which the clause happened keeps no date from it
    after = code(
        "Baku recalled its ambassador on Wednesday after the arrest of two Azerbaijani journalists.",
        published=FRIDAY,
    )
    assert {e.date_text for e in after if e.event_type == "COERCE"} == {None}


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Christmas Day", False, "2024-12-25"),  # the last one before publication
        ("New Year's Eve 2023", False, "2023-12-31"),  # its own year
        ("Christmas Day", True, "2025-12-25"),  # a planned act: the next one
    ],
)
def test_fixed_date_holidays_resolve_to_their_day(resolver, text, future, expected):
    result = resolver.resolve(text, FRIDAY, future=future)
    assert result is not None and (result.date, result.precision) == (expected, "day")


def test_a_holiday_tagged_as_an_event_dates_the_act_but_not_when_it_names_a_thing(code):
    published = dt.date(2025, 1, 4)
    halted = code("Gazprom halted gas supplies to Moldova at dawn on New Year's Day.", published=published)
    assert {e.date for e in halted if e.event_type == "COERCE"} == {"2025-01-01"}
    parade = code(
        "Aliyev turned down an invitation to attend the Victory Day parade in Moscow.", published=published
    )
    assert {e.date_text for e in parade if e.event_type == "REJECT"} == {None}
