"""Offline gazetteer: place names (with alternate names) to coordinates and country."""

from detente.geo.gazetteer import Gazetteer, load_gazetteer

__all__ = ["Gazetteer", "load_gazetteer"]
