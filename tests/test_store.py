"""The DuckDB store: adding coded documents (idempotent, conflicts reported), filters, exports, round trip."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.core import CodedDocument, code_documents
from detente.models import Actor, Article, Event, Place, Sentence, text_hash
from detente.store import EventFilter, Store, export_events
from detente.store.records import date_bounds

# Three short reports written for these tests: Russia–Azerbaijan events in both directions, on
# different dates, plus an Armenia–Azerbaijan agreement.
TEXTS = {
    "raids": (
        "Russian police arrested six Azerbaijani nationals in Yekaterinburg on 9 October. "
        "Azerbaijan summoned the Russian ambassador on 10 October."
    ),
    "sputnik": "Azerbaijani police raided the Sputnik office in Baku on Monday. Moscow condemned the raid.",
    "treaty": "Armenia and Azerbaijan agreed on the text of a peace treaty in March.",
}
PUBLISHED = {"raids": dt.date(2025, 11, 21), "sputnik": dt.date(2025, 7, 2), "treaty": dt.date(2025, 8, 9)}


@pytest.fixture(scope="module")
def coded(pipeline) -> list[CodedDocument]:
    articles = [
        Article(
            text=text,
            doc_id=key,
            published=PUBLISHED[key],
            title=f"Report {key}",
            source="Test Wire",
            url=f"https://example.org/{key}",
        )
        for key, text in TEXTS.items()
    ]
    return list(code_documents(articles, pipeline))


@pytest.fixture
def filled(store: Store, coded: list[CodedDocument]) -> Store:
    stats = store.add(coded)
    assert stats.articles_added == 3 and stats.conflicts == []
    return store


def dumps(events) -> dict[str, dict]:
    return {e.event_id: e.model_dump() for e in events}


def test_coded_fixture_has_events_in_both_directions(coded):
    pairs = {(e.source.country, e.target.country if e.target else None) for c in coded for e in c.events}
    assert ("RUS", "AZE") in pairs and ("AZE", "RUS") in pairs and ("ARM", "AZE") in pairs


def test_add_counts_rows(store, coded):
    stats = store.add(coded)
    n_events = sum(len({e.event_id for e in c.events}) for c in coded)
    assert (stats.articles_added, stats.events_added, stats.duplicates) == (3, n_events, 0)
    counts = store.counts()
    assert counts["articles"] == 3
    assert counts["sentences"] == sum(len(c.sentences) for c in coded) == 5
    assert counts["events"] == n_events
    assert counts["actors"] >= 4


def test_events_read_back_equal_what_was_coded(filled, coded):
    assert dumps(filled.events()) == dumps(e for c in coded for e in c.events)


def test_reading_after_counting_works(filled):
    # regression: counts() used fetchone(), leaving a DuckDB result open so that the next query failed
    filled.counts()
    assert len(list(filled.events())) == filled.counts()["events"]
    assert filled.event_rows().num_rows == filled.counts()["events"]


def test_re_adding_adds_nothing(filled, coded):
    before = filled.counts()
    stats = filled.add(coded)
    assert (stats.articles_added, stats.events_added, stats.duplicates) == (0, 0, 3)
    assert filled.counts() == before


def test_duplicates_inside_one_batch_are_stored_once(store, coded):
    stats = store.add([coded[0], coded[0], coded[1]])
    assert (stats.articles_added, stats.duplicates) == (2, 1)
    assert store.counts()["articles"] == 2


def test_same_text_under_another_id_is_stored_once(filled, coded):
    before = filled.counts()
    copy = CodedDocument(
        coded[0].article.model_copy(update={"doc_id": "syndicated-copy"}), coded[0].sentences, coded[0].events
    )
    stats = filled.add([copy])
    assert (stats.articles_added, stats.duplicates, stats.conflicts) == (0, 1, [])
    assert filled.counts() == before
    ids = {r[0] for r in filled.con.execute("SELECT doc_id FROM articles").fetchall()}
    assert ids == set(TEXTS)


def test_same_id_with_another_text_is_a_conflict_and_loses_nothing(filled, coded, pipeline):
    before = filled.counts()
    events_before = dumps(filled.events())
    other = Article(
        text="Georgia expelled two Russian diplomats on Monday.",
        doc_id="raids",
        published=dt.date(2025, 11, 21),
        origin="late.jsonl:7",
    )
    (clash,) = code_documents([other], pipeline)
    assert clash.events, "the clashing article has events of its own that must not be stored"
    fresh = Article(text="Kazakhstan thanked Russia for the assistance.", doc_id="fresh")
    (new,) = code_documents([fresh], pipeline)
    stats = filled.add([clash, new])
    assert len(stats.conflicts) == 1
    assert "late.jsonl:7" in stats.conflicts[0] and "'raids'" in stats.conflicts[0]
    assert stats.articles_added == 1  # the good article of the same batch is still stored
    assert filled.counts()["articles"] == before["articles"] + 1
    stored = filled.con.execute("SELECT text FROM articles WHERE doc_id = 'raids'").fetchall()
    assert stored == [(TEXTS["raids"],)]
    after = dumps(filled.events())
    assert {k: v for k, v in after.items() if k in events_before} == events_before
    assert not {e.event_id for e in clash.events} & set(after)
    assert {e.event_id for e in new.events} <= set(after)


def test_an_interrupted_write_leaves_no_half_written_article(filled, coded, monkeypatch):
    """A failure while the events of a batch are written rolls the whole batch back."""
    before = filled.counts()
    article = Article(text="Georgia recalled its ambassador to Belarus on Friday.", doc_id="recall",
                      published=dt.date(2025, 3, 7))
    extra = CodedDocument(article, [Sentence(index=0, start=0, end=len(article.text), text=article.text)],
                          coded[0].events[:1])
    original = Store._insert

    def failing(self, table, rows, **kwargs):
        if table == "events":
            raise KeyboardInterrupt("interrupted while writing events")
        return original(self, table, rows, **kwargs)

    monkeypatch.setattr(Store, "_insert", failing)
    with pytest.raises(KeyboardInterrupt):
        filled.add([extra])
    monkeypatch.setattr(Store, "_insert", original)
    assert filled.counts() == before
    assert filled.known([article]) == set()


def test_known_finds_stored_texts(filled, coded):
    unknown = Article(text="Nothing of the sort happened.")
    assert filled.known([coded[0].article, unknown]) == {text_hash(TEXTS["raids"])}
    assert filled.known([]) == set()


def test_dyad_filter_is_undirected(filled):
    forward = dumps(filled.events(EventFilter(dyad=("RUS", "AZE"))))
    backward = dumps(filled.events(EventFilter(dyad=("AZE", "RUS"))))
    assert forward == backward
    directions = {(e["source"]["country"], e["target"]["country"]) for e in forward.values()}
    assert directions == {("RUS", "AZE"), ("AZE", "RUS")}
    everything = list(filled.events())
    expected = {
        e.event_id
        for e in everything
        if e.target is not None and {e.source.country, e.target.country} == {"AZE", "RUS"}
    }
    assert set(forward) == expected
    assert not list(filled.events(EventFilter(dyad=("RUS", "ARM"))))


def test_since_until_and_type_filters(filled):
    everything = list(filled.events())
    since = dt.date(2025, 10, 1)
    recent = list(filled.events(EventFilter(since=since)))
    assert recent
    assert {e.event_id for e in recent} == {
        e.event_id
        for e in everything
        if e.date and date_bounds(e.date)[1] >= since  # type: ignore[operator]
    }
    assert all(e.date and e.date >= "2025-10" for e in recent)
    until = list(filled.events(EventFilter(until=dt.date(2025, 7, 31))))
    assert until and all(e.date and e.date <= "2025-07-31" for e in until)
    coerce = list(filled.events(EventFilter(event_type="COERCE")))
    assert coerce and all(e.event_type == "COERCE" for e in coerce)
    assert len(coerce) == sum(e.event_type == "COERCE" for e in everything)
    assert len(list(filled.events(EventFilter(limit=2)))) == 2


def test_events_come_in_date_order(filled):
    starts = [date_bounds(e.date)[0] for e in filled.events()]
    dated = [s for s in starts if s is not None]
    assert dated == sorted(dated)


def test_jsonl_export_validates(filled, tmp_path, validate):
    path = tmp_path / "events.jsonl"
    written = export_events(filled, "jsonl", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert written == len(lines) == filled.counts()["events"]
    for line in lines:
        validate(json.loads(line))
    stream = io.StringIO()
    assert export_events(filled, "jsonl", stream, EventFilter(event_type="AGREE")) >= 1
    assert all(json.loads(line)["event_type"] == "AGREE" for line in stream.getvalue().splitlines())


def test_csv_export_is_readable(filled, tmp_path):
    path = tmp_path / "events.csv"
    written = export_events(filled, "csv", path)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert written == len(rows) == filled.counts()["events"]
    assert {"event_id", "event_type", "source_country", "target_country", "date", "sources"} <= set(rows[0])
    by_id = {r["event_id"]: r for r in rows}
    for event in filled.events():
        assert by_id[event.event_id]["event_type"] == event.event_type
        assert by_id[event.event_id]["sources"] == ";".join(event.sources)


def test_parquet_export_reads_back_with_pyarrow_and_duckdb(filled, tmp_path):
    path = tmp_path / "events.parquet"
    written = export_events(filled, "parquet", path)
    table = pq.read_table(path)
    assert written == table.num_rows == filled.counts()["events"]
    assert set(table.column("event_id").to_pylist()) == {e.event_id for e in filled.events()}
    count = duckdb.sql(f"select count(*) from '{path}'").fetchall()[0][0]
    assert count == written


def test_exports_of_an_empty_store(store, tmp_path):
    assert export_events(store, "parquet", tmp_path / "empty.parquet") == 0
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0
    assert export_events(store, "csv", tmp_path / "empty.csv") == 0
    assert export_events(store, "jsonl", tmp_path / "empty.jsonl") == 0
    assert (tmp_path / "empty.jsonl").read_text() == ""


def test_csv_and_parquet_need_a_path(filled):
    with pytest.raises(ValueError, match="-o FILE"):
        export_events(filled, "csv", io.StringIO())
    with pytest.raises(ValueError, match="unknown format"):
        export_events(filled, "xlsx", Path("unused.xlsx"))


def test_file_database_persists(tmp_path, coded):
    path = tmp_path / "nested" / "detente.duckdb"
    with Store(path) as db:
        db.add(coded)
        counts = db.counts()
    assert path.exists()
    with Store(path, read_only=True) as db:
        assert db.counts() == counts
        assert dumps(db.events()) == dumps(e for c in coded for e in c.events)


def test_date_bounds():
    assert date_bounds("2025-10-09") == (dt.date(2025, 10, 9), dt.date(2025, 10, 9))
    assert date_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_bounds("2025") == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert date_bounds("2025-05-01/2025-07") == (dt.date(2025, 5, 1), dt.date(2025, 7, 31))
    assert date_bounds(None) == (None, None)


# ---------------------------------------------------------------------------------------------------
# Property: whatever goes in comes back out
# ---------------------------------------------------------------------------------------------------

PRINTABLE = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
UNICODE = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=40)
SAMPLES = st.sampled_from(["Ünïcödé — «ok»", "Баку", "阿利耶夫", "🇦🇿 ✓", "a\nb\tc", 'O\'Brien "quoted"'])
TEXT = st.one_of(PRINTABLE, UNICODE, SAMPLES)
NONEMPTY = st.one_of(PRINTABLE, UNICODE).filter(bool)


def optional(strategy):
    return st.none() | strategy


def iso_dates():
    days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
    return st.one_of(
        days.map(lambda d: (d.isoformat(), "day")),
        days.map(lambda d: (f"{d.year:04d}-{d.month:02d}", "month")),
        days.map(lambda d: (f"{d.year:04d}", "year")),
        st.tuples(days, days).map(lambda p: (f"{min(p).isoformat()}/{max(p).isoformat()}", "range")),
    )


ACTORS = st.builds(
    Actor,
    text=TEXT,
    name=optional(TEXT),
    country=optional(st.sampled_from(["RUS", "AZE", "EU", "UN"]) | TEXT),
    sector=optional(st.sampled_from(["GOV", "COP", "MED", "CVL"]) | TEXT),
    entity_id=optional(TEXT),
)
PLACES = st.builds(
    Place,
    text=TEXT,
    name=optional(TEXT),
    country=optional(TEXT),
    lat=optional(st.floats(-90, 90, allow_nan=False)),
    lon=optional(st.floats(-180, 180, allow_nan=False)),
)


@st.composite
def events_of(draw, doc_id: str) -> Event:
    date = draw(optional(iso_dates()))
    start = draw(st.integers(0, 100_000))
    return Event(
        event_id=draw(NONEMPTY),
        doc_id=doc_id,
        sentence_index=draw(st.integers(0, 10_000)),
        sentence=draw(TEXT),
        span=(start, start + draw(st.integers(0, 50))),
        trigger=draw(TEXT),
        event_type=draw(st.sampled_from(["AGREE", "COERCE", "ASSAULT", "CONSULT", "SANCTION"])),
        mode=draw(optional(TEXT)),
        quad_class=draw(
            st.sampled_from(
                ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
            )
        ),
        intensity=draw(st.floats(-10, 10, allow_nan=False)),
        source=draw(ACTORS),
        target=draw(optional(ACTORS)),
        date=date[0] if date else None,
        date_precision=date[1] if date else None,
        date_text=draw(optional(TEXT)),
        place=draw(optional(PLACES)),
        negated=draw(st.booleans()),
        modality=draw(
            st.sampled_from(
                ["asserted", "claimed", "alleged", "planned", "promised", "requested", "hypothetical"]
            )
        ),
        claimant=draw(optional(ACTORS)),
        confidence=draw(st.floats(0, 1, allow_nan=False)),
        sources=draw(st.lists(TEXT, max_size=3)),
        code_version=draw(TEXT),
    )


@st.composite
def coded_documents(draw) -> CodedDocument:
    text = draw(TEXT)
    article = Article(
        text=text,
        doc_id=draw(st.just("") | NONEMPTY),
        title=draw(optional(TEXT)),
        published=draw(optional(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))),
        source=draw(optional(TEXT)),
        url=draw(optional(TEXT)),
        language=draw(optional(st.sampled_from(["en", "ru"]))),
    )
    events = draw(st.lists(events_of(article.doc_id), max_size=3, unique_by=lambda e: e.event_id))
    sentences = [Sentence(index=0, start=0, end=len(text), text=text)]
    return CodedDocument(article, sentences, events)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coded_documents())
def test_round_trip_through_the_store(document: CodedDocument):
    with Store(":memory:") as db:
        stats = db.add([document])
        assert stats.articles_added == 1 and stats.events_added == len(document.events)
        assert dumps(db.events()) == dumps(document.events)
        article = document.article
        rows = db.con.execute(
            "SELECT doc_id, text_hash, title, published, source, url, language, text FROM articles"
        ).fetchall()
        assert rows == [
            (
                article.doc_id,
                text_hash(article.text),
                article.title,
                article.published,
                article.source,
                article.url,
                article.language,
                article.text,
            )
        ]
        assert db.con.execute("SELECT text FROM sentences").fetchall() == [(article.text,)]
        assert db.add([document]).duplicates == 1
        assert db.counts()["articles"] == 1
