"""A scroll area's viewport, reached without PySide6's search through every widget class.

``QAbstractScrollArea.viewport()`` hands Python a QWidget made by Qt that has no wrapper yet, and
PySide6 then looks for its most derived Python type by going through every QWidget class it knows:
the first time, that builds the enum types of ~50 classes the window never uses (QWizard,
QCalendarWidget, QMdiArea…), 10-20 ms of CPU before the first paint (issue 11). ``findChild``
with the viewport's object name wraps it as the QWidget it is, and every later ``viewport()``
returns that wrapper.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

#: the object name Qt gives the viewport it makes for every scroll area
VIEWPORT_NAME = "qt_scrollarea_viewport"


def wrap_viewport(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, wrapped without the search (call it first, in the area's constructor)."""
    found = area.findChild(QWidget, VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()
