"""A passcode field: masked until the advisor presses the eye at its end."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit

EYE_SIZE = 32


def eye_icon(palette: QPalette) -> QIcon:
    """An eye drawn in the palette's text colour (the icon themes have no portable one)."""
    pixmap = QPixmap(EYE_SIZE, EYE_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = palette.color(QPalette.ColorRole.Text)
    painter.setPen(QPen(colour, 2.5))
    outline = QPainterPath(QPointF(3, 16))
    outline.quadTo(QPointF(16, 3), QPointF(29, 16))
    outline.quadTo(QPointF(16, 29), QPointF(3, 16))
    painter.drawPath(outline)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(11.5, 11.5, 9, 9))
    painter.end()
    return QIcon(pixmap)


def secret_field(text: str = "") -> QLineEdit:
    """A masked line edit with an eye action at its end to show (and hide again) what was typed."""
    edit = QLineEdit(text)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    show = QAction(eye_icon(edit.palette()), "Show", edit)
    show.setCheckable(True)
    show.setToolTip("Show the passcode")
    show.toggled.connect(
        lambda shown: edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
    )
    edit.addAction(show, QLineEdit.ActionPosition.TrailingPosition)
    return edit
