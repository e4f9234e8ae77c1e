"""A page's text as an OCR engine prints it when it prints no blank line (one definition for
the tools that read, score or train on such pages)."""

from __future__ import annotations


def without_blanks(raw: str) -> str:
    """The page's lines with every blank (or white-space-only) line taken out, no other
    character changed; each kept line ends with a newline."""
    return "".join(line + "\n" for line in raw.split("\n") if line.strip())
