"""Where the app's bundled files live: ``resources/`` (the sample page, reading tables,
translations, icons and learned models).

Every module finds a bundled file through :func:`resource_path`, never by walking up
from its own ``__file__``, so that one place decides where an installed copy keeps them.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The bundled file or folder ``resources/<parts>``."""
    return RESOURCES.joinpath(*parts)
