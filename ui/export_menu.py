"""Export menus built from the exporter registry (``exports.registry.specs()``).

Exporters register themselves in ``exports/catalogue.py``; every registered one appears here
without the UI changing. Choosing one calls ``on_export(identifier, briefing_id)``: the window
decides what happens next (``ui.exporting`` opens the export dialogs). A menu offers the exports
of its scope only: a briefing's page those about one briefing, File > Export the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from exports.registry import ExportScope, specs

ExportChosen = Callable[[str, int | None], None]


def add_export_actions(
    menu: QMenu, briefing_id: int | None, on_export: ExportChosen, scope: ExportScope | None = None
) -> int:
    """Add one action per registered exporter (of ``scope``, if given) to ``menu``; returns how many."""
    registered = [s for s in specs() if scope is None or s.scope is scope]
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
        scope: ExportScope = ExportScope.GENERAL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._on_export = on_export
        self.briefing_id = briefing_id
        self.scope = scope
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        """Fill the menu for the current briefing."""
        self.clear()
        add_export_actions(self, self.briefing_id, self._on_export, self.scope)
