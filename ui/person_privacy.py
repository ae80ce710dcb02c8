"""UK GDPR requests about one person, from the People page: subject access and erasure.

Subject access writes everything held about the person to a file the advisor chooses (JSON for
a system, plain text for the person), readable by its owner only. Erasure shows what will go
and what stays, says plainly that it cannot be undone, and only then erases. Afterwards the
undo history is cleared: undoing an earlier edit of the person would write their details back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from briefings.clock import london_today
from briefings.errors import DomainError
from briefings.privacy.report_files import SavedReport
from briefings.queries.directory import PersonRow
from briefings.services import Services
from ui.dialogs.messages import ask, tell

JSON_FILTER = "JSON, for another system (*.json)"
TEXT_FILTER = "Plain text, to send to the person (*.txt)"


class PersonPrivacyButton(QPushButton):
    """A "Privacy" button whose menu holds the subject access export and erasure of the person shown.

    Signals:
        changed: (what happened) after an erasure, so the page reloads.
        said: a line for the status bar.
    """

    changed = Signal(str)
    said = Signal(str)

    def __init__(
        self,
        services: Services,
        person: Callable[[], PersonRow | None],
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("&Privacy", parent)
        self._services = services
        self._person = person
        self._undo_stack = undo_stack
        self.setToolTip("Subject access and erasure (UK GDPR)")
        menu = QMenu(self)
        self.export_action = menu.addAction("E&xport everything held (subject access)…", self.export_held)
        menu.addSeparator()
        self.erase_action = menu.addAction("E&rase person…", self.erase)
        self.setMenu(menu)

    def update_for(self, person: PersonRow | None) -> None:
        """Offer what makes sense for the person shown (an erased person cannot be erased again)."""
        self.setEnabled(person is not None)
        self.erase_action.setEnabled(person is not None and not person.erased)

    # ------------------------------------------------------------------ subject access
    def export_held(self) -> QFileDialog | None:
        """Choose a file, then write everything held about the person to it."""
        person = self._person()
        if person is None:
            return None
        today = london_today(self._services.privacy.now())
        name = f"subject-access-person-{person.id}-{today.isoformat()}.json"
        dialog = QFileDialog(
            self, f"Export everything held about {person.full_name}", str(Path(QDir.homePath()) / name)
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([JSON_FILTER, TEXT_FILTER])
        dialog.setDefaultSuffix("json")
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix("txt" if chosen == TEXT_FILTER else "json")
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.write_held(person, Path(path)))
        dialog.open()
        return dialog

    def write_held(self, person: PersonRow, path: Path) -> SavedReport | None:
        """Write the report: JSON for a .json file, plain text otherwise."""
        try:
            saved = self._services.privacy.save_subject_access(
                person.id, path, as_json=path.suffix.lower() == ".json"
            )
        except DomainError as error:
            tell(self, "Nothing was exported", error.message)
            return None
        self.said.emit(f"Wrote {saved.records:,} records about {saved.person_name} to {saved.path}")
        tell(
            self,
            "Exported",
            f"Everything held about {saved.person_name} ({saved.records:,} records) is in\n{saved.path}\n\n"
            "The file is readable by you only. Send it securely.",
            warning=False,
        )
        return saved

    # ------------------------------------------------------------------ erasure
    def erase(self) -> QMessageBox | None:
        """Show what erasing the person changes, and erase them if the advisor confirms."""
        person = self._person()
        if person is None or person.erased:
            return None
        try:
            preview = self._services.privacy.erasure_preview(person.id)
        except DomainError as error:
            return tell(self, "Cannot erase", error.message)
        text = (
            f"Erase {preview.name}?\n\n"
            + "\n".join(f"• {line}" for line in preview.lines())
            + "\n\nThis cannot be undone: Undo will not bring their details back. Backups taken "
            "before now still hold them until they are rotated away."
        )
        box = ask(self, "Erase this person?", text, "Erase", lambda: self._erase(person.id, preview.name))
        box.setIcon(QMessageBox.Icon.Warning)  # it cannot be undone
        return box

    def _erase(self, person_id: int, name: str) -> None:
        try:
            self._services.privacy.erase_person(person_id)
        except DomainError as error:
            tell(self, "Not erased", error.message)
            return
        self._undo_stack.clear()
        self.changed.emit(f"Erased {name} (person {person_id}); their attendance is kept without their name")
