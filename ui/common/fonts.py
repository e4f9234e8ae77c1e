"""Choosing a font that can show Chinese text."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

#: Sans faces for captions and bylines, when there is one.
PREFERRED_SANS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
)
#: Preferred reading faces: serif (Song/Ming, as newspapers print) first, then the sans ones.
PREFERRED_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Songti SC",
    "SimSun",
    "AR PL UMing CN",
    *PREFERRED_SANS,
    "Droid Sans Fallback",
)
INSTALL_HINT = "sudo apt-get install fonts-noto-cjk"


def cjk_families() -> list[str]:
    """Installed families that declare Simplified Chinese support."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def pick_cjk_family(preferred: tuple[str, ...] = PREFERRED_FAMILIES) -> str | None:
    """The best installed family for Chinese text, or None when there is none."""
    installed = cjk_families()
    if not installed:
        return None
    lookup = {name.lower(): name for name in installed}
    for name in preferred:
        if name.lower() in lookup:
            return lookup[name.lower()]
    return installed[0]


def has_family(family: str) -> bool:
    return family in QFontDatabase.families()
