"""Relations: track table, cross-document merge, dyad series, facade gap, timeline, ``dyad``/``report``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente import cli
from detente.core import CodedDocument, Pipeline, code_document
from detente.models import Actor, Article, Event, Place
from detente.relations.clusters import merge_store
from detente.relations.merge import (
    Mention,
    cluster_events,
    evaluate_pairs,
    read_pairs,
    same_event,
)
from detente.relations.series import dyad_series, dyad_view, facade_gap, timeline, turning_points
from detente.relations.tracks import load_tracks, track_of
from detente.store import Store

PAIRS = Path(__file__).parents[1] / "eval" / "merge" / "pairs.jsonl"

_TYPES = {
    "CONSULT": ("verbal_cooperation", 2.5),
    "SUPPORT": ("verbal_cooperation", 5.0),
    "AGREE": ("verbal_cooperation", 4.0),
    "COOPERATE": ("material_cooperation", 9.5),
    "ACCUSE": ("verbal_conflict", -2.0),
    "COERCE": ("material_conflict", -7.0),
    "SANCTION": ("material_conflict", -6.0),
    "ASSAULT": ("material_conflict", -9.0),
}


def make_event(
    event_id: str,
    doc_id: str,
    event_type: str,
    source: str,
    target: str,
    date: str,
    sentence: str,
    *,
    precision: str = "day",
    mode: str | None = None,
    place: str | None = None,
    negated: bool = False,
    modality: str = "asserted",
) -> Event:
    """A coded event built by hand (quad class and intensity from the PLOVER table's values)."""
    quad, intensity = _TYPES[event_type]
    return Event(
        event_id=event_id,
        doc_id=doc_id,
        sentence_index=0,
        sentence=sentence,
        span=(0, 5),
        trigger=sentence.split()[1],
        event_type=event_type,
        mode=mode,
        quad_class=quad,
        intensity=intensity,
        source=Actor(text=source, country=source, sector="GOV"),
        target=Actor(text=target, country=target, sector="CVL"),
        date=date,
        date_precision=precision,
        place=Place(text=place, name=place) if place else None,
        negated=negated,
        modality=modality,
        confidence=0.8,
    )


def put(store: Store, events: list[Event]) -> None:
    """Store events, one article per doc_id."""
    docs: dict[str, list[Event]] = {}
    for event in events:
        docs.setdefault(event.doc_id, []).append(event)
    store.add(CodedDocument(Article(text=f"text of {doc}", doc_id=doc), [], evs) for doc, evs in docs.items())


# -- track table ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "mode", "text", "track"),
    [
        ("COERCE", "arrest", "detained nine nationals", "legal_coercive"),
        ("COERCE", "deport", "deported workers", "legal_coercive"),
        ("SANCTION", "convict", "the court convicted", "legal_coercive"),
        ("RETREAT", "release", "released the journalists", "legal_coercive"),
        ("SANCTION", "discontinue", "suspended flights of Russian airlines", "economic"),
        ("SANCTION", "discontinue", "cancelled the cultural festival", "diplomatic"),
        ("COOPERATE", None, "Azerbaijan exports tomatoes to Russia", "economic"),
        ("COOPERATE", None, "joint military exercises began", "military"),
        ("ASSAULT", "aerial", "a missile hit the embassy", "military"),
        ("MOBILIZE", "troops", "troops were deployed", "military"),
        ("CONSULT", "visit", "the minister visited Baku", "diplomatic"),
        ("SANCTION", "expel", "expelled two diplomats", "diplomatic"),
        # "investigators" is no investment; an apology naming the crashed airline is no trade
        ("SANCTION", "discontinue", "cancelled cultural events amid a criminal investigation", "diplomatic"),
        ("CONCEDE", None, "Putin acknowledged missiles hit the Azerbaijan Airlines jet", "diplomatic"),
        ("CONCEDE", None, "Baku lifted restrictions on the transit of goods to Armenia", "economic"),
        ("CONSULT", None, "the two sides discussed ways to speed up customs procedures", "economic"),
        ("CONSULT", "multilateral", "a summit on trade and security", "diplomatic"),
        ("COOPERATE", None, "Russia agreed to help finance investment in the railway", "economic"),
    ],
)
def test_track_table(event_type: str, mode: str | None, text: str, track: str) -> None:
    assert track_of(event_type, mode, text) == track


def test_track_table_is_versioned_data() -> None:
    table = load_tracks()
    assert table.version and set(table.tracks) == {"diplomatic", "legal_coercive", "economic", "military"}


# -- merge ------------------------------------------------------------------------------------------


def test_merge_precision_recall_on_annotated_pairs() -> None:
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 60
    assert sum(p["same"] for p in pairs) >= 20 and sum(not p["same"] for p in pairs) >= 20
    scores = evaluate_pairs(pairs)
    assert scores.tp + scores.fp + scores.fn + scores.tn == len(pairs)
    assert scores.precision >= 0.9, scores
    assert scores.recall >= 0.9, scores


def test_merge_precision_recall_on_held_out_pairs() -> None:
    scores = evaluate_pairs(read_pairs(PAIRS.with_name("heldout.jsonl")))
    assert scores.pairs >= 16
    assert scores.precision >= 0.9 and scores.recall >= 0.9, scores


def test_two_detentions_a_week_apart_stay_two_events() -> None:
    first = make_event(
        "a1", "d1", "COERCE", "RUS", "AZE", "2025-06-27",
        "Russian police detained Azerbaijani men in Yekaterinburg on Friday.", mode="arrest",
        place="Yekaterinburg",
    )  # fmt: skip
    second = make_event(
        "a2", "d2", "COERCE", "RUS", "AZE", "2025-07-04",
        "Russian police detained Azerbaijani men in Yekaterinburg on Friday.", mode="arrest",
        place="Yekaterinburg",
    )  # fmt: skip
    clusters = cluster_events([first, second])
    assert clusters["a1"] != clusters["a2"]


def test_vague_mention_does_not_chain_two_events() -> None:
    day1 = make_event("b1", "d1", "COERCE", "RUS", "AZE", "2025-06-20", "Police detained Azerbaijani men.")
    day2 = make_event("b2", "d2", "COERCE", "RUS", "AZE", "2025-06-27", "Police detained Azerbaijani men.")
    month = make_event(
        "b3", "d3", "COERCE", "RUS", "AZE", "2025-06", "Police detained Azerbaijani men.", precision="month"
    )
    clusters = cluster_events([month, day2, day1])
    assert clusters["b1"] != clusters["b2"]
    assert clusters["b3"] in (clusters["b1"], clusters["b2"])


def test_same_event_from_three_articles_is_one_cluster_with_three_sources(store: Store) -> None:
    events = [
        make_event("c1", "wire", "ACCUSE", "AZE", "RUS", "2025-06-30",
                   "Azerbaijan summoned the Russian ambassador on Monday.", mode="disapprove"),
        make_event("c2", "paper", "ACCUSE", "AZE", "RUS", "2025-06-30",
                   "The Russian ambassador was summoned by Azerbaijan on Monday.", mode="disapprove"),
        make_event("c3", "blog", "ACCUSE", "AZE", "RUS", "2025-07-01",
                   "Baku summoned the Russian ambassador, the ministry said.", mode="disapprove"),
        make_event("c4", "blog", "COERCE", "AZE", "RUS", "2025-06-30",
                   "Police in Baku detained two Russian journalists on Monday.", mode="arrest"),
    ]  # fmt: skip
    put(store, events)
    stats = merge_store(store)
    assert (stats.mentions, stats.clusters) == (4, 2)
    rows = store.con.execute(
        "SELECT event_type, n_sources, sources, event_ids FROM merged_events ORDER BY event_type"
    ).fetchall()
    assert rows[0][0] == "ACCUSE" and rows[0][1] == 3
    assert sorted(rows[0][2]) == ["blog", "paper", "wire"]
    assert sorted(rows[0][3]) == ["c1", "c2", "c3"]
    # idempotent: the same clusters again, no duplicated rows
    assert merge_store(store) == stats
    assert store.con.execute("SELECT count(*) FROM event_clusters").fetchall()[0][0] == 4


def test_negated_and_asserted_are_not_merged() -> None:
    yes = make_event("n1", "d1", "SANCTION", "AZE", "RUS", "2025-11-14", "Azerbaijan imposed sanctions.")
    no = make_event(
        "n2", "d2", "SANCTION", "AZE", "RUS", "2025-11-14", "Azerbaijan imposed no sanctions.", negated=True
    )
    assert not same_event(Mention.from_event(yes), Mention.from_event(no))


# -- series, facade, turning points, timeline ---------------------------------------------------------


def _crisis_events() -> list[Event]:
    return [
        # October: an embrace (two mentions of one meeting, an apology) beside detentions
        make_event(
            "m1", "d1", "CONSULT", "RUS", "AZE", "2025-10-09", "Putin met Aliyev in Dushanbe on Thursday."
        ),
        make_event(
            "m2", "d2", "CONSULT", "AZE", "RUS", "2025-10-09", "Aliyev met Putin in Dushanbe on Thursday."
        ),
        make_event(
            "m3", "d1", "SUPPORT", "RUS", "AZE", "2025-10-09", "Putin apologised to Aliyev for the crash."
        ),
        make_event(
            "m4",
            "d3",
            "COERCE",
            "RUS",
            "AZE",
            "2025-10-14",
            "Police detained Azerbaijani traders in Moscow.",
            mode="arrest",
            place="Moscow",
        ),
        make_event(
            "m5",
            "d4",
            "COERCE",
            "RUS",
            "AZE",
            "2025-10-21",
            "Police detained Azerbaijani students in Kazan.",
            mode="arrest",
            place="Kazan",
        ),
        # September: trade only; August: detentions only
        make_event(
            "m6", "d5", "COOPERATE", "AZE", "RUS", "2025-09-03", "Azerbaijan exports tomatoes to Russia."
        ),
        make_event(
            "m7",
            "d6",
            "COERCE",
            "RUS",
            "AZE",
            "2025-08-12",
            "Police detained Azerbaijani men in Samara.",
            mode="arrest",
        ),
        # left out of the series: negated, planned
        make_event(
            "m8",
            "d7",
            "SANCTION",
            "AZE",
            "RUS",
            "2025-10-15",
            "Baku imposed no sanctions on Moscow.",
            negated=True,
        ),
        make_event(
            "m9",
            "d8",
            "AGREE",
            "RUS",
            "AZE",
            "2025-10-30",
            "They will sign a trade deal.",
            modality="planned",
        ),
    ]


def test_series_counts_each_merged_event_once(store: Store) -> None:
    put(store, _crisis_events())
    series = dyad_series(store, "RUS", "AZE", freq="month")
    october = next(p for p in series.points if p.period == dt.date(2025, 10, 1))
    assert october.total.count == 4  # the meeting once, the apology, two detentions
    assert october.track("legal_coercive").count == 2
    assert october.track("diplomatic").count == 2
    assert october.quad("material_conflict").intensity_sum == pytest.approx(-14.0)
    assert len(october.total.cluster_ids) == 4 and "m1" in october.total.cluster_ids
    assert [p.period.month for p in series.points] == [8, 9, 10]
    september = series.points[1]
    assert september.track("economic").count == 1
    # directed: only Russia's acts towards Azerbaijan
    directed = dyad_series(store, "AZE", "RUS", directed=True)
    assert sum(p.total.count for p in directed.points) == 1  # the tomato exports
    weekly = dyad_series(store, "RUS", "AZE", freq="week")
    assert sum(p.total.count for p in weekly.points) == 6


def test_facade_gap_flags_embrace_beside_detentions(store: Store) -> None:
    put(store, _crisis_events())
    series = dyad_series(store, "AZE", "RUS")
    flags = {f.period.month: f for f in facade_gap(series)}
    assert (
        flags[10].flagged and flags[10].words == pytest.approx(7.5) and flags[10].deeds == pytest.approx(14)
    )
    assert not flags[8].flagged and not flags[9].flagged


def test_turning_points_mark_sign_changes(store: Store) -> None:
    events = [
        make_event("t1", "d1", "COOPERATE", "AZE", "RUS", "2025-09-03", "Baku exports fruit to Moscow."),
        make_event(
            "t2", "d2", "SANCTION", "AZE", "RUS", "2025-10-02", "Baku suspended flights of Russian airlines.",
            mode="discontinue",
        ),
    ]  # fmt: skip
    put(store, events)
    turns = turning_points(dyad_series(store, "RUS", "AZE"))
    assert [(t.period, t.track, t.kind, t.before, t.after) for t in turns] == [
        (dt.date(2025, 10, 1), "economic", "sign", 9.5, -6.0)
    ]


def test_timeline_is_in_date_order_with_sources(store: Store) -> None:
    put(store, _crisis_events())
    events = timeline(store, "RUS", "AZE")
    assert [e.date for e in events] == sorted(e.date or "" for e in events)
    meeting = next(e for e in events if e.event_type == "CONSULT")
    assert meeting.n_sources == 2 and sorted(meeting.sources) == ["d1", "d2"]
    assert all(e.modality != "planned" for e in events)
    view = dyad_view(store, "RUS", "AZE")
    assert view.as_dict()["timeline"][0]["date"] == "2025-08-12"


def test_articles_coded_by_the_pipeline_merge_across_documents(pipeline: Pipeline, store: Store) -> None:
    published = dt.date(2025, 7, 1)
    texts = {
        "wire": "Azerbaijani police detained seven Russian citizens in Baku on 30 June.",
        "paper": "Seven Russian citizens were detained by Azerbaijani police in Baku on 30 June.",
        "radio": "On 30 June Azerbaijani police detained seven Russian citizens in Baku, officials said.",
        "other": "Azerbaijan and Russia signed a trade agreement in Moscow on 15 May.",
    }
    docs = []
    for doc_id, text in texts.items():
        article = Article(text=text, doc_id=doc_id, published=published)
        docs.append(CodedDocument(article, [], code_document(article, pipeline)))
    store.add(docs)
    merge_store(store)
    rows = store.con.execute(
        "SELECT event_type, n_sources, sources FROM merged_events WHERE event_type = 'COERCE'"
    ).fetchall()
    assert rows, "the coder found no detention"
    assert max(r[1] for r in rows) == 3, rows
    assert sorted(max(rows, key=lambda r: r[1])[2]) == ["paper", "radio", "wire"]


# -- command line ------------------------------------------------------------------------------------


@pytest.fixture
def dyad_db(tmp_path: Path) -> Path:
    """A database file holding the crisis events of the relations tests."""
    path = tmp_path / "rel.duckdb"
    with Store(path) as store:
        put(store, _crisis_events())
    return path


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI; return exit code, stdout, stderr."""
    result = CliRunner().invoke(cli.app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_dyad_table(dyad_db: Path) -> None:
    code, out, _ = run("dyad", "RUS", "AZE", "--db", str(dyad_db))
    assert code == 0
    assert "2025-10-01" in out and "Legal-coercive" in out and "!" in out


def test_dyad_json_by_name(dyad_db: Path) -> None:
    code, out, _ = run("dyad", "Russia", "Azerbaijan", "--db", str(dyad_db), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["dyad"] == ["RUS", "AZE"]
    october = next(p for p in data["series"] if p["period"] == "2025-10-01")
    assert october["events"] == 4 and october["legal_coercive_events"] == 2
    assert any(f["flagged"] for f in data["facade"])
    assert data["timeline"]


def test_dyad_csv_weekly_directed(dyad_db: Path) -> None:
    code, out, _ = run(
        "dyad", "RUS", "AZE", "--db", str(dyad_db), "--format", "csv", "--freq", "week", "--directed"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["period"] for r in rows)
    assert sum(int(r["events"]) for r in rows) == 5  # RUS -> AZE only: meeting, apology, three detentions


def test_dyad_errors(dyad_db: Path, tmp_path: Path) -> None:
    code, _, err = run("dyad", "Atlantis", "AZE", "--db", str(dyad_db))
    assert code == 2 and "Atlantis" in err
    code, _, err = run("dyad", "RUS", "AZE", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 1 and "no database" in err
    code, _, _ = run("dyad", "RUS", "AZE", "--db", str(dyad_db), "--freq", "year")
    assert code == 2


def test_dyad_plot_writes_png_svg_html(dyad_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "charts" / "rus_aze.png"
    code, _, _ = run("dyad", "RUS", "AZE", "--db", str(dyad_db), "--plot", str(target))
    assert code == 0
    for suffix in (".png", ".svg", ".html"):
        path = target.with_suffix(suffix)
        assert path.is_file() and path.stat().st_size > 0, path
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "vega" in target.with_suffix(".html").read_text(encoding="utf-8").lower()


def test_report_writes_html_with_timeline(dyad_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    code, _, _ = run("report", "RUS", "AZE", "--db", str(dyad_db), "-o", str(output))
    assert code == 0
    html = output.read_text(encoding="utf-8")
    assert 'id="timeline"' in html and "<svg" in html
    assert "Police detained Azerbaijani students in Kazan." in html
    assert "<script src=" not in html  # self-contained


def test_dyad_benchmark_runs_small() -> None:
    script = Path(__file__).parents[1] / "benchmarks" / "dyad_query.py"
    result = subprocess.run(
        [sys.executable, str(script), "--events", "4000", "--runs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "dyad series query" in result.stdout and "events (mentions): 4,000" in result.stdout


def test_merge_is_redone_when_events_are_added(store: Store) -> None:
    from detente.relations.clusters import is_current

    put(store, _crisis_events()[:3])
    assert not is_current(store)
    merge_store(store)
    assert is_current(store)
    put(store, _crisis_events()[3:])
    assert not is_current(store)
    assert sum(p.total.count for p in dyad_series(store, "RUS", "AZE").points) == 6  # merged again


# -- incremental merge ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_coded(pipeline: Pipeline) -> list[CodedDocument]:
    """The demo corpus coded once for this module (sentences and events, as ``detente demo`` stores them)."""
    from detente.core import code_documents
    from detente.scale.corpus import demo_articles

    return list(code_documents(demo_articles(), pipeline))


def _merged_tables(store: Store) -> tuple[list[tuple[object, ...]], list[str]]:
    """``event_clusters`` and ``merged_events`` as sorted rows (merged rows as text, lists included)."""
    clusters = sorted(store.con.execute("SELECT event_id, cluster_id, track FROM event_clusters").fetchall())
    merged = sorted(str(r) for r in store.con.execute("SELECT * FROM merged_events").fetchall())
    return clusters, merged


def _full(docs: list[CodedDocument]) -> tuple[list[tuple[object, ...]], list[str]]:
    with Store(":memory:") as store:
        store.add(docs)
        assert merge_store(store, full=True).full
        return _merged_tables(store)


def test_incremental_merge_equals_full_rebuild_on_demo_corpus(demo_coded: list[CodedDocument]) -> None:
    import random

    expected = _full(demo_coded)
    assert len(expected[0]) > len(expected[1]) > 100  # the demo has merged events of several mentions
    orders = [list(demo_coded)]
    for seed in (1, 2, 3):
        shuffled = list(demo_coded)
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    for number, docs in enumerate(orders):
        cuts = (
            [len(docs) // 2] if number < 2 else sorted(random.Random(number).sample(range(1, len(docs)), 3))
        )
        with Store(":memory:") as store:
            start = 0
            for cut in [*cuts, len(docs)]:
                before = dict(
                    store.con.execute("SELECT event_id, cluster_id FROM event_clusters").fetchall()
                    if start
                    else []
                )
                store.add(docs[start:cut])
                stats = merge_store(store)
                assert stats.full == (start == 0)
                if start:
                    # only the touched blocks are clustered again; the others keep their rows and ids
                    assert stats.reclustered < stats.mentions
                    after = dict(
                        store.con.execute("SELECT event_id, cluster_id FROM event_clusters").fetchall()
                    )
                    kept = sum(after[e] == c for e, c in before.items())
                    assert kept >= len(before) - stats.reclustered
                start = cut
            assert _merged_tables(store) == expected, f"order {number}, cuts {cuts}"


def test_merge_rebuilds_fully_when_the_knowledge_changes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from detente.relations import clusters

    put(store, _crisis_events()[:3])
    assert merge_store(store).full
    put(store, _crisis_events()[3:5])
    stats = merge_store(store)
    assert not stats.full and 0 < stats.reclustered < stats.mentions
    assert merge_store(store).reclustered == 0  # nothing new: nothing clustered again
    monkeypatch.setattr(clusters, "knowledge_versions", lambda: "merge 9.9, tracks 9.9, changed")
    put(store, _crisis_events()[5:])
    stats = merge_store(store)
    assert stats.full and stats.reclustered == stats.mentions == 9


def test_a_new_mention_reports_an_event_already_merged(store: Store) -> None:
    put(store, _crisis_events())
    merge_store(store)
    late = make_event(
        "m0", "d9", "CONSULT", "RUS", "AZE", "2025-10-09", "Putin and Aliyev met in Dushanbe on Thursday."
    )
    put(store, [late])
    stats = merge_store(store)
    assert not stats.full
    row = store.con.execute(
        "SELECT cluster_id, n_sources, event_ids FROM merged_events WHERE list_contains(event_ids, 'm0')"
    ).fetchall()
    # the new mention joins the meeting; the merged event takes the smallest id, as a full rebuild would
    assert row == [("m0", 3, ["m0", "m1", "m2"])]
    assert (
        store.con.execute("SELECT count(*) FROM merged_events WHERE cluster_id = 'm1'").fetchall()[0][0] == 0
    )


# -- summary per dyad and month ------------------------------------------------------------------------


def test_summary_counts_an_event_reported_twice_once(store: Store, tmp_path: Path) -> None:
    from detente.relations.summary import dyad_month_summary

    summons = [
        make_event("s1", "wire", "ACCUSE", "AZE", "RUS", "2025-06-30",
                   "Azerbaijan summoned the Russian ambassador on Monday.", mode="disapprove"),
        make_event("s2", "paper", "ACCUSE", "AZE", "RUS", "2025-06-30",
                   "The Russian ambassador was summoned by Azerbaijan on Monday.", mode="disapprove"),
        make_event("s3", "paper", "COERCE", "AZE", "RUS", "2025-06-30",
                   "Police in Baku detained two Russian journalists on Monday.", mode="arrest"),
    ]  # fmt: skip
    put(store, summons)
    (june,) = dyad_month_summary(store)
    assert (june.a, june.b, june.month) == ("AZE", "RUS", "2025-06")
    assert (june.verbal_conflict, june.material_conflict, june.events, june.mentions) == (1, 1, 2, 3)
    assert june.mean_intensity == pytest.approx((-2.0 - 7.0) / 2)
    path = tmp_path / "summary.duckdb"
    with Store(path) as disk:
        put(disk, summons)
    code, out, _ = run("summary", "--db", str(path))
    assert code == 0 and "Merged events per dyad and month" in out
    line = next(x for x in out.splitlines() if "AZE–RUS" in x)
    assert [cell.strip() for cell in line.split("│")[3:5]] == ["2", "3"]  # merged events, mentions


# -- contested incidents of a dyad ---------------------------------------------------------------------


def _claimed(
    event_id: str,
    doc_id: str,
    source: str,
    target: str,
    claimant: str,
    sentence: str,
    *,
    negated: bool = False,
) -> Event:
    """A claimed strike (ASSAULT) on 14 November 2025, attributed to a ministry of ``claimant``."""
    return Event(
        event_id=event_id,
        doc_id=doc_id,
        sentence_index=0,
        sentence=sentence,
        span=(0, 5),
        trigger="damaged",
        event_type="ASSAULT",
        mode="aerial",
        quad_class="material_conflict",
        intensity=-9.0,
        source=Actor(text=f"{source} forces", country=source, sector="MIL"),
        target=Actor(text=f"{target} embassy", country=target, sector="GOV"),
        date="2025-11-14",
        date_precision="day",
        date_text="on Friday",
        place=Place(text="Kyiv", name="Kyiv", country="UKR"),
        negated=negated,
        modality="claimed",
        claimant=Actor(text=f"{claimant} ministry", country=claimant, sector="GOV"),
        confidence=0.8,
    )


def _contested_events() -> list[Event]:
    return [
        _claimed("k1", "baku", "RUS", "AZE", "AZE",
                 "A Russian missile damaged the embassy in Kyiv <b>on Friday</b> & more, Baku said."),
        _claimed("k2", "moscow", "UKR", "AZE", "RUS",
                 "A Ukrainian interceptor damaged the embassy building in Kyiv, a Russian source said."),
        # another pair's contest: Armenia denies what Azerbaijan blames it for
        Event(
            event_id="b1", doc_id="border", sentence_index=0, span=(0, 5), trigger="shelled",
            sentence="Armenian units shelled positions in Kalbajar, the Azerbaijani ministry said.",
            event_type="ASSAULT", quad_class="material_conflict", intensity=-9.0,
            source=Actor(text="Armenian units", country="ARM", sector="MIL"),
            target=Actor(text="positions", country="AZE", sector="MIL"),
            date="2025-04-22", date_precision="day", date_text="on Tuesday",
            place=Place(text="Kalbajar", name="Kalbajar", country="AZE"), modality="claimed",
            claimant=Actor(text="Azerbaijani ministry", country="AZE", sector="GOV"),
        ),
        Event(
            event_id="b2", doc_id="yerevan", sentence_index=0, span=(0, 5), trigger="shelled",
            sentence="Yerevan denied that its units shelled positions in Kalbajar.",
            event_type="ASSAULT", quad_class="material_conflict", intensity=-9.0,
            source=Actor(text="its units", country="ARM", sector="MIL"),
            target=Actor(text="positions", country="AZE", sector="MIL"),
            date="2025-04-22", date_precision="day", date_text="on Tuesday",
            place=Place(text="Kalbajar", name="Kalbajar", country="AZE"), negated=True, modality="claimed",
            claimant=Actor(text="Yerevan", country="ARM", sector="GOV"),
        ),
    ]  # fmt: skip


def test_dyad_contested_keeps_the_incidents_of_the_pair(store: Store) -> None:
    from detente.relations.contested import dyad_contested, incident_lines

    put(store, _contested_events())
    (embassy,) = dyad_contested(store, "RUS", "AZE")
    assert embassy.place == "Kyiv" and embassy.date == "2025-11-14"
    lines = incident_lines(embassy)
    assert [(x.side, x.says, x.perpetrator) for x in lines] == [
        ("AZE", "affirms", "RUS forces (RUS/MIL)"),
        ("RUS", "affirms", "UKR forces (UKR/MIL)"),
    ]
    (border,) = dyad_contested(store, "AZE", "ARM")
    assert border.place == "Kalbajar" and {x.says for x in incident_lines(border)} == {"affirms", "denies"}
    assert [i.place for i in dyad_contested(store, "UKR", "AZE")] == ["Kyiv"]  # named as perpetrator
    assert dyad_contested(store, "RUS", "ARM") == []


def test_report_and_json_show_the_contested_incidents(tmp_path: Path) -> None:
    path = tmp_path / "contested.duckdb"
    with Store(path) as disk:
        put(disk, [*_crisis_events(), *_contested_events()])
    code, out, _ = run("dyad", "RUS", "AZE", "--db", str(path), "--format", "json", "--no-causes")
    assert code == 0
    (record,) = json.loads(out)["contested"]
    assert record["record"] == "contested" and record["incident"]["place"] == "Kyiv"
    assert {(c["claimant"]["country"], c["perpetrator"]["country"]) for c in record["claims"]} == {
        ("AZE", "RUS"),
        ("RUS", "UKR"),
    }
    code, out, _ = run("dyad", "RUS", "AZE", "--db", str(path), "--format", "csv")
    assert code == 0 and "contested" not in out
    report = tmp_path / "report.html"
    code, _, _ = run("report", "RUS", "AZE", "--db", str(path), "-o", str(report), "--no-causes")
    assert code == 0
    html = report.read_text(encoding="utf-8")
    section = html[html.index('id="contested"') : html.index('id="timeline"')]
    assert "date 2025-11-14 · place Kyiv" in section
    assert "A Ukrainian interceptor damaged the embassy building in Kyiv" in section
    assert "UKR forces (UKR/MIL)" in section and "RUS ministry (RUS/GOV)" in section
    assert "&lt;b&gt;on Friday&lt;/b&gt; &amp; more" in section and "<b>on Friday" not in html  # escaped
    assert "Kalbajar" not in section  # Armenia and Azerbaijan's contest is not this pair's


def test_contested_incidents_with_causes_on_the_demo_corpus(
    demo_coded: list[CodedDocument], pipeline: Pipeline
) -> None:
    from detente.relations.contested import dyad_contested, incident_countries, incident_lines

    with Store(":memory:") as store:
        store.add(demo_coded)
        plain = dyad_contested(store, "RUS", "AZE")
        with_causes = dyad_contested(store, "RUS", "AZE", pipeline=pipeline)
    assert "Kyiv" in [i.place for i in plain]
    assert all({"RUS", "AZE"} <= incident_countries(i) for i in [*plain, *with_causes])
    # "one of them died of heart failure" (Russia) against "beaten to death" (Baku): a cause is shown
    causes = [x for i in with_causes for x in incident_lines(i) if x.cause]
    assert any("heart failure" in x.perpetrator and x.side == "RUS" for x in causes), causes


def test_chart_draws_events_dated_by_a_long_range_as_bars(store: Store) -> None:
    from detente.relations.plot import chart_svg, dyad_chart

    summer = make_event(
        "r1", "d9", "COOPERATE", "AZE", "RUS", "2025-06-01/2025-08-31",
        "Azerbaijani exporters kept trucks moving to Russia this summer.", precision="range",
    )  # fmt: skip
    put(store, [*_crisis_events(), summer])
    view = dyad_view(store, "RUS", "AZE")
    assert all("r1" not in p.total.cluster_ids for p in view.series.points)  # no period counts it
    chart = dyad_chart(view.series, view.timeline, view.facade)
    spec = chart.to_dict()
    rules = [layer for layer in spec["vconcat"][1]["layer"] if layer["mark"]["type"] == "rule"]
    assert len(rules) == 1
    (bar,) = spec["datasets"][rules[0]["data"]["name"]]
    assert (bar["start"], bar["end"], bar["track_label"]) == ("2025-06-01", "2025-08-31", "Economic")
    assert "<svg" in chart_svg(chart)
    # a span reaching far outside the dated events is clipped to them, not stretching the time axis
    year = make_event(
        "r2", "d8", "COOPERATE", "AZE", "RUS", "2024-01-01/2024-12-31",
        "Azerbaijani exporters kept trucks moving to Russia in 2024.", precision="year",
    )  # fmt: skip
    put(store, [year])
    view = dyad_view(store, "RUS", "AZE")
    spec = dyad_chart(view.series, view.timeline, view.facade).to_dict()
    domains = {str(layer["encoding"]["x"]["scale"]["domain"][0]) for layer in spec["vconcat"][1]["layer"]}
    assert domains == {min(p.period for p in view.series.points).isoformat()}
    # without events dated by a long range, no bar layer
    with Store(":memory:") as plain:
        put(plain, _crisis_events())
        view = dyad_view(plain, "RUS", "AZE")
    layers = dyad_chart(view.series, view.timeline, view.facade).to_dict()["vconcat"][1]["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rect", "point"]


def test_merge_benchmark_runs_small() -> None:
    script = Path(__file__).parents[1] / "benchmarks" / "merge_incremental.py"
    result = subprocess.run(
        [sys.executable, str(script), "--events", "2000", "--batch", "50"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "incremental tables equal full rebuild: yes" in result.stdout
    assert "speed-up full / incremental:" in result.stdout
