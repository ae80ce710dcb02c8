from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from briefings.licensing import PoolFields
from briefings.vocabulary import AllocationStatus
from tests.ui.page_driving import (
    OFFSCREEN_LIMITS,
    cell_texts,
    choose,
    click_row,
    press,
    settle,
    shown,
    shown_dialog,
)
from ui.dialogs.allocate_dialog import AllocateDialog
from ui.dialogs.end_allocation_dialog import EndAllocationDialog
from ui.dialogs.pool_dialog import PoolDialog
from ui.pages.licences_page import LicencesPage

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def page(qtbot, services, stack):
    with shown(qtbot, LicencesPage(services, stack)) as page:
        yield page


def pool(services, seats=5, **overrides):
    fields = {
        "provider": "NSPCC",
        "product": "Keeping Children Safe Online",
        "seats": seats,
        "valid_from": date(2025, 4, 1),
        "valid_until": date(2026, 3, 31),
    }
    fields.update(overrides)
    return services.licences.create_pool(PoolFields(**fields))


def allocate_through_dialog(qtbot, page, setting_text, seats):
    press(
        qtbot,
        page.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = shown_dialog(qtbot, page, AllocateDialog)
    choose(qtbot, dialog.setting_chooser, setting_text)
    dialog.seats_spin.selectAll()
    qtbot.keyClicks(dialog.seats_spin, str(seats))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def test_no_pools_says_to_add_the_one_bought(qtbot, page):
    page.refresh()
    assert page.table_state.showing_message
    assert "Add the pool you bought from NSPCC" in page.table_state.message.text()
    assert not page.edit_button.isEnabled()


def test_a_new_pool_is_checked_by_the_service(qtbot, page, services):
    page.refresh()
    press(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = shown_dialog(qtbot, page, PoolDialog)
    qtbot.keyClicks(dialog.product_edit, "Keeping Children Safe Online")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("provider") == "The provider is required"
    assert services.licences.pools() == []
    qtbot.keyClicks(dialog.provider_edit, "NSPCC")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [p.product for p in services.licences.pools()] == ["Keeping Children Safe Online"]
    assert cell_texts(page.table, 0) == ["Keeping Children Safe Online"]


def test_allocating_until_the_pool_refuses(qtbot, page, services, make_setting):
    make_setting(name="Ashdown Primary")
    make_setting(name="Beacon High")
    made = pool(services, seats=5)
    page.refresh()
    assert cell_texts(page.table, 2) == ["0 of 5 used"]

    first = allocate_through_dialog(qtbot, page, "ashdown", 3)
    assert not first.isVisible()
    assert cell_texts(page.table, 2) == ["3 of 5 used"]
    assert cell_texts(page.detail.allocations_tab.table, 0) == ["Ashdown Primary"]

    second = allocate_through_dialog(qtbot, page, "beacon", 3)
    assert second.isVisible()
    assert (
        second.message_for("seats")
        == "Only 2 of 5 seats are left in Keeping Children Safe Online; 3 asked for"
    )
    assert services.licences.pool(made.id).used == 3
    second.seats_spin.selectAll()
    qtbot.keyClicks(second.seats_spin, "2")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert not second.isVisible()
    assert services.licences.pool(made.id).left == 0
    assert cell_texts(page.table, 3) == ["0"]
    settle(qtbot, page)


def test_returning_seats_can_be_undone_and_redone(qtbot, page, services, stack, make_setting):
    school = make_setting(name="Ashdown Primary")
    made = pool(services, seats=5)
    held = services.licences.allocate(made.id, 3, setting_id=school.id)
    page.refresh()
    assert not page.detail.return_button.isEnabled()
    click_row(qtbot, page.detail.allocations_tab.table, 0)
    assert page.detail.return_button.isEnabled()
    qtbot.mouseClick(page.detail.return_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, EndAllocationDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.licences.allocations(pool_id=made.id)[0].status is AllocationStatus.RETURNED
    assert cell_texts(page.detail.allocations_tab.table, 5) == ["Returned 1 Oct 2025"]
    assert stack.undoText() == "Return 3 seats from Ashdown Primary"

    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        stack.undo()
    assert said.args == ["Undone: Return 3 seats from Ashdown Primary"]
    assert services.licences.allocations(pool_id=made.id)[0].status is AllocationStatus.ACTIVE
    assert cell_texts(page.table, 2) == ["3 of 5 used"]
    stack.redo()
    assert services.licences.pool(made.id).used == 0

    # Undo is refused, and says why, once the seats have gone to someone else.
    services.licences.allocate(made.id, 4, setting_id=school.id)
    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        stack.undo()
    assert said.args[0].startswith("Could not undo “Return 3 seats from Ashdown Primary”: Only 1 seats")
    assert stack.count() == 0
    assert held.id in {a.id for a in services.licences.allocations(pool_id=made.id)}


def test_revoking_records_the_reason(qtbot, page, services, make_setting):
    school = make_setting(name="Ashdown Primary")
    made = pool(services)
    services.licences.allocate(made.id, 1, setting_id=school.id)
    page.refresh()
    click_row(qtbot, page.detail.allocations_tab.table, 0)
    qtbot.mouseClick(page.detail.revoke_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, EndAllocationDialog)
    qtbot.keyClicks(dialog.reason_edit, "Unused after a term")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    revoked = services.licences.allocations(pool_id=made.id)[0]
    assert (revoked.status, revoked.notes) == (AllocationStatus.REVOKED, "Unused after a term")


def test_settings_without_seats_allocate_in_one_step(qtbot, page, services, make_setting):
    make_setting(name="Ashdown Primary")
    beacon = make_setting(name="Beacon High")
    made = pool(services)
    services.licences.allocate(made.id, 1, setting_id=beacon.id)
    page.refresh()
    detail = page.detail
    detail.tabs.setCurrentWidget(detail.unallocated_tab)
    assert detail.tabs.tabText(1) == "Settings without seats (1)"
    assert cell_texts(detail.unallocated_tab.table, 0) == ["Ashdown Primary"]
    click_row(qtbot, detail.unallocated_tab.table, 0, double=True)
    dialog = shown_dialog(qtbot, page, AllocateDialog)
    assert dialog.setting_chooser.text() == "Ashdown Primary"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert detail.tabs.tabText(1) == "Settings without seats (0)"
    assert "Every open setting holds seats" in detail.unallocated_tab.state.message.text()


def test_expired_and_expiring_pools_are_shown_plainly(qtbot, page, services):
    pool(services, product="Old course", valid_from=date(2024, 9, 1), valid_until=date(2025, 8, 31))
    pool(services, product="Ending course", valid_from=date(2024, 11, 1), valid_until=date(2025, 10, 31))
    page.refresh()
    assert cell_texts(page.table, 0) == ["Ending course", "Old course"]
    assert cell_texts(page.table, 4) == ["Expires in 30 days", "Expired 31 Aug 2025"]
    click_row(qtbot, page.table, 1)
    assert not page.detail.allocate_button.isEnabled()
    assert "expired on 31 Aug 2025" in page.detail.unallocated_tab.state.message.text()


def test_a_refresh_reads_the_chosen_pool_once(page, services, monkeypatch):
    pool(services, seats=5)
    second = pool(services, seats=3, product="Online Safety")
    page.refresh()
    assert page.table.select_where(lambda row: row.id == second.id)
    reads = []
    allocations = services.licences.allocations
    monkeypatch.setattr(services.licences, "allocations", lambda **kw: reads.append(kw) or allocations(**kw))
    page.refresh()
    assert reads == [{"pool_id": second.id}]
    assert page.detail.pool.id == second.id
    assert page.table.current_row().id == second.id
