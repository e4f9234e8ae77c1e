"""Errors the user can act on: the CLI prints them as one line, the GUI as a dialog."""

from __future__ import annotations


class DubaoError(Exception):
    """A problem with the user's input, stated in one line that names what to fix."""


class PageFileError(DubaoError):
    """A file that cannot be read as an OCR'd page."""
