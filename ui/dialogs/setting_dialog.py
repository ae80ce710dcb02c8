"""Add or edit a school or setting; the service's refusals appear next to the field at fault."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from briefings.directory import SettingFields
from briefings.errors import ValidationError
from briefings.queries.directory import SettingRow
from briefings.services import Services
from briefings.vocabulary import Phase, SettingStatus
from ui.dialogs.form_dialog import FormDialog
from ui.widgets.day_edit import DayEdit


def setting_fields(row: SettingRow) -> SettingFields:
    """The editable fields of a setting as it stands (for an edit's undo)."""
    return SettingFields(
        name=row.name,
        urn=row.urn,
        phase=row.phase,
        establishment_type=row.establishment_type,
        la_code=row.la_code,
        la_name=row.la_name,
        district=row.district,
        area=row.area,
        address=row.address,
        postcode=row.postcode,
        status=row.status,
        closed_on=row.closed_on,
        laestab=row.laestab,
    )


def _editable_combo(values: list[str], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(values)
    combo.setCurrentText(current or "")
    return combo


class SettingDialog(FormDialog):
    """The fields of a setting as GIAS describes it; ``saved`` carries the stored row."""

    def __init__(
        self, services: Services, setting: SettingRow | None, today: date, parent: QWidget | None = None
    ) -> None:
        title = f"Edit {setting.name}" if setting else "New setting"
        super().__init__(title, parent, save_label="Save" if setting else "Add setting")
        self._services = services
        self.setting = setting
        directory = services.directory
        self.name_edit = QLineEdit(setting.name if setting else "")
        self.urn_edit = QLineEdit(str(setting.urn) if setting and setting.urn else "")
        self.urn_edit.setPlaceholderText("Six digits, from GIAS")
        self.laestab_edit = QLineEdit(setting.laestab or "" if setting else "")
        self.phase_combo = QComboBox()
        for phase in Phase:
            self.phase_combo.addItem(phase.label, phase)
        self.phase_combo.setCurrentIndex(list(Phase).index(setting.phase if setting else Phase.PRIMARY))
        self.type_combo = _editable_combo(
            directory.establishment_types(), setting.establishment_type if setting else None
        )
        self.status_combo = QComboBox()
        for status in SettingStatus:
            self.status_combo.addItem(status.value.capitalize(), status)
        self.status_combo.setCurrentIndex(
            list(SettingStatus).index(setting.status if setting else SettingStatus.OPEN)
        )
        self.closed_on_edit = DayEdit(setting.closed_on if setting and setting.closed_on else today)
        self.district_combo = _editable_combo(directory.districts(), setting.district if setting else None)
        self.area_edit = QLineEdit(setting.area or "" if setting else "")
        self.la_code_edit = QLineEdit(setting.la_code or "" if setting else "")
        self.la_name_edit = QLineEdit(setting.la_name or "" if setting else "")
        self.address_edit = QPlainTextEdit(setting.address or "" if setting else "")
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4)
        self.postcode_edit = QLineEdit(setting.postcode or "" if setting else "")
        self.add_field("name", "&Name", self.name_edit)
        self.add_field("urn", "&URN", self.urn_edit)
        self.add_field("laestab", "LAESTAB", self.laestab_edit)
        self.add_field("phase", "&Phase", self.phase_combo)
        self.add_field("establishment_type", "&Type", self.type_combo)
        self.add_field("status", "&Status", self.status_combo)
        self.add_field("closed_on", "Closed on", self.closed_on_edit)
        self.add_field("district", "&District", self.district_combo)
        self.add_field("area", "Area", self.area_edit)
        self.add_field("la_code", "LA code", self.la_code_edit)
        self.add_field("la_name", "LA name", self.la_name_edit)
        self.add_field("address", "Address", self.address_edit)
        self.add_field("postcode", "Postcode", self.postcode_edit)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        self.closed_on_edit.setEnabled(self.status_combo.currentData() is SettingStatus.CLOSED)

    def fields(self) -> SettingFields:
        """What the form says (the URN must be a number; the service checks the rest)."""
        urn_text = self.urn_edit.text().strip()
        if urn_text and not urn_text.isdigit():
            raise ValidationError(f"The URN must be a number (“{urn_text}” is not)", "urn")
        status = self.status_combo.currentData()
        return SettingFields(
            name=self.name_edit.text(),
            urn=int(urn_text) if urn_text else None,
            phase=self.phase_combo.currentData(),
            establishment_type=self.type_combo.currentText(),
            la_code=self.la_code_edit.text(),
            la_name=self.la_name_edit.text(),
            district=self.district_combo.currentText(),
            area=self.area_edit.text(),
            address=self.address_edit.toPlainText(),
            postcode=self.postcode_edit.text(),
            status=status,
            closed_on=self.closed_on_edit.day if status is SettingStatus.CLOSED else None,
            laestab=self.laestab_edit.text(),
        )

    def save(self) -> SettingRow:
        """Add the setting, or store the changes."""
        if self.setting is None:
            return self._services.directory.add_setting(self.fields())
        return self._services.directory.update_setting(self.setting.id, self.fields())
