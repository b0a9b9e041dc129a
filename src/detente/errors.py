"""Detente's own exceptions. The core raises them; each edge (CLI, API) translates them."""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error Detente raises on purpose."""


class ArticleError(DetenteError):
    """An input article (or file) could not be read. ``where`` names the input: path, line."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class ModelNotFoundError(DetenteError):
    """No English spaCy model is installed."""


class KnowledgeError(DetenteError):
    """A data file of the package (patterns, dictionaries) is malformed."""


class StoreError(DetenteError):
    """The database could not be opened or written."""
