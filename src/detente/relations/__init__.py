"""Relations between actors: merged events, series per dyad and track, facade gap, timeline (SQL)."""

from detente.relations.clusters import MergeStats, ensure_merged, merge_store
from detente.relations.merge import Mention, cluster_events, cluster_mentions, evaluate_pairs, same_event
from detente.relations.series import (
    DyadSeries,
    DyadView,
    FacadePeriod,
    TimelineEvent,
    TurningPoint,
    dyad_series,
    dyad_view,
    facade_gap,
    timeline,
    turning_points,
)
from detente.relations.summary import DyadMonth, dyad_month_summary
from detente.relations.tracks import load_tracks, track_of

__all__ = [
    "DyadMonth",
    "DyadSeries",
    "DyadView",
    "FacadePeriod",
    "Mention",
    "MergeStats",
    "TimelineEvent",
    "TurningPoint",
    "cluster_events",
    "cluster_mentions",
    "dyad_month_summary",
    "dyad_series",
    "dyad_view",
    "ensure_merged",
    "evaluate_pairs",
    "facade_gap",
    "load_tracks",
    "merge_store",
    "same_event",
    "timeline",
    "track_of",
    "turning_points",
]
