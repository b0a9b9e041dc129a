"""Checks shared by every input format: size, binary content, UTF-8, dates, language, length.

Each check returns an :class:`ArticleError` naming the input instead of raising, so a batch of
inputs goes on past a bad one.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import functools
import re
from typing import Any

from detente.errors import ArticleError
from detente.models import Article

DEFAULT_MAX_BYTES = 20_000_000
"""Largest input file read (for JSONL: largest line), in bytes."""

MAX_TEXT_CHARS = 1_000_000
"""Longest article text accepted, in characters."""

LANGUAGE_SAMPLE_CHARS = 2_000
"""How much of an article the language identifier looks at."""

MIN_WORDS_FOR_LANGUAGE = 20
"""Shorter texts are never rejected on language detection alone (detection is unreliable there)."""

MIN_LANGUAGE_PROBABILITY = 0.9
"""A text is rejected when another language than English is detected with at least this probability."""

BINARY_SAMPLE_BYTES = 8_192

_UTF8_BOM = codecs.BOM_UTF8
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}
_ENGLISH = frozenset({"en", "eng", "english"})
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def human_size(size: int) -> str:
    """``size`` bytes for messages, in decimal units: ``50 MB``, ``20.5 MB``, ``3 kB``, ``12 bytes``."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def size_problem(size: int, limit: int, what: str = "file") -> str:
    """The message for an input over the size limit: ``file is 50 MB, over the 20 MB limit``."""
    shown, allowed = human_size(size), human_size(limit)
    if shown == allowed:  # just over the limit: the rounded figures would read as equal
        shown = f"{size:,} bytes"
    return f"{what} is {shown}, over the {allowed} limit"


def looks_binary(sample: bytes) -> bool:
    """True for data that is not text: NUL bytes, or many control bytes, in the sample."""
    sample = sample[:BINARY_SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls / len(sample) > 0.05


def declared_encoding(data: bytes, markup: str) -> str | None:
    """The encoding a document declares for itself (XML declaration or HTML ``<meta charset>``).

    Returns the codec's canonical name, or None when nothing (or UTF-8, or an unknown codec) is
    declared. ``markup`` is ``"xml"`` or ``"html"``; an XML feed may also be XHTML-ish, so both
    look at the XML declaration first.
    """
    head = data[:4_096]
    match = _XML_ENCODING.match(head)
    if match is None and markup == "html":
        match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name in {"utf-8", "utf-8-sig"} else name


def decode_text(data: bytes, where: str, declared: str | None = None) -> str | ArticleError:
    """Decode file content as UTF-8 (a BOM is dropped); where that fails and the document declares
    another encoding (``declared``), as that. Never guesses: undecodable bytes give an error with
    their offset."""
    if looks_binary(data):
        return ArticleError(where, "binary file, not text")
    skipped = 0
    if data.startswith(_UTF8_BOM):
        data, skipped, declared = data[len(_UTF8_BOM) :], len(_UTF8_BOM), None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if declared is None:
            return ArticleError(where, f"not valid UTF-8 text (byte offset {skipped + err.start})")
    try:
        return data.decode(declared)
    except UnicodeDecodeError as err:
        return ArticleError(where, f"not valid {declared} text, as declared (byte offset {err.start})")


def normalise_text(text: str) -> str:
    """Article text as stored: Unix newlines, no BOM, no surrounding whitespace."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def parse_date(value: str) -> dt.date | None:
    """A publication date from ISO 8601 (``2025-11-21``, ``2025-11-21T10:00:00Z``), RFC 2822
    (``Fri, 21 Nov 2025 10:00:00 GMT``) or English words (``21 November 2025``); None if the
    value is not a full, absolute date. The date is the one written (no time-zone conversion)."""
    text = value.strip()
    if not text or len(text) > 100:  # no date is written that long
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["custom-formats", "absolute-time"]},
    )
    return parsed.date() if isinstance(parsed, dt.datetime) else None


def date_problem(field: str, value: object) -> str:
    """The message for a ``published``/``Date`` value that is not a date."""
    return f"bad {field} {value!r}: not a date (expected an ISO date such as 2025-11-21)"


def is_english(language: str) -> bool:
    """True for an English language tag: ``en``, ``en-GB``, ``eng``, ``English``."""
    primary = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
    return primary in _ENGLISH


@functools.cache
def _identifier() -> Any:
    """py3langid's identifier with normalised probabilities, loaded once on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # py3langid < 0.3 named the loader ``from_pickled_model``; 0.3+ calls it ``from_model_file``.
    loader = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model
    return loader(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The language of the start of ``text`` (ISO 639-1 code) and its probability (0-1)."""
    lang, prob = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(lang), float(prob)


def _not_english(where: str, how: str) -> ArticleError:
    return ArticleError(where, f"{how}; Detente codes English text only — article skipped")


def vet(article: Article) -> Article | ArticleError:
    """``article`` checked (empty, too long, not English); or the error that rules it out.

    A ``language`` given as other than English rules the article out. Detection runs either way
    (a label can be wrong), on texts of at least :data:`MIN_WORDS_FOR_LANGUAGE` words. The article
    comes back with ``language`` set to ``"en"`` when given as English, else to the language
    detected with confidence, else None.
    """
    where = article.origin or article.doc_id
    text = article.text
    if not text.strip():
        return ArticleError(where, "empty article")
    if len(text) > MAX_TEXT_CHARS:
        return ArticleError(
            where, f"article text too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
        )
    given = (article.language or "").strip()
    if given and not is_english(given):
        return _not_english(where, f"language given as {given!r}")
    lang, prob = detect_language(text)
    confident = prob >= MIN_LANGUAGE_PROBABILITY
    sample_words = len(text[:LANGUAGE_SAMPLE_CHARS].split())
    if confident and lang != "en" and sample_words >= MIN_WORDS_FOR_LANGUAGE:
        return _not_english(where, f"language detected as {lang!r} (p={prob:.2f})")
    language = "en" if given else (lang if confident else None)
    return article if article.language == language else article.model_copy(update={"language": language})


def check_article(article: Article) -> ArticleError | None:
    """The reason ``article`` cannot be coded (empty, too long, not English), or None if it can."""
    result = vet(article)
    return result if isinstance(result, ArticleError) else None


def build_article(
    where: str,
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Article:
    """An :class:`Article` from extracted fields: text normalised, blank fields as None,
    ``origin`` set to ``where``. ``doc_id`` defaults to the hash of the normalised text."""

    def clean(value: str | None) -> str | None:
        value = value.strip() if value else None
        return value or None

    return Article(
        text=normalise_text(text),
        doc_id=clean(doc_id) or "",
        title=clean(title),
        published=published,
        source=clean(source),
        url=clean(url),
        language=clean(language),
        origin=where,
    )
