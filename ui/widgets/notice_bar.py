"""The strip across the top of the window: why changes are off, and what happened at start-up.

Two kinds of line. The read-only banner stays for as long as the window is open: the advisor
must not forget that nothing they do here is saved. Notices (a stale lock cleared after a
crash, a daily backup that failed) stay until dismissed, so none is missed by someone who
looked away while the window opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefings.services import Services
from ui.colours import blend

# Amber, as road signs and other apps use for "careful"; blended into the window colour so the
# palette's own text colour stays readable on it in light and dark themes.
BANNER_AMBER = "#ffc107"


class NoticeLine(QFrame):
    """One tinted line: an icon, a sentence and (for a notice) a Dismiss button."""

    def __init__(self, text: str, *, banner: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        tint = QColor(BANNER_AMBER) if banner else palette.color(QPalette.ColorRole.Highlight)
        palette.setColor(QPalette.ColorRole.Window, blend(window, tint, 0.3 if banner else 0.12))
        self.setPalette(palette)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        which = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if banner
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        icon.setPixmap(self.style().standardIcon(which).pixmap(size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the text names files and users; never markup
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName("Read-only" if banner else "Notice")
        if banner:
            font = QFont(self.label.font())
            font.setBold(True)
            self.label.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        self.dismiss_button: QPushButton | None = None
        if not banner:
            self.dismiss_button = QPushButton("Dismiss")
            self.dismiss_button.setToolTip("Hide this notice")
            self.dismiss_button.clicked.connect(self.close_notice)
            layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)

    @property
    def text(self) -> str:
        """The sentence shown."""
        return self.label.text()

    def close_notice(self) -> None:
        """Hide and forget this notice."""
        self.hide()
        self.deleteLater()


class NoticeBar(QWidget):
    """The read-only banner (if any) above the start-up notices; hidden when it has nothing to say.

    Signals:
        dismissed: a notice was dismissed (its text).
    """

    dismissed = Signal(str)

    def __init__(
        self, read_only_reason: str | None, notices: tuple[str, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 0)
        self._layout.setSpacing(4)
        self.banner: NoticeLine | None = None
        if read_only_reason:
            self.banner = NoticeLine(read_only_reason, banner=True)
            self._layout.addWidget(self.banner)
        for text in notices:
            self.add_notice(text)
        self._update_visibility()

    def add_notice(self, text: str) -> NoticeLine:
        """Show a notice until the advisor dismisses it."""
        line = NoticeLine(text, banner=False)
        assert line.dismiss_button is not None  # noqa: S101 - notices always have one
        line.dismiss_button.clicked.connect(lambda: self._dismissed(line))
        self._layout.addWidget(line)
        self._update_visibility()
        return line

    def notices(self) -> list[NoticeLine]:
        """The notices still shown, top to bottom."""
        return [
            line
            for line in self.findChildren(NoticeLine)
            if line is not self.banner and line.isVisibleTo(self)
        ]

    def _dismissed(self, line: NoticeLine) -> None:
        self._layout.removeWidget(line)
        self.dismissed.emit(line.text)
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.setVisible(self.banner is not None or bool(self.notices()))


def add_notice_bar(window: QMainWindow, services: Services, notices: tuple[str, ...]) -> NoticeBar:
    """Put a notice bar above the window's central widget (the window keeps its own layout)."""
    context = services.context
    bar = NoticeBar(context.read_only_reason if context.read_only else None, notices)
    if context.read_only:
        window.setWindowTitle(f"{window.windowTitle()} (read-only)")
    central = window.takeCentralWidget()
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(bar)
    if central is not None:
        column.addWidget(central, 1)
    window.setCentralWidget(holder)
    return bar
