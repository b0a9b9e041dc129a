"""Write events to JSONL (the spec's records), CSV or Parquet (flat columns)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from detente.store.database import EventFilter, Store

FORMATS = ("jsonl", "csv", "parquet")


def export_events(store: Store, fmt: str, out: Path | IO[str], flt: EventFilter | None = None) -> int:
    """Write the events selected by ``flt`` to ``out`` in ``fmt``; returns how many were written.

    JSONL goes to a path or a text stream; CSV and Parquet need a path.
    """
    flt = flt or EventFilter()
    if fmt == "jsonl":
        count = 0
        handle = out.open("w", encoding="utf-8") if isinstance(out, Path) else out
        try:
            for event in store.events(flt):
                handle.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
                count += 1
        finally:
            if isinstance(out, Path):
                handle.close()
        return count
    if not isinstance(out, Path):
        raise ValueError(f"--format {fmt} writes a file: give -o FILE")
    table = store.event_rows(flt)
    if fmt == "parquet":
        pq.write_table(table, out)
    elif fmt == "csv":
        flat = table.set_column(
            table.schema.get_field_index("sources"),
            "sources",
            [[";".join(v or []) for v in table.column("sources").to_pylist()]],
        )
        pa_csv.write_csv(flat, out)
    else:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return int(table.num_rows)
