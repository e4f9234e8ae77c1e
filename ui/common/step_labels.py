"""The core names each undoable step in English ("correct text", "highlight"); the Edit menu's
Undo and Redo say it in the window's language. A label the table does not know is shown as is."""

from __future__ import annotations

from PySide6.QtCore import QObject


class StepLabels(QObject):
    """Translates the core's step labels (plain text in, plain text out)."""

    def _fixed(self) -> dict[str, str]:
        return {
            "correct text": self.tr("correct text"),
            "split paragraph": self.tr("split paragraph"),
            "join paragraphs": self.tr("join paragraphs"),
            "split article": self.tr("split article"),
            "join articles": self.tr("join articles"),
            "move section": self.tr("move section"),
            "revert correction": self.tr("revert correction"),
            "revert batch": self.tr("revert batch"),
            "revert structure edit": self.tr("revert structure edit"),
            "reinstate correction": self.tr("reinstate correction"),
            "reinstate structure edit": self.tr("reinstate structure edit"),
            "dismiss flag": self.tr("dismiss flag"),
            "add to dictionary": self.tr("add to dictionary"),
            "mark page done": self.tr("mark page done"),
            "mark page in progress": self.tr("mark page in progress"),
            "mark page unchecked": self.tr("mark page unchecked"),
            "import corrections": self.tr("import corrections"),
            "highlight": self.tr("highlight"),
            "delete highlight": self.tr("delete highlight"),
            "restore highlight": self.tr("restore highlight"),
            "change category": self.tr("change category"),
            "edit note": self.tr("edit note"),
            "edit tags": self.tr("edit tags"),
            "add tag": self.tr("add tag"),
            "remove tag": self.tr("remove tag"),
            "rename tag": self.tr("rename tag"),
            "recolour tag": self.tr("recolour tag"),
            "merge tags": self.tr("merge tags"),
            "delete tag": self.tr("delete tag"),
            "edit category": self.tr("edit category"),
            "move category": self.tr("move category"),
            "delete category": self.tr("delete category"),
            "import annotations": self.tr("import annotations"),
        }

    def _made(self) -> dict[str, str]:
        """What a paragraph or section was made ("make heading", "make caption")."""
        return {
            "heading": self.tr("make heading"),
            "kicker": self.tr("make kicker"),
            "subheading": self.tr("make subheading"),
            "byline": self.tr("make byline"),
            "body": self.tr("make body text"),
            "article": self.tr("make article"),
            "caption": self.tr("make caption"),
            "masthead": self.tr("make masthead"),
            "other": self.tr("make other"),
        }

    def name(self, label: str) -> str:
        fixed = self._fixed()
        if label in fixed:
            return fixed[label]
        if label.startswith("make "):
            return self._made().get(label[5:], label)
        if label.startswith("correct ") and " → " in label:
            old, new = label[8:].split(" → ", 1)
            if not new:  # a series with nothing to put in: it deleted
                return self.tr("delete %1").replace("%1", old)
            return self.tr("correct %1 → %2").replace("%1", old).replace("%2", new)
        if label.startswith("add category "):
            return self.tr("add category %1").replace("%1", label[13:])
        return label
