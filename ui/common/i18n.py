"""Loading the UI translation for the chosen or the system language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from models.resources import resource_path

TRANSLATIONS = resource_path("translations")


def locale_for(language: str) -> QLocale:
    """The locale for a setting: "system" follows the desktop, else a name such as "zh_CN"."""
    return QLocale.system() if language in ("", "system") else QLocale(language)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install Dubao's and Qt's own translations for ``language``; return them (keep them alive)."""
    locale = locale_for(language)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    # A language Dubao has no translation for (a desktop set to "C", German …) gets the English
    # one, whose plural forms say "1 flag", not the source strings' "1 flags".
    if ours.load(locale, "dubao", "_", str(TRANSLATIONS)) or ours.load("dubao_en", str(TRANSLATIONS)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
