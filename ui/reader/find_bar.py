"""The find-in-page bar: a query field, previous/next and the hit count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Emits the query as it is typed; Enter goes to the next hit, Shift+Enter back, Esc closes."""

    queryChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in page"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.queryChanged)
        self.field.returnPressed.connect(self.nextRequested)
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(90)
        self.previous = QToolButton()
        self.previous.setText("▲")
        self.previous.setToolTip(self.tr("Previous hit (Shift+F3)"))
        self.previous.clicked.connect(self.previousRequested)
        self.next = QToolButton()
        self.next.setText("▼")
        self.next.setToolTip(self.tr("Next hit (F3)"))
        self.next.clicked.connect(self.nextRequested)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)

    def open(self) -> None:
        """Show the bar with its text selected, ready for a new query."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def dismiss(self) -> None:
        # Told first, while the bar still has the keyboard: the window hands it back to the
        # column of the hit (hidden first, Qt would give it to the next widget, the masthead).
        self.closed.emit()
        self.hide()

    def set_count(self, current: int, total: int) -> None:
        """Show "3 of 12" (current is 0-based; -1 when there is none)."""
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No hits"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(current + 1)).replace("%2", str(total)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.previousRequested.emit()
                return True
        return super().eventFilter(watched, event)
