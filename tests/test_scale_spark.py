"""``detente spark-code`` on local[2] gives exactly the events of ``detente code`` on the same input."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.api import good_articles
from detente.cli import app
from detente.core import CodedDocument, Pipeline, code_documents
from detente.scale.corpus import write_jsonl
from detente.store import Store

pytestmark = [
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (no `java` on PATH)"),
]
pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark==4.3.0)")

ARTICLES = 200


def _records(events: list[dict[str, object]]) -> Counter[str]:
    return Counter(json.dumps(e, sort_keys=True) for e in events)


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Run ``detente spark-code`` once on 200 articles: (input, output, database)."""
    base = tmp_path_factory.mktemp("spark")
    source = write_jsonl(base / "articles.jsonl", ARTICLES, prefix="spark")
    output = base / "out"
    db = base / "detente.duckdb"
    args = ["spark-code", str(source), str(output), "--master", "local[2]", "--partitions", "4"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        result = CliRunner().invoke(app, [*args, "--import-db", str(db)])
    assert result.exit_code == 0, result.output
    return source, output, db


@pytest.fixture(scope="module")
def cli_coded(spark_run: tuple[Path, Path, Path], pipeline: Pipeline) -> list[CodedDocument]:
    """The same input coded in process, as ``detente code`` / ``detente ingest`` code it."""
    return list(code_documents(good_articles([str(spark_run[0])]), pipeline))


def test_spark_events_equal_cli_events(
    spark_run: tuple[Path, Path, Path], cli_coded: list[CodedDocument]
) -> None:
    from detente.scale.spark_job import read_events

    _source, output, _db = spark_run
    expected = [e.to_record() for c in cli_coded for e in c.events]  # what `detente code` prints
    got = [e.to_record() for e in read_events(output)]
    assert len(expected) > ARTICLES  # the demo corpus has events in most articles
    assert {e["event_id"] for e in got} == {e["event_id"] for e in expected}
    assert _records(got) == _records(expected)


def test_spark_output_is_partitioned_by_month(spark_run: tuple[Path, Path, Path]) -> None:
    _source, output, _db = spark_run
    months = {p.name for p in (output / "events").iterdir() if p.is_dir()}
    assert months and all(m.startswith("month=") for m in months)
    assert len(list((output / "articles").rglob("*.parquet"))) >= 1


def test_import_fills_the_store_like_ingest(
    spark_run: tuple[Path, Path, Path], cli_coded: list[CodedDocument]
) -> None:
    _source, _output, db = spark_run
    with Store(db) as imported, Store(":memory:") as ingested:
        ingested.add(cli_coded)  # what `detente ingest` stores for these coded articles
        assert imported.counts() == ingested.counts()
        mine = _records([e.to_record() for e in imported.events()])
        theirs = _records([e.to_record() for e in ingested.events()])
        assert mine == theirs


def test_parquet_input_gives_the_same_events(
    spark_run: tuple[Path, Path, Path], cli_coded: list[CodedDocument], tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from detente.scale.corpus import article_record
    from detente.scale.spark_job import read_events

    some = cli_coded[:24]
    source = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist([article_record(c.article) for c in some]), source)
    output = tmp_path / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        result = CliRunner().invoke(app, ["spark-code", str(source), str(output), "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    expected = [e.to_record() for c in some for e in c.events]
    assert _records([e.to_record() for e in read_events(output)]) == _records(expected)
