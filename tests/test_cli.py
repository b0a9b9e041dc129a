"""The ``detente`` command line, driven through typer's CliRunner with DETENTE_DB in a temporary folder."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from detente import __version__, cli
from detente.relations.clusters import is_current
from detente.store import Store

# Articles written for these tests.
RAIDS = (
    "Russian police arrested six Azerbaijani nationals in Yekaterinburg on 9 October. "
    "Azerbaijan summoned the Russian ambassador on 10 October."
)
EXPULSION = "Azerbaijan expelled two Russian diplomats on Monday. Moscow condemned the expulsions."
TREATY = "Armenia and Azerbaijan agreed on the text of a peace treaty in March."
GERMAN = (
    "Die Polizei in Jekaterinburg hat am Dienstag sechs Männer festgenommen, teilte das Außenministerium "
    "in Baku mit. Die Regierung verlangte eine sofortige Erklärung und kündigte an, den russischen "
    "Botschafter einzubestellen, falls die Männer nicht bald freigelassen würden. Beobachter sprechen "
    "von der schwersten Krise zwischen beiden Ländern seit vielen Jahren."
)


def make_runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart (click >= 8.2 always does; older ones need mix_stderr)."""
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    return CliRunner()


def flat(text: str) -> str:
    """Rich wraps long lines on stderr; join them so file names can be searched for."""
    return text.replace("\n", "")


@pytest.fixture
def runner() -> CliRunner:
    return make_runner()


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch, pipeline) -> None:
    """Commands reuse the session's pipeline instead of loading spaCy again for every invocation."""
    monkeypatch.setattr(cli, "_pipeline", lambda: pipeline)


def invoke(runner: CliRunner, *args: str, input: str | None = None):
    return runner.invoke(cli.app, list(args), input=input)


def write_jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def article_line(doc_id: str, text: str, published: str = "2025-11-21") -> str:
    return json.dumps({"id": doc_id, "text": text, "published": published})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of three good .txt articles."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "raids.txt").write_text(f"Title: Raids\nDate: 2025-11-21\n\n{RAIDS}\n", encoding="utf-8")
    (folder / "expulsion.txt").write_text(f"Date: 2025-07-02\n\n{EXPULSION}\n", encoding="utf-8")
    (folder / "sub" / "treaty.txt").write_text(f"Date: 2025-08-09\n\n{TREATY}\n", encoding="utf-8")
    return folder


@pytest.fixture
def ingested(runner, fast, db_path, corpus) -> Path:
    result = invoke(runner, "ingest", str(corpus))
    assert result.exit_code == 0, result.stderr
    return db_path


def counts(path: Path) -> dict[str, int]:
    with Store(path, read_only=True) as db:
        return db.counts()


# ---------------------------------------------------------------------------------------------------
# help and version
# ---------------------------------------------------------------------------------------------------


def test_help(runner):
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    for command in ("code", "ingest", "events", "resolve", "demo"):
        assert command in result.stdout


def test_help_of_every_command(runner):
    commands = typer.main.get_command(cli.app).commands  # type: ignore[attr-defined]
    assert {"code", "ingest", "events", "resolve", "demo"} <= set(commands)
    for name in commands:
        result = invoke(runner, name, "--help")
        assert result.exit_code == 0, (name, result.output)
        assert "Usage" in result.stdout and name in result.stdout


def test_version(runner):
    result = invoke(runner, "--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_unknown_command_is_a_usage_error(runner):
    assert invoke(runner, "frobnicate").exit_code == 2


# ---------------------------------------------------------------------------------------------------
# code
# ---------------------------------------------------------------------------------------------------


def test_code_prints_schema_valid_jsonl(runner, fast, tmp_path, db_path, validate):
    source = write_jsonl(
        tmp_path / "articles.jsonl",
        article_line("raids", RAIDS),
        article_line("treaty", TREATY, "2025-08-09"),
    )
    result = invoke(runner, "code", str(source))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 3
    for record in records:
        validate(record)
    assert {r["doc_id"] for r in records} == {"raids", "treaty"}
    assert {"COERCE", "ACCUSE", "AGREE"} <= {r["event_type"] for r in records}
    assert not db_path.exists(), "code is stateless: no database is written"


def test_code_with_a_bad_line_prints_the_good_events_and_names_the_line(runner, fast, tmp_path):
    source = write_jsonl(
        tmp_path / "articles.jsonl",
        article_line("raids", RAIDS),
        '{"id": "broken", "text": oops}',
        article_line("expulsion", EXPULSION),
    )
    result = invoke(runner, "code", str(source))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc_id"] for r in records} == {"raids", "expulsion"}
    assert f"{source}:2" in flat(result.stderr)
    assert "broken" not in result.stdout


def test_code_published_option_fills_missing_dates(runner, fast, tmp_path):
    source = tmp_path / "undated.txt"
    source.write_text("Azerbaijan rejected the Russian proposal.\n", encoding="utf-8")
    result = invoke(runner, "code", str(source), "--published", "2025-03-04")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["event_type"], r["date"]) for r in records] == [("REJECT", "2025-03-04")]
    bad = invoke(runner, "code", str(source), "--published", "4 March")
    assert bad.exit_code == 2
    assert "--published" in bad.stderr


def test_code_reads_standard_input(runner, fast):
    result = invoke(runner, "code", "-", "--published", "2025-11-21", input=EXPULSION + "\n")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["event_type"] == "SANCTION" and r["date"] == "2025-11-17" for r in records)


# ---------------------------------------------------------------------------------------------------
# ingest
# ---------------------------------------------------------------------------------------------------


def test_ingest_twice_gives_identical_rows(runner, fast, db_path, corpus):
    first = invoke(runner, "ingest", str(corpus))
    assert first.exit_code == 0, first.stderr
    after_first = counts(db_path)
    assert after_first["articles"] == 3 and after_first["events"] >= 4
    second = invoke(runner, "ingest", str(corpus))
    assert second.exit_code == 0, second.stderr
    assert counts(db_path) == after_first
    assert "0 articles added" in flat(second.stderr)
    assert "3 already stored" in flat(second.stderr)


def age_the_coding(path: Path, doc_ids: list[str] | None = None) -> None:
    """Make stored articles look as if an older coder coded them: an old version and a stray event."""
    with Store(path) as db:
        where = "" if doc_ids is None else " WHERE doc_id IN (SELECT unnest(?))"
        params = [] if doc_ids is None else [doc_ids]
        db.con.execute("UPDATE articles SET code_version = 'old'" + where, params)
        db.con.execute("UPDATE events SET code_version = 'old'" + where, params)
        db.con.execute(
            "INSERT INTO events SELECT * REPLACE ('stale-' || event_id AS event_id, 'REJECT' AS event_type) "
            "FROM events" + where + " LIMIT 1",
            params,
        )


def stored_events(path: Path) -> list[tuple[str, str, str]]:
    with Store(path, read_only=True) as db:
        rows = db.con.execute(
            "SELECT event_id, event_type, code_version FROM events ORDER BY event_id"
        ).fetchall()
    return [tuple(r) for r in rows]


def test_recode_replaces_the_events_an_older_coder_made(runner, ingested):
    fresh = stored_events(ingested)
    before = counts(ingested)
    age_the_coding(ingested)
    assert len(stored_events(ingested)) == len(fresh) + 1
    result = invoke(runner, "recode")
    assert result.exit_code == 0, result.stderr
    assert "3 articles coded again" in flat(result.stderr)
    assert stored_events(ingested) == fresh  # the stray event is gone and none is doubled
    assert counts(ingested) == before
    with Store(ingested, read_only=True) as db:
        assert is_current(db)  # merged events were rebuilt over the new events
    again = invoke(runner, "recode")
    assert again.exit_code == 0 and "0 articles coded again" in flat(again.stderr)


def test_recode_all_redoes_current_articles_without_changing_them(runner, ingested):
    fresh = stored_events(ingested)
    result = invoke(runner, "recode", "--all")
    assert result.exit_code == 0, result.stderr
    assert "3 articles coded again" in flat(result.stderr)
    assert stored_events(ingested) == fresh


def test_serve_warns_about_articles_an_older_coder_made(runner, ingested, monkeypatch):
    import detente.web.commands as web_commands

    monkeypatch.setattr(web_commands, "serve_app", lambda *args, **kwargs: None)
    quiet = invoke(runner, "serve")
    assert quiet.exit_code == 0 and "recode" not in flat(quiet.stderr)
    age_the_coding(ingested)
    warned = invoke(runner, "serve")
    assert warned.exit_code == 0 and "3 articles" in flat(warned.stderr)
    assert "run 'detente recode'" in flat(warned.stderr)


def test_recode_without_a_database_exits_1(runner, db_path):
    result = invoke(runner, "recode")
    assert result.exit_code == 1 and "no database" in flat(result.stderr)


def test_ingest_db_option_overrides_the_environment(runner, fast, db_path, corpus, tmp_path):
    other = tmp_path / "other.duckdb"
    result = invoke(runner, "ingest", str(corpus), "--db", str(other))
    assert result.exit_code == 0, result.stderr
    assert counts(other)["articles"] == 3
    assert not db_path.exists()


def test_ingest_mixed_batch_stores_only_the_good_articles(runner, fast, db_path, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text(f"Title: Expulsions\nDate: 2025-07-02\n\n{EXPULSION}\n", encoding="utf-8")
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    latin = folder / "latin.txt"
    latin.write_bytes("Azerbaijan closed the café near the Russian embassy in Baku.".encode("latin-1"))
    unknown = folder / "notes.docx"
    unknown.write_text(RAIDS, encoding="utf-8")
    german = folder / "german.txt"
    german.write_text(GERMAN, encoding="utf-8")
    bad = [empty, binary, latin, unknown, german]

    result = invoke(runner, "ingest", *(str(p) for p in [good, *bad]))
    assert result.exit_code == 1
    stderr = flat(result.stderr)
    for path in bad:
        assert str(path) in stderr, f"{path.name} not named on stderr:\n{result.stderr}"
    assert str(good) + ":" not in stderr
    with Store(db_path, read_only=True) as db:
        rows = db.con.execute("SELECT text, title, origin FROM articles").fetchall()
        assert len(rows) == 1
        text, title, origin = rows[0]
        assert text == EXPULSION and title == "Expulsions" and origin == str(good)
        (doc_id,) = db.con.execute("SELECT doc_id FROM articles").fetchall()[0]
        assert {e.doc_id for e in db.events()} == {doc_id}
        assert db.counts()["events"] >= 1


# ---------------------------------------------------------------------------------------------------
# events
# ---------------------------------------------------------------------------------------------------


def test_events_jsonl_on_stdout(runner, ingested, validate):
    result = invoke(runner, "events")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == counts(ingested)["events"]
    for record in records:
        validate(record)


def test_events_parquet_reads_back(runner, ingested, tmp_path):
    out = tmp_path / "x.parquet"
    result = invoke(runner, "events", "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert pq.read_table(out).num_rows == counts(ingested)["events"] > 0
    assert str(out) in flat(result.stderr)


def test_events_dyad_accepts_codes_and_names_in_either_order(runner, ingested):
    outputs = []
    for a, b in (("RUS", "AZE"), ("AZE", "RUS"), ("Russia", "Azerbaijan")):
        result = invoke(runner, "events", "--dyad", a, b)
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    records = [json.loads(line) for line in outputs[0].splitlines()]
    assert records
    assert all({r["source"]["country"], r["target"]["country"]} == {"RUS", "AZE"} for r in records)


def test_events_type_and_since_filters(runner, ingested):
    result = invoke(runner, "events", "--type", "coerce", "--since", "2025-10-01")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["event_type"] == "COERCE" and r["date"] >= "2025-10" for r in records)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--format", "csv"), "-o"),
        (("--format", "xlsx"), "xlsx"),
        (("--dyad", "RUS", "XYZ"), "XYZ"),
        (("--since", "notadate"), "notadate"),
        (("--type", "INVADE"), "INVADE"),
    ],
)
def test_events_usage_errors_exit_2(runner, ingested, args, named):
    result = invoke(runner, "events", *args)
    assert result.exit_code == 2, result.output
    assert named in flat(result.stderr)
    assert result.stdout == ""


def test_events_without_a_database_exits_1(runner, db_path):
    result = invoke(runner, "events")
    assert result.exit_code == 1
    assert "no database" in flat(result.stderr) and str(db_path) in flat(result.stderr)
    assert not db_path.exists(), "reading must not create an empty database"


# ---------------------------------------------------------------------------------------------------
# resolve
# ---------------------------------------------------------------------------------------------------


def test_resolve_office_holder(runner):
    # the one test that goes through the real model loading of the CLI
    result = invoke(runner, "resolve", "Aliyev", "--date", "2025-06-01")
    assert result.exit_code == 0, result.stderr
    actor = json.loads(result.stdout)
    assert actor["country"] == "AZE"
    assert actor["entity_id"] == "person:AZE:ilham-aliyev"


def test_resolve_unknown_mention_prints_null(runner, fast):
    result = invoke(runner, "resolve", "the weather", "--date", "2025-06-01")
    assert result.exit_code == 0
    assert json.loads(result.stdout) is None


def test_resolve_bad_date_exits_2(runner, fast):
    assert invoke(runner, "resolve", "Aliyev", "--date", "yesterday").exit_code == 2


def test_resolve_batch_with_a_bad_line(runner, fast):
    requests = (
        "\n".join(
            [
                json.dumps({"text": "Aliyev", "date": "2025-06-01"}),
                "this is not json",
                json.dumps({"text": "the Kremlin"}),
                json.dumps({"date": "2025-01-01"}),
                json.dumps({"text": "Aliyev", "date": "2001-06-01"}),
            ]
        )
        + "\n"
    )
    result = invoke(runner, "resolve", "-", input=requests)
    assert result.exit_code == 1
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 5, "one answer per request, in order"
    assert answers[0]["entity_id"] == "person:AZE:ilham-aliyev"
    assert answers[1] is None
    assert answers[2]["country"] == "RUS"
    assert answers[3] is None
    assert answers[4]["entity_id"] == "person:AZE:heydar-aliyev"
    stderr = flat(result.stderr)
    assert "<stdin>:2" in stderr and "<stdin>:4" in stderr
    assert "<stdin>:1" not in stderr and "<stdin>:3" not in stderr


# ---------------------------------------------------------------------------------------------------
# demo
# ---------------------------------------------------------------------------------------------------


def test_demo_ingests_the_corpus_and_prints_the_dyad_table(runner, fast, db_path):
    result = invoke(runner, "demo", "--no-serve")
    assert result.exit_code == 0, result.stderr
    assert "AZE–RUS" in result.stdout
    assert "53 demo articles added" in flat(result.stderr)
    stored = counts(db_path)
    assert stored["articles"] == 53 and stored["events"] > 100
    again = invoke(runner, "demo", "--no-serve")
    assert again.exit_code == 0, again.stderr
    assert "0 demo articles added" in flat(again.stderr)
    assert "coded again" not in flat(again.stderr)
    assert counts(db_path) == stored
    # a database from an older Detente: the demo's events are coded again, none doubled
    fresh = stored_events(db_path)
    age_the_coding(db_path)
    redone = invoke(runner, "demo", "--no-serve")
    assert redone.exit_code == 0, redone.stderr
    assert "53 of them coded again" in flat(redone.stderr)
    assert stored_events(db_path) == fresh
    summary = invoke(runner, "summary")
    assert summary.exit_code == 0 and "AZE–RUS" in summary.stdout


def test_evaluate_scores_event_and_claims_gold_together(runner, fast, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text(
        json.dumps(
            {
                "id": "e1",
                "published": "2025-05-02",
                "text": "Poland expelled two Belarusian diplomats on Thursday.",
                "events": [
                    {
                        "event_type": "SANCTION",
                        "mode": "expel",
                        "trigger": "expelled",
                        "source": "POL",
                        "target": "BLR",
                        "negated": False,
                        "modality": "asserted",
                        "claimant": None,
                        "date": "2025-05-01",
                        "date_precision": "day",
                        "date_text": "Thursday",
                        "place": None,
                        "place_country": None,
                    }
                ],
            }
        )
        + "\n"
    )
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps(
            {
                "id": "c1",
                "published": "2025-05-02",
                "text": (
                    "Belarusian police detained two Polish journalists in Grodno, "
                    "the Polish foreign ministry said."
                ),
                "claims": [
                    {
                        "trigger": "detained",
                        "event_type": "COERCE",
                        "claimant": "POL",
                        "polarity": "affirm",
                        "modality": "claimed",
                    }
                ],
            }
        )
        + "\n"
    )
    result = invoke(runner, "evaluate", str(events), str(claims), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["event_type"]["tp"] == 1
    assert report["claims"]["gold_claims"] == 1
    assert report["claims"]["claimant_accuracy"] == 1.0


def test_evaluate_scores_each_phenomenon_over_one_sentence_documents(runner, fast, tmp_path):
    def doc(doc_id: str, text: str, tags: list[str], source: str, **extra: str) -> dict:
        event = {"event_type": "SANCTION", "trigger": "expelled", "source": source, "target": "BLR"}
        return {
            "id": doc_id,
            "published": "2025-05-02",
            "text": text,
            "phenomena": tags,
            "events": [event],
            **extra,
        }

    gold = tmp_path / "gold.jsonl"
    rows = [
        doc("s1", "Two Belarusian diplomats were expelled by Poland on Thursday.", ["passive"], "POL"),
        # annotated with the wrong source on purpose: a miss for its phenomenon
        doc("s2", "Lithuania reportedly expelled a Belarusian diplomat.", ["hedge"], "LVA"),
        # an article's tags describe the whole article: not counted per phenomenon
        doc("a1", "Poland expelled two Belarusian diplomats.", ["passive", "article_only"], "POL", title="t"),
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = invoke(runner, "evaluate", str(gold), "--format", "json")
    assert result.exit_code == 0, result.stderr
    by_tag = json.loads(result.stdout)["per_phenomenon"]
    assert set(by_tag) == {"passive", "hedge"}
    assert (by_tag["passive"]["tp"], by_tag["passive"]["fn"]) == (1, 0)
    assert (by_tag["hedge"]["tp"], by_tag["hedge"]["fn"]) == (0, 1)
    table = invoke(runner, "evaluate", str(gold))
    assert "by phenomenon" in table.stdout and "hedge" in table.stdout
