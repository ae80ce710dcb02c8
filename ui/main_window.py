"""The main window: the navigation list, the pages, the menus and the status bar.

It composes and routes; it decides nothing. Pages come from :mod:`ui.pages.catalogue`, report
through ``status_message`` and ``open_requested``, and are refreshed whenever they are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)
from typing_extensions import override

from briefings.services import Services
from ui.app_info import AppInfo
from ui.dialogs.first_run import FirstRunOffer, offer_first_run
from ui.dialogs.messages import tell
from ui.export_menu import ExportMenu
from ui.menus.export_actions import install_export_actions
from ui.menus.imports_menu import ImportMenu
from ui.menus.storage_menu import add_storage_actions
from ui.pages.page import Page, PageFactory
from ui.undo.stack import UndoStack
from ui.widgets.notice_bar import add_notice_bar

STATUS_SECONDS = 15
NEW_BRIEFING_PAGE = "BriefingsPage"


class MainWindow(QMainWindow):
    """Briefing Desk's window over one database."""

    def __init__(
        self,
        services: Services,
        info: AppInfo,
        pages: Sequence[PageFactory],
        *,
        settings: QSettings | None = None,
        first_run: FirstRunOffer | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(f"Briefing Desk — {info.database}")
        self._services = services
        self._info = info
        self._settings = settings or QSettings()
        self._first_run = first_run
        self._history: list[int] = []
        self._window_shortcuts: list[tuple[QAction, QKeySequence]] = []
        self.undo_stack = UndoStack(self)
        self.undo_stack.applied.connect(self._undo_applied)
        self.undo_stack.refused.connect(lambda message: tell(self, "Cannot undo", message))
        self.pages: list[Page] = [page_class(services, self.undo_stack, self) for page_class in pages]
        self.navigation = QListWidget()
        self.stack = QStackedWidget()
        for page in self.pages:
            self.navigation.addItem(page.title)
            self.stack.addWidget(page)
            page.status_message.connect(self.say)
            page.open_requested.connect(self.open_item)
            exports = getattr(page, "export_requested", None)  # pages with an Export menu
            if exports is not None:
                exports.connect(self._export)
        self.navigation.setSpacing(3)
        self.navigation.setMaximumWidth(240)
        self.navigation.currentRowChanged.connect(self._navigated)
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([170, 1100])
        self.setCentralWidget(splitter)
        self.notice_bar = add_notice_bar(self, services, info.notices)
        self._build_menus()
        self.storage_actions = add_storage_actions(self, services)
        self.exporting = install_export_actions(self, services, self._settings)
        self.statusBar().showMessage("Ready")
        self._restore()

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(
            file_menu, "&New briefing…", "Ctrl+N", lambda: self._call_on(NEW_BRIEFING_PAGE, "new_briefing")
        )
        self._action(
            file_menu, "New &series…", "Ctrl+Shift+N", lambda: self._call_on(NEW_BRIEFING_PAGE, "new_series")
        )
        file_menu.addSeparator()
        file_menu.addMenu(ImportMenu(self, self._services, file_menu))
        self.export_menu = ExportMenu("&Export", self._export, parent=file_menu)
        file_menu.addMenu(self.export_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find…", QKeySequence.StandardKey.Find, self.focus_search)

        view_menu = self.menuBar().addMenu("&View")
        for number, page in enumerate(self.pages):
            shortcut = f"Ctrl+{number + 1}" if number < 9 else ""  # noqa: PLR2004 - Ctrl+1..9
            self._action(view_menu, page.title, shortcut, partial(self.show_page, number))
        view_menu.addSeparator()
        self._action(view_menu, "&Back", "Alt+Left", self.go_back)
        self._action(view_menu, "&Refresh", QKeySequence.StandardKey.Refresh, self.refresh_page)

        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", "F1", self.show_shortcuts)
        self._action(help_menu, "&About Briefing Desk", "", self.show_about)

    def _action(
        self, menu: QMenu, text: str, shortcut: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            self._window_shortcuts.append((action, action.shortcut()))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _yield_shortcuts_to(self, page: Page) -> None:
        # A page's own Ctrl+N ("New person" on People) must win over the window's ("New
        # briefing"); with both active Qt calls the key ambiguous and neither fires.
        taken = {a.shortcut() for a in page.actions() if not a.shortcut().isEmpty()}
        for action, shortcut in self._window_shortcuts:
            action.setShortcut(QKeySequence() if shortcut in taken else shortcut)

    # ------------------------------------------------------------------ navigation
    def current_page(self) -> Page:
        """The page on show."""
        return self.pages[self.stack.currentIndex()]

    def page_named(self, class_name: str) -> Page | None:
        """The page of a class (by name, so the window need not import the pages)."""
        return next((p for p in self.pages if type(p).__name__ == class_name), None)

    def show_page(self, number: int, *, refresh: bool = True) -> None:
        """Show a page (and reload it from the services)."""
        if not 0 <= number < len(self.pages):
            return
        if self.stack.currentIndex() != number:
            self._history.append(self.stack.currentIndex())
        self.stack.setCurrentIndex(number)
        self._yield_shortcuts_to(self.pages[number])
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(number)
        self.navigation.blockSignals(False)
        if refresh:
            self.pages[number].refresh()

    def go_back(self) -> None:
        """Return to the page shown before this one."""
        if self._history:
            number = self._history.pop()
            self.show_page(number)
            self._history.pop()  # going back is not a step to go back to

    def open_item(self, kind: str, item_id: int) -> None:
        """Show the page that shows ``kind`` with the item open."""
        for number, page in enumerate(self.pages):
            if page.open_item(kind, item_id):
                self.show_page(number, refresh=False)
                return
        self.say(f"No page in this version shows a {kind}")

    def refresh_page(self) -> None:
        """Reload the page on show (F5)."""
        self.current_page().refresh()
        self.say(f"Reloaded {self.current_page().title}")

    def focus_search(self) -> None:
        """Put the cursor in the page's search box (Ctrl+F)."""
        if not self.current_page().focus_search():
            self.say(f"{self.current_page().title} has no search box")

    def _navigated(self, number: int) -> None:
        self.show_page(number)

    def _call_on(self, class_name: str, method: str) -> None:
        page = self.page_named(class_name)
        if page is None:
            return
        self.show_page(self.pages.index(page))
        getattr(page, method)()

    # ------------------------------------------------------------------ reporting
    def say(self, message: str) -> None:
        """Report what just happened in the status bar."""
        self.statusBar().showMessage(message, STATUS_SECONDS * 1000)

    def _undo_applied(self, message: str) -> None:
        self.say(message)
        self.current_page().refresh()

    def _export(self, identifier: str, briefing_id: int | None) -> None:
        self.exporting.open_export(identifier, briefing_id)

    def show_about(self) -> QMessageBox:
        """Version and the database in use."""
        box = QMessageBox(self)
        box.setWindowTitle("About Briefing Desk")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>Briefing Desk {self._info.version}</h3>"
            "<p>Safeguarding briefings, bookings, attendance, licences and DSL training for schools.</p>"
            f"<p><b>Database:</b> {self._info.database}</p>"
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_shortcuts(self) -> QMessageBox:
        """Every keyboard shortcut in one list."""
        lines = [
            f"<tr><td>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</td>"
            f"<td>{a.text().replace('&', '').rstrip('…')}</td></tr>"
            for menu in self.menuBar().findChildren(QMenu)
            for a in menu.actions()
            if not a.shortcut().isEmpty()
        ]
        return tell(self, "Keyboard shortcuts", "<table>" + "".join(lines) + "</table>", warning=False)

    # ------------------------------------------------------------------ state
    def _restore(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        last = str(self._settings.value("window/page", ""))
        names = [type(p).__name__ for p in self.pages]
        self.show_page(names.index(last) if last in names else 0)
        self._history.clear()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_run is not None:
            offer, self._first_run = self._first_run, None
            QTimer.singleShot(0, lambda: offer_first_run(self, self._services, offer, self._after_first_run))

    def _after_first_run(self, message: str) -> None:
        self.say(message)
        self.current_page().refresh()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/page", type(self.current_page()).__name__)
        self._settings.sync()
        super().closeEvent(event)
