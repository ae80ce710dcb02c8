"""Export menus built from the exporter registry (``exports.registry.specs()``).

Exporters register themselves in ``exports/catalogue.py``; every registered one appears here
without the UI changing. Choosing one calls ``on_export(identifier, briefing_id)``: the window
decides what happens next (today a status line; the export dialogs wire in there).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from exports.registry import specs

ExportChosen = Callable[[str, int | None], None]


def add_export_actions(menu: QMenu, briefing_id: int | None, on_export: ExportChosen) -> int:
    """Add one action per registered exporter to ``menu``; returns how many were added."""
    registered = specs()
    for spec in registered:
        action = menu.addAction(spec.verbose_name)
        action.setData(spec.identifier)
        action.triggered.connect(
            lambda _checked=False, identifier=spec.identifier: on_export(identifier, briefing_id)
        )
    if not registered:
        menu.addAction("No exports are installed yet").setEnabled(False)
    return len(registered)


class ExportMenu(QMenu):
    """A menu that lists the exporters each time it opens (the registry loads on first use)."""

    def __init__(
        self,
        title: str,
        on_export: ExportChosen,
        *,
        briefing_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._on_export = on_export
        self.briefing_id = briefing_id
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        """Fill the menu for the current briefing."""
        self.clear()
        add_export_actions(self, self.briefing_id, self._on_export)
