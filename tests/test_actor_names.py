"""Names that could be a country or a person: the country reading wins unless the text names a person."""

import datetime as dt

from detente.core import Pipeline

DAY = dt.date(2025, 6, 2)


def test_a_country_name_that_is_also_a_leaders_surname_is_the_country(pipeline: Pipeline) -> None:
    actor = pipeline.resolve("Montenegro", DAY)
    assert actor is not None and actor.country == "MNE"


def test_the_full_name_still_names_the_person(pipeline: Pipeline) -> None:
    actor = pipeline.resolve("Prime Minister Luís Montenegro", DAY)
    assert actor is not None and actor.country == "PRT"


def test_the_country_as_an_acting_subject(pipeline: Pipeline) -> None:
    actor = pipeline.resolve("Montenegro said on Monday that it would expel two diplomats.", DAY)
    assert actor is not None and actor.country == "MNE"
