"""Giving memory that Python and the libraries freed back to the system.

glibc's malloc keeps freed memory in its heaps for the next allocation; after a page's words
and readings are made (many short-lived objects, numpy's arrays, in a worker thread with its
own heap) that memory stays resident although nothing uses it: about 20 MB of a reading
session. ``malloc_trim`` returns it. Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache


@cache
def _trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc


def give_back_free_memory() -> bool:
    """Return freed heap memory to the system; True where that was done (glibc)."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
