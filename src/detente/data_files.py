"""Access to the package's versioned data files (patterns, dictionaries, demo corpus)."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml

from detente.errors import KnowledgeError

DATA = resources.files("detente") / "data"


def data_path(*parts: str) -> Traversable:
    """The packaged data file or folder at ``data/<parts>``."""
    node = DATA
    for part in parts:
        node = node / part
    return node


def load_yaml(*parts: str) -> dict[str, Any]:
    """Parse a packaged YAML file, raising :class:`KnowledgeError` naming it when malformed."""
    node = data_path(*parts)
    try:
        loaded = yaml.safe_load(node.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"data/{'/'.join(parts)}: {exc}") from exc
    if not isinstance(loaded, dict):
        raise KnowledgeError(f"data/{'/'.join(parts)}: expected a mapping at the top level")
    return loaded


def read_csv(*parts: str) -> Iterator[dict[str, str]]:
    """Rows of a packaged CSV file as dicts (empty cells as ''); missing file yields nothing."""
    node = data_path(*parts)
    if not node.is_file():
        return
    text = node.read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        yield {key: (value or "").strip() for key, value in row.items() if key}


def csv_files(*parts: str) -> list[tuple[str, ...]]:
    """The CSV files inside a packaged folder, as path parts, sorted by name."""
    folder = data_path(*parts)
    if not folder.is_dir():
        return []
    names = sorted(child.name for child in folder.iterdir() if child.name.endswith(".csv"))
    return [(*parts, name) for name in names]


def knowledge_fingerprint() -> str:
    """A short hash over every data file that shapes coding: it goes into each event's code version."""
    digest = hashlib.sha256()
    for folder in ("coding", "actors", "places"):
        for node in sorted(_walk(data_path(folder)), key=lambda n: str(n)):
            digest.update(str(node).rsplit("data", 1)[-1].encode())
            digest.update(node.read_bytes())
    return digest.hexdigest()[:10]


# the Python modules whose rules decide the events, beside the data files
CODER_SOURCES = ("coding", "actors", "geo", "nlp", "core.py")


def code_version() -> str:
    """What every event records as its ``code_version``: Detente's version plus a short hash of the
    knowledge files and of the coder's own modules, so that a changed rule or list gives a new
    version (and ``detente recode`` knows which stored articles to redo)."""
    from detente import __version__

    digest = hashlib.sha256(knowledge_fingerprint().encode())
    root = resources.files("detente")
    for part in CODER_SOURCES:
        nodes = [n for n in _walk(root / part) if n.name.endswith(".py")]
        for node in sorted(nodes, key=lambda n: str(n)):
            digest.update(node.name.encode())
            digest.update(node.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def _walk(node: Traversable) -> Iterator[Traversable]:
    if node.is_file():
        yield node
    elif node.is_dir():
        for child in node.iterdir():
            yield from _walk(child)
