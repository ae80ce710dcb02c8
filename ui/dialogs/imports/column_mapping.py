"""The staff-list mapping step: which column holds each field, with a few values from the file to go by."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from briefings.importing.people_import import with_choices
from briefings.importing.staff import STAFF_COLUMNS, ColumnMapping
from briefings.services.import_service import MappingSuggestion
from briefings.vocabulary import Role
from ui.dialogs.person_dialog import role_combo

NOT_IN_FILE = "— not in this file —"
ORIGIN_TEXT = {"remembered": "remembered", "recognised": "recognised", "guessed": "guessed: check"}


class ColumnMappingStep(QWidget):
    """A combo box per field, the origin of each suggestion, and sample values of the chosen column.

    Signals:
        changed: the mapping was edited (``missing()`` may have changed).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion: MappingSuggestion | None = None
        self.combos: dict[str, QComboBox] = {}
        self._origins: dict[str, QLabel] = {}
        self._samples: dict[str, QLabel] = {}
        intro = QLabel(
            "<h3>Which column holds what?</h3>Check the suggestions against the values from your "
            "file. A name can come from separate first and last name columns or one full-name "
            "column; a school from its URN, LAESTAB or name."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, heading in enumerate(("Field", "Column in the file", "", "Values from the file")):
            label = QLabel(f"<b>{heading}</b>")
            grid.addWidget(label, 0, column)
        for row, spec in enumerate(STAFF_COLUMNS, start=1):
            combo = QComboBox()
            combo.setObjectName(spec.field)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _index, field=spec.field: self._edited(field))
            label = QLabel(f"{spec.label}:")
            label.setBuddy(combo)
            origin, samples = QLabel(), QLabel()
            origin.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            samples.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Long values are cut at the dialog's edge (the tooltip has them) rather than widening it.
            samples.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(origin, row, 2)
            grid.addWidget(samples, row, 3)
            self.combos[spec.field], self._origins[spec.field], self._samples[spec.field] = (
                combo,
                origin,
                samples,
            )
        grid.setColumnStretch(3, 1)
        self.default_role = role_combo(none_label="— none: rows need a role —")
        self.default_role.currentIndexChanged.connect(lambda _index: self._role_chosen())
        grid.addWidget(QLabel("Role for rows without one:"), len(STAFF_COLUMNS) + 1, 0)
        grid.addWidget(self.default_role, len(STAFF_COLUMNS) + 1, 1)
        self.partial = QCheckBox("This is a partia&l list: keep roles it does not show (movers still move)")
        self.remember = QCheckBox("&Remember these columns for next time")
        self.remember.setChecked(True)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.partial)
        layout.addWidget(self.remember)
        layout.addWidget(self.missing_label)
        layout.addStretch(1)

    def show_suggestion(self, suggestion: MappingSuggestion) -> None:
        """Offer the file's headers, with the suggested (or remembered) one chosen for each field."""
        self.suggestion = suggestion
        headers = [h for h in dict.fromkeys(suggestion.headers) if h.strip()]
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_IN_FILE, None)
            for header in headers:
                combo.addItem(header, header)
            chosen = suggestion.mapping.columns.get(field)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)
            origin = suggestion.mapping.origins.get(field, "")
            self._origins[field].setText(ORIGIN_TEXT.get(origin, origin) if chosen else "")
            self._show_samples(field)
        self._show_missing()

    def choices(self) -> dict[str, str | None]:
        """Field -> header as the combo boxes say."""
        return {field: combo.currentData() for field, combo in self.combos.items()}

    def mapping(self) -> ColumnMapping:
        """The mapping the advisor settled on (their changes marked as chosen)."""
        if self.suggestion is None:
            return ColumnMapping({}, {})
        original = self.suggestion.mapping.columns
        edited = {f: h for f, h in self.choices().items() if h != original.get(f)}
        role: Role | None = self.default_role.currentData()
        return with_choices(self.suggestion.mapping, edited, role)

    def missing(self) -> list[str]:
        """What the mapping still lacks, in words."""
        return self.mapping().missing()

    def _edited(self, field: str) -> None:
        if self.suggestion is not None:
            original = self.suggestion.mapping.columns.get(field)
            same = self.combos[field].currentData() == original and original is not None
            origin = self.suggestion.mapping.origins.get(field, "")
            self._origins[field].setText(ORIGIN_TEXT.get(origin, origin) if same else "")
        self._show_samples(field)
        self._show_missing()
        self.changed.emit()

    def _role_chosen(self) -> None:
        self._show_missing()
        self.changed.emit()

    def _show_samples(self, field: str) -> None:
        header = self.combos[field].currentData()
        values = self.suggestion.samples.get(header, ()) if self.suggestion and header else ()
        text = " · ".join(values) if values else ("(blank in the rows read)" if header else "")
        self._samples[field].setText(text)
        self._samples[field].setToolTip(text)

    def _show_missing(self) -> None:
        lacking = self.missing()
        self.missing_label.setText("Still to choose: " + "; ".join(lacking) + "." if lacking else "")
        self.missing_label.setVisible(bool(lacking))
