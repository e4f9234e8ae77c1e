"""What a library has taught the proofreading checker, read without changing the file.

``check --db`` opens the library read-only and asks it what the window's checker asks it too
(:meth:`Library.learnt_knowledge`: the word list, the character pairs editors corrected, the
flags they dismissed), so the checker gets the same plain data
(:class:`~models.proofreading.checker_knowledge.LibraryKnowledge`) from both.
"""

from __future__ import annotations

import os
from pathlib import Path

from models.errors import DubaoError
from models.proofreading.checker_knowledge import LibraryKnowledge


def proofreading_knowledge(path: str | os.PathLike[str]) -> LibraryKnowledge:
    """The word list, corrected character pairs and dismissed flags of the library at ``path``."""
    from models.library.server import is_server_url
    from models.library.service import Library

    file: str | Path = str(path) if is_server_url(path) else Path(path)
    if isinstance(file, Path) and not file.is_file():
        raise DubaoError(f"{file}: no such library file")
    with Library.open(file, read_only=True) as library:
        return library.learnt_knowledge()
