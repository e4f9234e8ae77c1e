"""Giving memory that Python and the libraries freed back to the system.

glibc's malloc keeps freed memory in its heaps for the next allocation; after a page's words
and readings are made (many short-lived objects, numpy's arrays, in a worker thread with its
own heap) that memory stays resident although nothing uses it: about 20 MB of a reading
session. ``malloc_trim`` returns it. Elsewhere (macOS, Windows, musl) this does nothing.

glibc also gives threads heaps of their own (up to eight per core). The window's language work
runs on threads of its own (the tables' load, then a thread per page read), so what they free sits
in other heaps than the main thread's, each keeping its own free pieces: a 40-page session ended
10-16 MB higher than with one heap shared by all threads (``share_one_heap``). Python holds the GIL
around nearly every allocation, so the threads rarely wait on the shared heap's lock.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

#: glibc's ``mallopt`` parameter: the most heaps threads may have.
_M_ARENA_MAX = -8


@cache
def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


@cache
def share_one_heap() -> bool:
    """Let threads started from now on allocate from the main heap (glibc; once a process).
    True where that was done."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None or not callable(getattr(libc, "malloc_trim", None)):
        return False  # not glibc (musl has neither)
    return bool(mallopt(_M_ARENA_MAX, 1))


@cache
def _trim():
    return getattr(_libc(), "malloc_trim", None)  # None: not glibc


def give_back_free_memory() -> bool:
    """Return freed heap memory to the system; True where that was done (glibc)."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
