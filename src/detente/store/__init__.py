"""Storage: an embedded DuckDB database and exports (JSONL, CSV, Parquet)."""

from detente.store.database import EventFilter, IngestStats, Store, default_db_path
from detente.store.export import export_events

__all__ = ["EventFilter", "IngestStats", "Store", "default_db_path", "export_events"]
