"""Reading articles from paths and standard input: format dispatch, directories, size limits."""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TextIO

from detente.errors import ArticleError
from detente.ingest.checks import (
    DEFAULT_MAX_BYTES,
    declared_encoding,
    decode_text,
    looks_binary,
    size_problem,
    vet,
)
from detente.ingest.feeds import parse_feed
from detente.ingest.jsonl import parse_jsonl_lines, read_jsonl_file, text_lines
from detente.ingest.text import parse_text_article
from detente.ingest.webpage import parse_html_page
from detente.models import Article

TEXT_EXTENSIONS = (".txt", ".text")
HTML_EXTENSIONS = (".html", ".htm")
FEED_EXTENSIONS = (".xml", ".rss", ".atom", ".feed")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + FEED_EXTENSIONS + JSONL_EXTENSIONS
"""File name extensions read (case-insensitive); other files in a directory are skipped."""

STDIN = "-"
STDIN_NAME = "<stdin>"


def read_articles(
    paths: Sequence[str | Path],
    published: dt.date | None = None,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | ArticleError]:
    """Every article in ``paths`` (files, directories, ``-`` for standard input), in order.

    Yields an :class:`Article` per good article and an :class:`ArticleError` per bad input,
    never raising for a bad input. ``published`` fills the date of articles that have none.
    ``stdin`` replaces ``sys.stdin`` (read as UTF-8) for ``-``. ``max_bytes`` limits the size of a
    file, or of one line of a JSONL file.
    """
    for path in paths:
        items = read_stdin(stdin, max_bytes) if str(path) == STDIN else read_path(path, max_bytes)
        for item in items:
            if published is not None and isinstance(item, Article) and item.published is None:
                item = item.model_copy(update={"published": published})
            yield item


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ArticleError]:
    """The articles of one file (format by extension) or directory (recursively, files in sorted
    order, only supported extensions, hidden files and folders skipped)."""
    where = str(path)
    path = Path(path)
    try:
        if path.is_dir():
            yield from _read_directory(path, max_bytes)
            return
        exists = path.exists()
    except OSError as err:  # e.g. a name too long, or a folder on the way without permission
        yield ArticleError(where, f"cannot read ({err.strerror or err})")
        return
    if not exists:
        yield ArticleError(where, "no such file or directory")
    elif path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        expected = ", ".join(SUPPORTED_EXTENSIONS)
        yield ArticleError(where, f"unsupported file type {kind} (expected {expected})")
    elif not path.is_file():
        yield ArticleError(where, "not a regular file")
    else:
        yield from _read_file(path, where, max_bytes)


def read_stdin(
    stdin: TextIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ArticleError]:
    """Articles from standard input: JSONL if its first non-blank character is ``{``, else one
    text article (with optional headers, as in a ``.txt`` file). Named ``<stdin>`` in errors."""
    wrapper: io.TextIOWrapper | None = None
    stream: TextIO
    if stdin is not None:
        stream = stdin
    else:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:
            stream = sys.stdin
        else:  # decode as UTF-8 whatever the locale says
            wrapper = io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="strict")
            stream = wrapper
    try:
        yield from _read_stream(stream, max_bytes)
    except UnicodeDecodeError:
        yield ArticleError(STDIN_NAME, "not valid UTF-8 text")
    finally:
        if wrapper is not None:
            wrapper.detach()  # leave sys.stdin's own buffer open


def _read_stream(stream: TextIO, max_bytes: int) -> Iterator[Article | ArticleError]:
    lines = text_lines(stream, max_bytes)
    head: list[str] = []
    for line in lines:
        if not isinstance(line, str):  # a line over the limit: the format cannot be told
            yield ArticleError(f"{STDIN_NAME}:{len(head) + 1}", line.problem)
            return
        head.append(line)
        if line.strip("\ufeff \t\r\n"):
            break
    first = "".join(head).lstrip("\ufeff \t\r\n")
    if first.startswith("{"):
        for item in parse_jsonl_lines(chain(head, lines), STDIN_NAME):
            yield _vetted(item)
        return
    text = "".join(head)
    text += stream.read(max(0, max_bytes + 1 - len(text)))
    if len(text) > max_bytes:
        yield ArticleError(STDIN_NAME, size_problem(len(text), max_bytes, "input"))
    elif looks_binary(text[:8_192].encode("utf-8", "surrogatepass")):
        yield ArticleError(STDIN_NAME, "binary input, not text")
    elif not text.strip("\ufeff \t\r\n"):
        yield ArticleError(STDIN_NAME, "empty article")
    else:
        yield _vetted(parse_text_article(text, STDIN_NAME))


def _read_directory(root: Path, max_bytes: int) -> Iterator[Article | ArticleError]:
    problems: list[OSError] = []
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root, onerror=problems.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(
            Path(folder, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS
        )
    for problem in problems:
        name = str(problem.filename or root)
        yield ArticleError(name, f"cannot read folder ({problem.strerror or problem})")
    if not found and not problems:
        yield ArticleError(
            str(root), f"no article files in folder (looked for {', '.join(SUPPORTED_EXTENSIONS)})"
        )
    for path in sorted(found):
        if path.is_file():  # not a broken link, a socket ...
            yield from _read_file(path, str(path), max_bytes)


def _read_file(path: Path, where: str, max_bytes: int) -> Iterator[Article | ArticleError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_EXTENSIONS:
        for item in read_jsonl_file(path, where, max_bytes):
            yield _vetted(item)
        return
    data = _load(path, where, max_bytes)
    if isinstance(data, ArticleError):
        yield data
        return
    if not data.strip():
        yield ArticleError(where, "empty article")
        return
    if suffix in FEED_EXTENSIONS:
        checked = decode_text(data, where, declared_encoding(data, "xml"))
        if isinstance(checked, ArticleError):
            yield checked
            return
        for item in parse_feed(data, where):
            yield _vetted(item)
        return
    markup = "html" if suffix in HTML_EXTENSIONS else None
    text = decode_text(data, where, declared_encoding(data, markup) if markup else None)
    if isinstance(text, ArticleError):
        yield text
    elif suffix in HTML_EXTENSIONS:
        yield _vetted(parse_html_page(text, where))
    else:
        yield _vetted(parse_text_article(text, where))


def _load(path: Path, where: str, max_bytes: int) -> bytes | ArticleError:
    """The bytes of a file, its size checked before reading (a huge file is never read)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return ArticleError(where, size_problem(size, max_bytes))
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as err:
        return ArticleError(where, f"cannot read file ({err.strerror or err})")
    if len(data) > max_bytes:  # grew since stat
        return ArticleError(where, size_problem(len(data), max_bytes))
    return data


def _vetted(item: Article | ArticleError) -> Article | ArticleError:
    return item if isinstance(item, ArticleError) else vet(item)
