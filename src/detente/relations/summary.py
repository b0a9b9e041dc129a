"""Merged events per undirected country pair and month, by quad class (``detente summary``/``demo``)."""

from __future__ import annotations

from dataclasses import dataclass

from detente.store import Store


@dataclass(frozen=True)
class DyadMonth:
    """Merged events between two actors in one month: each event once, however many reports."""

    a: str
    b: str
    month: str
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    mean_intensity: float
    mentions: int = 0  # the coded mentions (article reports) behind these events

    @property
    def events(self) -> int:
        """Merged events of the month, all quad classes."""
        return (
            self.verbal_cooperation
            + self.material_cooperation
            + self.verbal_conflict
            + self.material_conflict
        )


def dyad_month_summary(store: Store, *, min_events: int = 1) -> list[DyadMonth]:
    """Per undirected dyad (two different countries/organisations) and month: merged events by quad
    class, from ``merged_events`` (merged first when stale, :func:`~detente.relations.ensure_merged`).

    An event reported by five articles counts once; ``mentions`` says how many reports stand behind
    a month's events. Negated events are left out: they did not happen. The month, type and actors
    of an event are those of its representative mention.
    """
    from detente.relations.clusters import ensure_merged

    ensure_merged(store)
    rows = store.con.execute(
        """
        SELECT a, b, strftime(date_start, '%Y-%m') AS month,
               count(*) FILTER (WHERE quad_class = 'verbal_cooperation'),
               count(*) FILTER (WHERE quad_class = 'material_cooperation'),
               count(*) FILTER (WHERE quad_class = 'verbal_conflict'),
               count(*) FILTER (WHERE quad_class = 'material_conflict'),
               avg(intensity),
               sum(mentions)
        FROM merged_events
        WHERE NOT negated AND target_country IS NOT NULL AND source_country IS NOT NULL
          AND source_country <> target_country AND date_start IS NOT NULL
        GROUP BY ALL
        HAVING count(*) >= ?
        ORDER BY a, b, month
        """,
        [min_events],
    ).fetchall()
    return [
        DyadMonth(r[0], r[1], r[2], r[3], r[4], r[5], r[6], round(float(r[7]), 2), int(r[8])) for r in rows
    ]
