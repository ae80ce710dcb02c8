"""Exports, invites, certificate checks and preferences, hooked into the main window.

``install_export_actions(window, services, settings)`` adds Edit ▸ Preferences… (Ctrl+,) and
Tools ▸ Verify certificate…, connects the pages that ask for invites, and returns the
:class:`ExportActions` the window's export menus call with ``open_export(identifier, briefing_id)``.

The dialogs are imported when first opened, not when the window starts (they bring the
exporters' modules with them); PLC0415 is waived for those imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from briefings.errors import DomainError
from briefings.services import Services
from ui.dialogs.messages import tell
from ui.formatting import plural

if TYPE_CHECKING:
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.dialogs.verify_dialog import VerifyCertificateDialog
    from ui.exporting.dialog_base import ExportDialogBase
    from ui.exporting.invites_dialog import InvitesDialog
    from ui.exporting.run import ExportReport

INVITES = "invites"  # the Invites… action: the dialog with the kind last used
INVITE_KINDS = ("ics-invites", "eml-invites")  # as ui.exporting.invites_dialog names them


class ExportActions(QObject):
    """Opens the dialogs; each runs its export itself and reports back here."""

    def __init__(self, window: QMainWindow, services: Services, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._settings = settings

    def open_export(self, identifier: str, briefing_id: int | None = None) -> QDialog | None:
        """The dialog for a registered export (invites get the invites dialog)."""
        if identifier == INVITES or identifier in INVITE_KINDS:
            kind = identifier if identifier in INVITE_KINDS else None
            return self.open_invites(briefing_id, None, kind)
        from exports.registry import spec  # noqa: PLC0415
        from ui.exporting.export_dialog import ExportDialog  # noqa: PLC0415

        try:
            dialog = ExportDialog(
                spec(identifier), self._services, self._settings, self._window, briefing_id=briefing_id
            )
        except KeyError:
            tell(self._window, "No such export", f"This version has no export called “{identifier}”.")
            return None
        except DomainError as error:  # the briefing was deleted meanwhile
            tell(self._window, "Cannot export", error.message)
            return None
        return self._show(dialog)

    def open_invites(
        self, briefing_id: int | None = None, series_id: int | None = None, kind: str | None = None
    ) -> InvitesDialog | None:
        """The invites dialog for a briefing, a series, or (neither) a choice of series."""
        from ui.exporting.invites_dialog import InvitesDialog  # noqa: PLC0415

        try:
            dialog = InvitesDialog(
                self._services,
                self._settings,
                self._window,
                briefing_id=briefing_id,
                series_id=series_id,
                kind=kind,
            )
        except DomainError as error:
            tell(self._window, "Cannot write invites", error.message)
            return None
        self._show(dialog)
        return dialog

    def verify_certificate(self) -> VerifyCertificateDialog:
        """Open Tools ▸ Verify certificate."""
        from ui.dialogs.verify_dialog import VerifyCertificateDialog  # noqa: PLC0415

        dialog = VerifyCertificateDialog(self._services, self._window)
        dialog.open()
        return dialog

    def edit_preferences(self) -> PreferencesDialog:
        """Open Edit ▸ Preferences."""
        from ui.dialogs.preferences_dialog import PreferencesDialog  # noqa: PLC0415

        dialog = PreferencesDialog(self._services, self._window)
        dialog.saved.connect(lambda _values: self._say("Preferences saved"))
        dialog.open()
        return dialog

    def _show(self, dialog: ExportDialogBase) -> ExportDialogBase:
        dialog.written.connect(self._written)
        dialog.open()
        return dialog

    def _written(self, report: ExportReport) -> None:
        self._say(f"Wrote {plural(len(report.written), 'file')} to {report.folder}")
        current_page = getattr(self._window, "current_page", None)  # certificate numbers, invite states
        if current_page is not None:
            current_page().refresh()

    def _say(self, message: str) -> None:
        say = getattr(self._window, "say", None)
        if say is not None:
            say(message)


def menu_named(window: QMainWindow, title: str, *, before: str | None = None) -> QMenu:
    """The menu bar's menu with this title, made (ahead of ``before``) if it is not there yet."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == title:
            return menu
    menu = QMenu(title, bar)
    anchor = next((a for a in bar.actions() if a.text() == before), None)
    if anchor is not None:
        bar.insertMenu(anchor, menu)
    else:
        bar.addMenu(menu)
    return menu


def install_export_actions(window: QMainWindow, services: Services, settings: QSettings) -> ExportActions:
    """Add the menu entries and connect the pages that ask for invites; returns the actions."""
    actions = ExportActions(window, services, settings)
    preferences = QAction("&Preferences…", window)
    preferences.setShortcut(QKeySequence("Ctrl+,"))
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    preferences.triggered.connect(lambda _checked=False: actions.edit_preferences())
    edit = menu_named(window, "&Edit", before="&View")
    edit.addSeparator()
    edit.addAction(preferences)
    verify = QAction("&Verify certificate…", window)
    verify.triggered.connect(lambda _checked=False: actions.verify_certificate())
    menu_named(window, "&Tools", before="&Help").addAction(verify)
    for page in getattr(window, "pages", ()):
        asked = getattr(page, "invites_requested", None)  # pages with an Invites… button
        if asked is not None:
            asked.connect(actions.open_invites)
    return actions
