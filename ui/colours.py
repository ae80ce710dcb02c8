"""Colours that follow the system palette, so light and dark themes both stay readable.

Topic colours are data (a hex code per topic); everything else derives from the palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

_FALLBACK_TOPIC = "#6c757d"


def is_dark(palette: QPalette) -> bool:
    """Whether the window background is dark (text is light)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5  # noqa: PLR2004 - mid-grey


def topic_colour(hex_code: str | None) -> QColor:
    """A topic's colour, or a neutral grey when the stored code is missing or malformed."""
    colour = QColor(hex_code or "")
    return colour if colour.isValid() else QColor(_FALLBACK_TOPIC)


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4  # noqa: PLR2004

    luminance = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    return QColor("#000000") if luminance > 0.179 else QColor("#ffffff")  # noqa: PLR2004


def error_colour(palette: QPalette) -> QColor:
    """A red that reads on this palette's window colour."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b71c1c")


def warning_colour(palette: QPalette) -> QColor:
    """An amber that reads on this palette's window colour."""
    return QColor("#ffd180") if is_dark(palette) else QColor("#8a5300")


def good_colour(palette: QPalette) -> QColor:
    """A green that reads on this palette's window colour."""
    return QColor("#9ccc65") if is_dark(palette) else QColor("#2e7d32")


def muted(palette: QPalette) -> QColor:
    """Secondary text (placeholders, notes, cancelled rows)."""
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)


def blend(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """``a`` moved ``share_of_b`` of the way towards ``b`` (tints for backgrounds)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share_of_b,
        a.greenF() + (b.greenF() - a.greenF()) * share_of_b,
        a.blueF() + (b.blueF() - a.blueF()) * share_of_b,
    )
