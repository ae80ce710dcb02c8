"""``python -m ui.screenshots OUTDIR``: every page of the window, and the main dialogs, as PNG files.

A fresh database in a temporary folder gets the demo county (``services.demo`` when the demo
is installed) or, failing that, the small sample county; the window is shown off-screen at a
fixed size on a fixed date, each page of the catalogue in turn, then again in a dark palette.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ui.screenshots.settle import settle

SIZE = (1280, 800)


def save(widget: QWidget, folder: Path, name: str) -> Path:
    """Grab ``widget`` to ``folder/name.png``."""
    settle()
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def dark_palette() -> QPalette:
    """A plain dark palette, standing in for a desktop's dark theme."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Mid: "#555555",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Light: "#505050",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    return palette


def main(argv: list[str] | None = None) -> int:
    """Render the screenshots into the folder given."""
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # noqa: S101 - narrowing for the type checker
    app.setStyle("Fusion")  # the same look on every machine, so reviews compare like with like

    from ui.screenshots.tour import Tour  # noqa: PLC0415 - Qt must exist before the pages load

    with tempfile.TemporaryDirectory(prefix="briefing-desk-screens-") as scratch:
        tour = Tour(Path(scratch), SIZE)
        try:
            shots: list[tuple[str, Callable[[], QWidget]]] = tour.shots()
            for name, show in shots:
                save(show(), folder, name)
            app.setPalette(dark_palette())
            for name, show in tour.dark_shots():
                save(show(), folder, f"{name}-dark")
        finally:
            tour.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
