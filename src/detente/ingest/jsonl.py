"""JSON Lines: one article object per line, read as a stream (a file may be far larger than memory)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, AnyStr

from detente.errors import ArticleError
from detente.ingest.checks import (
    BINARY_SAMPLE_BYTES,
    build_article,
    date_problem,
    looks_binary,
    parse_date,
    size_problem,
)
from detente.models import Article

_OPTIONAL_STRINGS = ("title", "source", "url", "language")


def bounded_lines(stream: IO[AnyStr], limit: int, newline: AnyStr) -> Iterator[tuple[AnyStr | None, int]]:
    """The lines of ``stream`` with their lengths, never holding more than ``limit`` (+1) units of
    one line in memory: a longer line is skipped and comes out as ``(None, its length)``."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(newline):
            yield line, len(line)
            continue
        size = len(line)
        while True:
            more = stream.readline(1 << 20)
            size += len(more)
            if not more or more.endswith(newline):
                break
        yield None, size


def parse_jsonl_line(line: str, where: str) -> Article | ArticleError:
    """One article from one JSONL line: ``{"id", "text", "title"?, "published"?, "source"?,
    "url"?, "language"?}``; ``id`` (or ``doc_id``) becomes the article's ``doc_id``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return ArticleError(where, f"not valid JSON ({err.msg} at column {err.colno})")
    except (ValueError, RecursionError) as err:  # e.g. an integer of 5,000 digits, deep nesting
        return ArticleError(where, f"not valid JSON ({type(err).__name__}: {err})")
    if not isinstance(record, dict):
        return ArticleError(where, f"expected a JSON object, got {_json_type(record)}")
    if "text" not in record:
        return ArticleError(where, "no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        return ArticleError(where, f"'text' must be a string, got {_json_type(text)}")
    doc_id = record.get("id", record.get("doc_id"))
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if doc_id is not None and not isinstance(doc_id, str):
        return ArticleError(where, f"'id' must be a string, got {_json_type(doc_id)}")
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_STRINGS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return ArticleError(where, f"'{name}' must be a string, got {_json_type(value)}")
        fields[name] = value
    published_value = record.get("published")
    published = None
    if published_value is not None and published_value != "":
        published = parse_date(published_value) if isinstance(published_value, str) else None
        if published is None:
            return ArticleError(where, date_problem("'published'", published_value))
    return build_article(
        where,
        text,
        doc_id=doc_id,
        title=fields["title"],
        published=published,
        source=fields["source"],
        url=fields["url"],
        language=fields["language"],
    )


@dataclass(frozen=True)
class LineProblem:
    """A line that could not be read (too long, not UTF-8): what is wrong with it."""

    problem: str


def parse_jsonl_lines(lines: Iterable[str | LineProblem], where: str) -> Iterator[Article | ArticleError]:
    """Articles from lines of JSONL; line ``n`` (1-based) is named ``where:n``. Blank lines are
    skipped; an input without any non-blank line gives one error."""
    seen = False
    for number, line in enumerate(lines, 1):
        name = f"{where}:{number}"
        if isinstance(line, LineProblem):
            seen = True
            yield ArticleError(name, line.problem)
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen = True
        yield parse_jsonl_line(line, name)
    if not seen:
        yield ArticleError(where, "empty file, no articles")


def text_lines(stream: IO[str], limit: int) -> Iterator[str | LineProblem]:
    """The lines of a text stream; a line over ``limit`` characters is skipped and reported."""
    for line, size in bounded_lines(stream, limit, "\n"):
        yield line if line is not None else LineProblem(size_problem(size, limit, "line"))


def read_jsonl_file(path: Path, where: str, max_bytes: int) -> Iterator[Article | ArticleError]:
    """The articles of a JSONL file, streamed line by line; ``max_bytes`` limits each line.

    A line that is not valid UTF-8 gives an error naming the line and the byte offset in the file.
    """
    try:
        with path.open("rb") as stream:
            if looks_binary(stream.read(BINARY_SAMPLE_BYTES)):
                yield ArticleError(where, "binary file, not text")
                return
            stream.seek(0)
            yield from parse_jsonl_lines(_byte_lines(stream, max_bytes), where)
    except OSError as err:
        yield ArticleError(where, f"cannot read file ({err.strerror or err})")


def _byte_lines(stream: IO[bytes], limit: int) -> Iterator[str | LineProblem]:
    offset = 0
    for raw, size in bounded_lines(stream, limit, b"\n"):
        start, offset = offset, offset + size
        if raw is None:
            yield LineProblem(size_problem(size, limit, "line"))
            continue
        if start == 0 and raw.startswith(codecs.BOM_UTF8):
            raw, start = raw[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield LineProblem(f"not valid UTF-8 text (byte offset {start + err.start})")


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a number"
