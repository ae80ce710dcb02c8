"""What the PDFs share: colours, the embedded fonts, and pages that know how many there are."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from exports.fonts import register_fonts

NAVY = HexColor("#1f3a5f")
GOLD = HexColor("#b08d57")
INK = HexColor("#222222")
MUTED = HexColor("#5f6b7a")
RULE = HexColor("#9aa5b1")
SHADE = HexColor("#eef2f6")
HEADER_FILL = HexColor("#dde4ec")

# Called for every page once the page count is known: (canvas, page number, page count).
Footer = Callable[[Canvas, int, int], None]


def paged_canvas(footer: Footer) -> type[Canvas]:
    """A canvas class that holds pages back until the end, so each footer can say "page x of y"."""
    register_fonts()

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own reset, missing from the stubs

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return PagedCanvas


def markup_text(text: str) -> str:
    """People's text made safe inside a reportlab Paragraph (which reads <, > and & as markup)."""
    return escape(text)


def with_alpha(color: Color, alpha: float) -> Color:
    """The same colour, partly transparent."""
    return Color(color.red, color.green, color.blue, alpha=alpha)
