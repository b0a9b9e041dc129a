"""Article text cut into plain and marked pieces. Templates escape every piece's text (autoescape),
so an article's own markup is shown, never run; nothing here builds HTML."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Piece:
    """A run of article text; ``kind`` is None for plain text, else the mark's class."""

    text: str
    kind: str | None = None
    title: str | None = None
    testid: str | None = None


@dataclass(frozen=True)
class Span:
    """A marked range ``[start, end)`` of the text."""

    start: int
    end: int
    kind: str
    title: str
    testid: str | None = None


def cut(text: str, spans: list[Span]) -> list[Piece]:
    """``text`` as pieces, marking ``spans`` (a span overlapping an earlier-starting one is dropped)."""
    pieces: list[Piece] = []
    at = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        start, end = max(span.start, 0), min(span.end, len(text))
        if start < at or end <= start:
            continue
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], span.kind, span.title, span.testid))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces


def evidence_pieces(text: str, start: int | None, end: int | None) -> list[Piece]:
    """The article text with one sentence marked as the evidence."""
    if start is None or end is None:
        return [Piece(text)]
    while end > start and text[end - 1].isspace():  # a sentence keeps the blank line after it
        end -= 1
    return cut(text, [Span(start, end, "evidence", "evidence sentence", "evidence")])


def _find(text: str, needle: str | None, start: int, end: int) -> int:
    if not needle:
        return -1
    return text.find(needle, start, end)


def article_spans(text: str, events: list[dict[str, Any]], sentences: list[dict[str, Any]]) -> list[Span]:
    """Event triggers (their stored spans) and actor mentions (found in the event's sentence)."""
    bounds = {s["sentence_index"]: (s["start_char"], s["end_char"]) for s in sentences}
    spans: list[Span] = []
    for row in events:
        title = f"{row['event_type']}{' / ' + row['mode'] if row['mode'] else ''}"
        if row.get("negated"):
            title += " (negated)"
        spans.append(Span(row["span_start"], row["span_end"], "event", title))
        low, high = bounds.get(row["sentence_index"], (0, len(text)))
        for role in ("source", "target", "claimant"):
            mention = row.get(f"{role}_text")
            where = _find(text, mention, low, high)
            if where < 0 or mention is None:
                continue
            code = "/".join(p for p in (row.get(f"{role}_country"), row.get(f"{role}_sector")) if p)
            label = row.get(f"{role}_name") or mention
            spans.append(
                Span(where, where + len(mention), "actor", f"{role}: {label}{f' ({code})' if code else ''}")
            )
    return spans
