"""Where the app's bundled files live: ``resources/`` (the sample page, reading tables,
translations, icons and learned models).

Every module finds a bundled file through :func:`resource_path`, never by walking up from its
own ``__file__``, so that one place decides where an installed copy keeps them. ``resources/``
sits beside the ``models`` package in a checkout and in the installed ``dubao`` package alike
(setup.py ships it as package data); the import system's record of where ``models`` was
imported from (its spec, as :mod:`importlib.resources` reads it) locates it, so the same lookup
serves ``python main.py``, ``pip install -e .`` and an installed wheel. (Not through
importlib.resources itself: importing it costs 4-5 ms of every start-up's CPU.)
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    """The ``resources`` folder shipped with the ``models`` package that is running."""
    spec = sys.modules["models"].__spec__
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if folders:
        return Path(folders[0]).parent / "resources"
    from importlib.resources import files  # a package that is not a folder of files

    return Path(str(files("models"))).parent / "resources"


def resource_path(*parts: str) -> Path:
    """The bundled file or folder ``resources/<parts>``."""
    return resources_root().joinpath(*parts)


def resource_digest(*parts: str) -> str:
    """A short digest (SHA-1, eight hex digits) of the bundled file ``resources/<parts>``, as
    the parser's version names its shipped weights; "none" where the file is not there."""
    import hashlib

    path = resource_path(*parts)
    return hashlib.sha1(path.read_bytes()).hexdigest()[:8] if path.exists() else "none"
