"""Relations between actors: summaries and series per dyad, computed in SQL over the store."""

from detente.relations.summary import DyadMonth, dyad_month_summary

__all__ = ["DyadMonth", "dyad_month_summary"]
