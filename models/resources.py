"""Where the app's bundled files live: ``resources/`` (the sample page, reading tables,
translations, icons and learned models).

Every module finds a bundled file through :func:`resource_path`, never by walking up from its
own ``__file__``, so that one place decides where an installed copy keeps them. ``resources/``
sits beside the ``models`` package in a checkout and in the installed ``dubao`` package alike
(setup.py ships it as package data); :mod:`importlib.resources` locates ``models`` wherever it
was imported from, so the same lookup serves ``python main.py``, ``pip install -e .`` and an
installed wheel.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def resources_root() -> Path:
    """The ``resources`` folder shipped with the ``models`` package that is running."""
    return Path(str(files("models"))).parent / "resources"


def resource_path(*parts: str) -> Path:
    """The bundled file or folder ``resources/<parts>``."""
    return resources_root().joinpath(*parts)
