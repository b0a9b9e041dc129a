"""``detente spark-code`` on local[2] gives exactly the events and claims of ``detente code`` /
``detente claims`` on the same input, and names every bad input line by file and line."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.api import good_articles
from detente.cli import app
from detente.core import CodedDocument, Pipeline, code_documents
from detente.errors import ArticleError
from detente.scale.corpus import write_jsonl
from detente.store import Store

pytestmark = [
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (no `java` on PATH)"),
]
pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark==4.3.0)")

ARTICLES = 200
# written for this test: a French article long enough for the language check to be sure of it
FRENCH = (
    "Le conseil municipal a voté mardi soir un budget en hausse pour les écoles de la ville. "
    "Les parents d'élèves attendaient depuis longtemps la rénovation des cantines et des cours de "
    "récréation, et le maire a promis que les travaux commenceraient avant la fin de l'année."
)
BAD_LINES = {  # line number in the input -> a line that is no article
    3: '{"id": "broken", "text": "The ministry said',
    57: json.dumps({"id": "no-text", "title": "A title but no text"}),
    140: json.dumps({"id": "french", "text": FRENCH}),
}
BLANK_LINE = 90


def _records(events: list[dict[str, object]]) -> Counter[str]:
    return Counter(json.dumps(e, sort_keys=True) for e in events)


@dataclass
class SparkRun:
    """One ``detente spark-code`` run: its input, output folder, database and printed messages."""

    source: Path
    output: Path
    db: Path
    messages: str


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory: pytest.TempPathFactory) -> SparkRun:
    """Run ``detente spark-code`` once on 200 articles and a few bad lines."""
    base = tmp_path_factory.mktemp("spark")
    good = write_jsonl(base / "good.jsonl", ARTICLES, prefix="spark").read_text(encoding="utf-8")
    lines = good.splitlines()
    for number in sorted([*BAD_LINES, BLANK_LINE]):
        lines.insert(number - 1, BAD_LINES.get(number, ""))
    source = base / "articles.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = base / "out"
    db = base / "detente.duckdb"
    args = ["spark-code", str(source), str(output), "--master", "local[2]", "--partitions", "4"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        result = CliRunner().invoke(app, [*args, "--import-db", str(db)])
    assert result.exit_code == 1, result.output  # the bad lines are skipped, the rest is coded
    return SparkRun(source, output, db, result.output)


@pytest.fixture(scope="module")
def cli_errors(spark_run: SparkRun) -> list[ArticleError]:
    """The bad inputs ``detente code`` reports for the same file."""
    errors: list[ArticleError] = []
    assert sum(1 for _ in good_articles([str(spark_run.source)], on_error=errors.append)) == ARTICLES
    return errors


@pytest.fixture(scope="module")
def cli_coded(spark_run: SparkRun, pipeline: Pipeline) -> list[CodedDocument]:
    """The same input coded in process, as ``detente code`` / ``detente ingest`` code it."""
    return list(code_documents(good_articles([str(spark_run.source)]), pipeline))


def test_spark_events_equal_cli_events(spark_run: SparkRun, cli_coded: list[CodedDocument]) -> None:
    from detente.scale.spark_job import read_events

    output = spark_run.output
    expected = [e.to_record() for c in cli_coded for e in c.events]  # what `detente code` prints
    got = [e.to_record() for e in read_events(output)]
    assert len(expected) > ARTICLES  # the demo corpus has events in most articles
    assert {e["event_id"] for e in got} == {e["event_id"] for e in expected}
    assert _records(got) == _records(expected)


def test_spark_output_is_partitioned_by_month(spark_run: SparkRun) -> None:
    output = spark_run.output
    for kind in ("events", "claims"):
        months = {p.name for p in (output / kind).iterdir() if p.is_dir()}
        assert len(months) > 3 and all(m.startswith("month=") for m in months), kind
    assert len(list((output / "articles").rglob("*.parquet"))) >= 1


def test_import_fills_the_store_like_ingest(spark_run: SparkRun, cli_coded: list[CodedDocument]) -> None:
    with Store(spark_run.db) as imported, Store(":memory:") as ingested:
        ingested.add(cli_coded)  # what `detente ingest` stores for these coded articles
        assert imported.counts() == ingested.counts()
        mine = _records([e.to_record() for e in imported.events()])
        theirs = _records([e.to_record() for e in ingested.events()])
        assert mine == theirs


def _claim_rows(store: Store) -> list[tuple[object, ...]]:
    return store.con.execute("SELECT * FROM claims ORDER BY claim_id").fetchall()


def test_spark_claims_equal_cli_claims(
    spark_run: SparkRun, cli_coded: list[CodedDocument], pipeline: Pipeline
) -> None:
    from detente.claims.storage import load_claims, rebuild_claims
    from detente.scale.spark_job import read_claims

    with Store(spark_run.db) as imported, Store(":memory:") as ingested:
        ingested.add(cli_coded)
        rebuild_claims(ingested, pipeline)  # what `detente claims` does on a database of these articles
        expected = [c.to_record() for c in load_claims(ingested)]
        assert len(expected) > ARTICLES // 2
        assert any(str(c["event_id"]).startswith("cause-") for c in expected)  # cause claims are there too
        assert [c.to_record() for c in read_claims(spark_run.output)] == expected
        assert [c.to_record() for c in load_claims(imported)] == expected  # imported, not rebuilt
        assert _claim_rows(imported) == _claim_rows(ingested)  # every column, cause ones included


def test_bad_lines_are_named_by_file_and_line(spark_run: SparkRun, cli_errors: list[ArticleError]) -> None:
    import duckdb

    files = [str(p) for p in (spark_run.output / "errors").glob("*.parquet")]
    written = duckdb.connect().execute("SELECT * FROM read_parquet(?) ORDER BY 1", [files]).fetchall()
    wheres = sorted(where for where, _problem in written)
    assert wheres == sorted(f"{spark_run.source}:{n}" for n in BAD_LINES)
    problems = dict(written)
    assert "not valid JSON" in problems[f"{spark_run.source}:3"]
    assert "no 'text' field" in problems[f"{spark_run.source}:57"]
    assert "English" in problems[f"{spark_run.source}:140"]
    # as `detente code` reports them (its JSON error detail may differ: it reads the line with its newline)
    assert sorted((w, p.split(" (")[0]) for w, p in written) == sorted(
        (e.where, e.problem.split(" (")[0]) for e in cli_errors
    )
    for where, problem in written:
        assert f"detente: skipped {where}: {problem}" in spark_run.messages


def test_lines_are_numbered_across_splits_of_a_file(tmp_path: Path) -> None:
    from detente.scale.spark_job import read_input, spark_session

    source = tmp_path / "many splits.jsonl"
    lines = ["" if n % 7 == 0 else json.dumps({"n": n, "pad": "x" * (n % 13)}) for n in range(1, 301)]
    source.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        spark = spark_session("local[2]")
    try:
        spark.conf.set("spark.sql.files.maxPartitionBytes", "1000")  # about 30 lines a split
        pairs = read_input(spark, str(source), partitions=3)
        assert pairs.getNumPartitions() == 3
        got = pairs.collect()
    finally:
        spark.stop()
    assert len(got) == len(lines)
    for line, where in got:
        number = int(where.rsplit(":", 1)[1])
        assert where == f"{source}:{number}" and line == lines[number - 1]


def test_parquet_input_gives_the_same_events(
    spark_run: SparkRun, cli_coded: list[CodedDocument], tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from detente.scale.corpus import article_record
    from detente.scale.spark_job import read_events

    some = cli_coded[:24]
    source = tmp_path / "articles.parquet"
    records = [article_record(c.article) for c in some]
    records.insert(10, {"id": "french", "text": FRENCH})
    pq.write_table(pa.Table.from_pylist(records), source)
    output = tmp_path / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        result = CliRunner().invoke(app, ["spark-code", str(source), str(output), "--master", "local[2]"])
    assert result.exit_code == 1, result.output
    assert f"detente: skipped {source}:row 11: " in result.output
    expected = [e.to_record() for c in some for e in c.events]
    assert _records([e.to_record() for e in read_events(output)]) == _records(expected)
