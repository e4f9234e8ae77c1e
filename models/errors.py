"""Errors the user can act on: the CLI prints them as one line, the GUI as a dialog."""

from __future__ import annotations


class DubaoError(Exception):
    """A problem with the user's input, stated in one line that names what to fix."""


class PageFileError(DubaoError):
    """A file that cannot be read as an OCR'd page."""


class InputFileError(PageFileError):
    """A path given to read that is no readable regular file (missing, a loop, a FIFO, too big)."""


class ExportError(DubaoError):
    """An export that was refused or could not be written; the target file is left as it was."""


class LibraryWriteError(DubaoError):
    """A change the library could not store: nothing of it was written, and the library is intact.

    ``reason`` says why, for the window to decide whether retrying can help: ``"busy"``
    (another program held the write lock past the busy timeout), ``"full"`` (the disk is
    full), ``"read-only"`` (file, folder or disk not writable) or ``"io"`` (any other failure).
    """

    def __init__(self, message: str, reason: str = "io") -> None:
        super().__init__(message)
        self.reason = reason

    @property
    def retry_may_help(self) -> bool:
        """True when trying the same action again later can succeed (a lock, a full disk)."""
        return self.reason in ("busy", "full")


class LibraryBusyError(LibraryWriteError):
    """Another program held the library's write lock for longer than the busy timeout."""


class DiskFullError(LibraryWriteError):
    """The disk holding the library (or its journal) is full."""


class ReadOnlyLibraryError(LibraryWriteError):
    """The library file, its folder or its disk cannot be written."""


class EditConflict(DubaoError):
    """A change made on an older version of a highlight or a span of text than the library now holds.

    It was not applied: the library keeps the colleague's version in force and this one in the
    history (a reverted correction, a highlight revision marked ``conflict``). ``author`` and
    ``when`` say who changed it since, and when (UTC); ``kept`` names what holds this version.
    """

    def __init__(
        self,
        message: str,
        author: str = "",
        when: object = None,
        kept: tuple[int, ...] = (),
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.author = author
        self.when = when
        self.kept = kept
        #: what was changed and where this version is kept (the window's dialog shows it under
        #: its own sentence of who and when)
        self.detail = detail or message
