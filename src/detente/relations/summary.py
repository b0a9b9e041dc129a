"""Counts of events per undirected country pair and month, by quad class."""

from __future__ import annotations

from dataclasses import dataclass

from detente.store import Store


@dataclass(frozen=True)
class DyadMonth:
    """Events between two actors in one month."""

    a: str
    b: str
    month: str
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    mean_intensity: float


def dyad_month_summary(store: Store, *, min_events: int = 1) -> list[DyadMonth]:
    """Per undirected dyad (two different countries/organisations) and month: counts by quad class.

    Negated events are left out: they did not happen.
    """
    rows = store.con.execute(
        """
        SELECT least(source_country, target_country) AS a,
               greatest(source_country, target_country) AS b,
               strftime(date_start, '%Y-%m') AS month,
               count(*) FILTER (WHERE quad_class = 'verbal_cooperation'),
               count(*) FILTER (WHERE quad_class = 'material_cooperation'),
               count(*) FILTER (WHERE quad_class = 'verbal_conflict'),
               count(*) FILTER (WHERE quad_class = 'material_conflict'),
               avg(intensity)
        FROM events
        WHERE NOT negated AND target_country IS NOT NULL AND source_country IS NOT NULL
          AND source_country <> target_country AND date_start IS NOT NULL
        GROUP BY ALL
        HAVING count(*) >= ?
        ORDER BY a, b, month
        """,
        [min_events],
    ).fetchall()
    return [DyadMonth(r[0], r[1], r[2], r[3], r[4], r[5], r[6], round(float(r[7]), 2)) for r in rows]
