"""The annotations dock, made before the annotation session (which loads with the core's modules).

The window makes it before its first paint, empty with its hint, so the page's columns keep
their width when the session (built just after, ``ui.shell.capabilities``) takes it over.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

ANNOTATIONS_DOCK = "annotationsDock"


def annotations_dock(window: QMainWindow) -> QDockWidget:
    """The window's annotations dock, made (empty, with its hint) if it is not there yet."""
    dock = window.findChild(QDockWidget, ANNOTATIONS_DOCK, Qt.FindChildOption.FindDirectChildrenOnly)
    if dock is not None:
        return dock
    # The annotation session's strings (its translation context), so both read alike.
    dock = QDockWidget(QCoreApplication.translate("AnnotationSession", "Annotations"), window)
    dock.setObjectName(ANNOTATIONS_DOCK)
    placeholder = QLabel(
        QCoreApplication.translate(
            "AnnotationSession",
            "Select words and press 1–9 to highlight them; the page is kept in the library.",
        )
    )
    placeholder.setWordWrap(True)
    placeholder.setTextFormat(Qt.TextFormat.PlainText)
    dock.setWidget(placeholder)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    return dock
