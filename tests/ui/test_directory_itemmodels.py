from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from briefings.licensing import PoolFields
from briefings.queries.directory import PersonFilter, SettingFilter
from briefings.recordings import RecordingFields
from briefings.vocabulary import Attendance, Role
from ui.background_load import LatestLoad
from ui.itemmodels.allocation_rows import AllocationTableModel
from ui.itemmodels.history_rows import HistoryTableModel
from ui.itemmodels.membership_rows import MembershipTableModel
from ui.itemmodels.person_rows import PeopleDirectoryModel, PersonQuery
from ui.itemmodels.pool_rows import PoolTableModel
from ui.itemmodels.recording_rows import AccessTableModel, RecordingTableModel
from ui.itemmodels.row_table import ROW_ROLE, SORT_ROLE
from ui.itemmodels.setting_rows import SettingDirectoryModel, SettingQuery
from ui.itemmodels.unallocated_rows import UnallocatedTableModel
from ui.widgets.search_chooser import Choice, ChoiceListModel

pytestmark = pytest.mark.gui


@pytest.fixture
def county(services, clock, make_setting, make_person, make_briefing):
    ashdown = make_setting(name="Ashdown Primary", district="North")
    beacon = make_setting(name="Beacon High", district=None)
    people = [
        make_person(first_name=first, last_name=last, role=role, setting_id=ashdown.id)
        for first, last, role in [
            ("Zoë", "Brontë", Role.DSL),
            ("Gary", "Adams", Role.GOVERNOR),
            ("Ann", "Cole", None),
        ]
    ]
    services.directory.move(people[1].id, beacon.id, Role.GOVERNOR, date(2025, 9, 1))
    briefing = make_briefing()
    booked = services.bookings.book(briefing.id, people[0].id)
    pool = services.licences.create_pool(
        PoolFields("NSPCC", "Keeping Children Safe Online", 10, date(2025, 4, 1), date(2026, 3, 31))
    )
    services.licences.allocate(pool.id, 2, setting_id=ashdown.id)
    returned = services.licences.allocate(pool.id, 1, setting_id=beacon.id, person_id=people[1].id)
    services.licences.return_seats(returned.id)
    clock.advance(timedelta(days=8))
    services.bookings.mark(booked.registration_id, Attendance.PRESENT)
    recording = services.recordings.attach(
        briefing.id, RecordingFields("https://teams.microsoft.com/l/rec/1")
    )
    services.recordings.give(recording.id, person_id=people[0].id, note="Missed it")
    return {"ashdown": ashdown, "beacon": beacon, "people": people, "pool": pool, "recording": recording}


def wait_loaded(qtbot, model):
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)


def test_paged_settings_model_passes_the_model_tester(qtbot, qtmodeltester, services, county):
    model = SettingDirectoryModel()
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.load(SettingQuery(services, SettingFilter()))
    qtmodeltester.check(model)
    wait_loaded(qtbot, model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Ashdown Primary", "Beacon High"]
    assert model.index(1, 4).data() == "—"


def test_paged_people_model_fetches_more_pages_as_asked(qtbot, qtmodeltester, services, county):
    model = PeopleDirectoryModel()
    model.page_size = 2
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.load(PersonQuery(services, PersonFilter(include_former=True)))
    assert (model.rowCount(), model.total) == (2, 3)
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        model.fetchMore(QModelIndex())
    assert [model.index(r, 0).data() for r in range(3)] == ["Adams", "Brontë", "Cole"]
    assert not model.canFetchMore(QModelIndex())
    assert model.index(0, 4).data() == "Beacon High"
    assert model.index(2, 3).data() == "—"
    qtmodeltester.check(model)
    wait_loaded(qtbot, model)


def test_paged_model_sorts_in_sql_and_ignores_unsortable_columns(qtbot, services, county):
    model = PeopleDirectoryModel()
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.load(PersonQuery(services, PersonFilter()))
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 1).data() for r in range(3)] == ["Zoë", "Gary", "Ann"]
    assert (model.sort_name, model.descending, model.sorted_column()) == ("first_name", True, 1)
    model.sort(3)  # roles: no SQL order
    assert not model.busy
    assert model.sort_name == "first_name"


def test_a_newer_load_wins_over_a_slower_older_one(qtbot):
    load = LatestLoad()
    release = threading.Event()
    delivered = []

    def slow():
        release.wait(5)
        return "old"

    load.run(slow, delivered.append)
    load.run(lambda: "new", delivered.append)
    qtbot.waitUntil(lambda: delivered == ["new"], timeout=5000)
    with qtbot.waitSignal(load.settled, timeout=5000):
        release.set()
    assert delivered == ["new"]


def test_a_failed_load_says_why(qtbot):
    load = LatestLoad()

    def broken():
        raise ValueError("disk on fire")

    with qtbot.waitSignal(load.failed, timeout=5000) as failed:
        load.run(broken, lambda _: None)
    assert failed.args == ["Could not load: disk on fire"]


def test_detail_models_pass_the_model_tester(qtmodeltester, services, county):
    ashdown, people = county["ashdown"], county["people"]
    setting_history = services.directory.setting_history(ashdown.id, include_former=True)
    person_history = services.directory.person_history(people[0].id)
    checks = [
        (MembershipTableModel.staff(), setting_history.staff),
        (MembershipTableModel.roles(), services.directory.person(people[1].id).roles),
        (HistoryTableModel.of_setting(), setting_history.bookings),
        (HistoryTableModel.of_person(), person_history.bookings),
        (AllocationTableModel.held(), setting_history.licences),
        (AllocationTableModel.of_pool(), services.licences.allocations(pool_id=county["pool"].id)),
        (AccessTableModel(), services.recordings.accesses(county["recording"].id)),
    ]
    for model, rows in checks:
        assert rows, model
        model.set_rows(rows)
        qtmodeltester.check(model)
    staff = checks[0][0]
    assert [staff.index(r, 0).data() for r in range(staff.rowCount())] == ["Zoë Brontë", "Gary Adams"]
    assert staff.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert checks[3][0].index(0, 4).data() == "Present"
    assert checks[3][0].index(0, 5).data() == "Yes"
    pool_rows = checks[5][0]
    assert [pool_rows.index(r, 5).data() for r in range(2)] == ["Returned 1 Oct 2025", "Active"]
    assert pool_rows.index(0, 0).data() == "Beacon High — Gary Adams"


def test_pool_recording_and_unallocated_models(qtmodeltester, services, county):
    pools = PoolTableModel()
    pools.set_pools(services.licences.pools(), date(2026, 3, 1))
    qtmodeltester.check(pools)
    assert pools.index(0, 2).data() == "2 of 10 used"
    assert pools.index(0, 4).data() == "Expires in 30 days"
    assert pools.index(0, 4).data(Qt.ItemDataRole.DecorationRole) is not None
    assert pools.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )

    unallocated = UnallocatedTableModel()
    unallocated.set_settings(services.licences.settings_without(county["pool"].id))
    qtmodeltester.check(unallocated)
    assert [unallocated.index(r, 0).data() for r in range(unallocated.rowCount())] == ["Beacon High"]
    unallocated.narrow("north")
    assert unallocated.rowCount() == 0
    assert unallocated.total == 1

    recordings = RecordingTableModel()
    recordings.set_recordings(services.recordings.search(), services.recordings.now())
    qtmodeltester.check(recordings)
    assert recordings.index(0, 5).data() == "Available"
    recordings.narrow("", "expired")
    assert recordings.rowCount() == 0

    choices = ChoiceListModel()
    choices.set_choices([Choice(1, "Ashdown Primary", "URN 960001"), Choice(2, "Beacon High")])
    qtmodeltester.check(choices)
    assert choices.index(0, 0).data() == "Ashdown Primary — URN 960001"


def test_sorting_small_tables_keeps_selections_on_their_rows(services, county):
    model = MembershipTableModel.staff()
    model.set_rows(services.directory.setting_history(county["ashdown"].id, include_former=True).staff)
    held = QPersistentModelIndex(model.index(0, 0))
    first = model.index(0, 0).data(ROW_ROLE)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "Gary Adams"
    assert held.row() == 1
    assert held.data(ROW_ROLE) is first
    assert model.index(0, 4).data(SORT_ROLE) is None  # no job title: sorts first
