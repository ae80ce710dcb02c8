"""Opening the import dialogs without importing them until they are wanted.

The dialogs pull in the importers (and rapidfuzz, calamine) which the window does not need to
show itself (STYLE.md section 8); menus, buttons and the first-run offer open them through here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from briefings.services import Services

if TYPE_CHECKING:
    from ui.dialogs.imports.attendance_import import AttendanceImportDialog
    from ui.dialogs.imports.pending_attendance import PendingAttendanceDialog
    from ui.dialogs.imports.settings_import import SettingsImportDialog
    from ui.dialogs.imports.staff_import import StaffImportDialog
    from ui.widgets.search_chooser import Choice


def settings_import(parent: QWidget, services: Services) -> SettingsImportDialog:
    """Open the GIAS settings import."""
    from ui.dialogs.imports.settings_import import open_settings_import  # noqa: PLC0415

    return open_settings_import(parent, services)


def staff_import(parent: QWidget, services: Services) -> StaffImportDialog:
    """Open the staff-list import."""
    from ui.dialogs.imports.staff_import import open_staff_import  # noqa: PLC0415

    return open_staff_import(parent, services)


def attendance_import(parent: QWidget, services: Services, briefing: Choice | None) -> AttendanceImportDialog:
    """Open the attendance-report import, for ``briefing`` if one is given."""
    from ui.dialogs.imports.attendance_import import open_attendance_import  # noqa: PLC0415

    return open_attendance_import(parent, services, briefing)


def pending_review(
    parent: QWidget, services: Services, briefing_id: int, title: str
) -> PendingAttendanceDialog:
    """Open the review of participants an earlier import left undecided."""
    from ui.dialogs.imports.pending_attendance import open_pending_review  # noqa: PLC0415

    return open_pending_review(parent, services, briefing_id, title)
