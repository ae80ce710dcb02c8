from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from ui.itemmodels.briefing_table import BriefingTableModel
from ui.itemmodels.register_table import MINUTES_COLUMN, RegisterTableModel
from ui.itemmodels.row_table import ROW_ROLE

pytestmark = pytest.mark.gui


@pytest.fixture
def briefing_rows(services, make_briefing):
    make_briefing(title="Zebra crossing safety", capacity=2)
    make_briefing(title="Attendance and exclusions")
    cancelled = make_briefing(title="Mid briefing")
    services.briefings.cancel(cancelled.id, "Snow")
    return services.briefings.search()


def test_briefing_table_model_passes_the_model_tester(qtmodeltester, briefing_rows):
    model = BriefingTableModel()
    model.set_rows(briefing_rows)
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_register_model_passes_the_model_tester(qtmodeltester, services, make_briefing, make_person):
    briefing = make_briefing(capacity=1)
    for _ in range(3):
        services.bookings.book(briefing.id, make_person().id)
    model = RegisterTableModel()
    model.set_rows(services.briefings.register(briefing.id))
    qtmodeltester.check(model, force_py=True)


def test_sorting_by_title_keeps_the_selected_row_selected(qtbot, briefing_rows):
    from PySide6.QtWidgets import QTableView

    model = BriefingTableModel()
    model.set_rows(briefing_rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    zebra = model.find(lambda r: r.title.startswith("Zebra"))
    view.selectionModel().select(
        model.index(zebra, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [r.title for r in model.rows()] == [
        "Attendance and exclusions",
        "Mid briefing",
        "Zebra crossing safety",
    ]
    selected = view.selectionModel().selectedRows()
    assert [model.data(i, ROW_ROLE).title for i in selected] == ["Zebra crossing safety"]


def test_cancelled_briefings_are_struck_through_and_full_ones_say_so(
    qtbot, services, briefing_rows, make_person
):
    model = BriefingTableModel()
    zebra = next(r for r in briefing_rows if r.title.startswith("Zebra"))
    for _ in range(2):
        services.bookings.book(zebra.id, make_person().id)
    model.set_rows(services.briefings.search())
    row = model.find(lambda r: r.title == "Mid briefing")
    assert model.data(model.index(row, 1), Qt.ItemDataRole.FontRole).strikeOut()
    assert model.data(model.index(row, 6)) == "Cancelled"
    full = model.find(lambda r: r.id == zebra.id)
    assert model.data(model.index(full, 4)) == "2 / 2 full"


def test_typing_minutes_asks_the_page_to_record_them(qtbot, services, make_briefing, make_person, clock):
    briefing = make_briefing()
    services.bookings.book(briefing.id, make_person().id)
    clock.advance(timedelta(days=7, hours=2))
    model = RegisterTableModel()
    model.set_rows(services.briefings.register(briefing.id))
    index = model.index(0, MINUTES_COLUMN)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.minutes_edited) as blocker:
        assert model.setData(index, 95)
    assert blocker.args == [model.row_at(0).registration_id, 95]
    assert not model.setData(index, "ninety")
    assert model.row_at(0).attendance is None  # the model never changes itself
