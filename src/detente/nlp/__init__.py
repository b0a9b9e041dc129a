"""Loading the spaCy pipeline offline."""

from detente.nlp.loader import MODEL_PACKAGES, load_nlp

__all__ = ["MODEL_PACKAGES", "load_nlp"]
