from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import insert

from briefings.directory import SettingFields
from briefings.queries.audit import AuditFilter, AuditRow
from briefings.vocabulary import Phase
from models.audit import AuditEvent
from tests.conftest import DEFAULT_NOW
from tests.ui.page_driving import OFFSCREEN_LIMITS, cell_texts, click_row, replace_text, shown, tick
from ui.itemmodels.audit_rows import AuditQuery, AuditTableModel, details_text
from ui.itemmodels.paged_rows import PAGE_SIZE
from ui.pages.audit_page import AuditPage

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]


@pytest.fixture
def page(qtbot, services, undo_stack, settled_pool):
    with shown(qtbot, AuditPage(services, undo_stack)) as page:
        yield page


@pytest.fixture
def history(services, make_setting, make_person, clock):
    """Three entries: a setting added and renamed by the advisor, then someone added by the DPO."""
    services.context.actor = "advisor"
    ashdown = make_setting(name="Ashdown Primary", urn=123456)
    clock.advance(timedelta(days=2))
    services.directory.update_setting(
        ashdown.id, SettingFields(name="Ashdown CofE Primary", urn=123456, phase=Phase.PRIMARY)
    )
    clock.advance(timedelta(days=8))
    services.context.actor = "dpo"
    make_person(first_name="Zoë", last_name="Brontë")
    return ashdown


def after(qtbot, page, action) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        action()


def test_the_log_is_listed_newest_first_and_an_entry_explains_itself(qtbot, page, history):
    after(qtbot, page, page.refresh)
    assert page.count_label.text() == "3 entries"
    assert cell_texts(page.table, 1) == ["dpo", "advisor", "advisor"]
    assert cell_texts(page.table, 2) == ["Added", "Changed", "Added"]
    assert cell_texts(page.table, 3)[1] == f"setting {history.id}"
    assert cell_texts(page.table, 0)[2] == "1 Oct 2025 10:00"
    click_row(qtbot, page.table, 1)
    shown = page.details.toPlainText()
    assert shown.startswith(f"Changed setting {history.id} “Ashdown CofE Primary”: name")
    assert "By advisor, 10:00:00 on 3 October 2025" in shown
    assert "Name: Ashdown Primary → Ashdown CofE Primary" in shown


def test_filters_narrow_by_user_action_record_words_and_dates(qtbot, page, history):
    after(qtbot, page, page.refresh)
    qtbot.waitUntil(lambda: page.actor.count() == 3, timeout=5000)  # the choices load in the background
    assert [page.actor.itemText(i) for i in range(page.actor.count())] == ["All users", "advisor", "dpo"]
    qtbot.waitUntil(lambda: page.entity.findText("Setting") > 0, timeout=5000)
    after(qtbot, page, lambda: page.actor.setCurrentIndex(page.actor.findText("dpo")))
    assert cell_texts(page.table, 3)[0].startswith("person ")
    after(qtbot, page, lambda: page.actor.setCurrentIndex(0))

    after(qtbot, page, lambda: page.action.setCurrentIndex(page.action.findText("Changed")))
    assert page.count_label.text() == "1 entry"
    after(qtbot, page, lambda: page.action.setCurrentIndex(0))

    after(qtbot, page, lambda: page.entity.setCurrentIndex(page.entity.findText("Setting")))
    assert cell_texts(page.table, 2) == ["Changed", "Added"]
    after(qtbot, page, lambda: page.entity.setCurrentIndex(0))

    after(qtbot, page, lambda: replace_text(qtbot, page.search, "cofe"))
    assert page.count_label.text() == "1 entry"
    after(qtbot, page, lambda: replace_text(qtbot, page.search, ""))

    page.since.set_day(date(2025, 10, 3))
    after(qtbot, page, lambda: tick(qtbot, page.use_since))
    assert cell_texts(page.table, 1) == ["dpo", "advisor"]
    page.until.set_day(date(2025, 10, 3))
    after(qtbot, page, lambda: tick(qtbot, page.use_until))
    assert cell_texts(page.table, 2) == ["Changed"]
    after(qtbot, page, lambda: page.until.set_day(date(2025, 10, 2)))
    assert page.table_state.showing_message
    assert "No entries match" in page.table_state.message.text()


def test_an_empty_log_says_what_it_will_hold(qtbot, page):
    after(qtbot, page, page.refresh)
    assert page.table_state.showing_message
    assert "Every change made from now on is recorded here" in page.table_state.message.text()


def test_a_long_log_is_fetched_a_page_at_a_time(qtbot, page, db):
    entries = [
        {"at": DEFAULT_NOW - timedelta(minutes=n), "actor": "advisor", "action": "changed",
         "entity": "briefings", "entity_id": n, "summary": f"Changed briefing {n}: title", "details": None}
        for n in range(PAGE_SIZE * 2 + 50)
    ]  # fmt: skip
    with db.sessions.begin() as session:
        session.execute(insert(AuditEvent), entries)
    after(qtbot, page, page.refresh)
    assert page.count_label.text() == f"{len(entries):,} entries"
    assert page.model.rowCount() == PAGE_SIZE
    with qtbot.waitSignal(page.model.rowsInserted, timeout=5000):
        page.table.scrollToBottom()
    assert page.model.rowCount() == PAGE_SIZE * 2
    assert cell_texts(page.table, 3)[PAGE_SIZE] == f"briefing {PAGE_SIZE}"


@pytest.mark.usefixtures("history", "settled_pool")
def test_the_audit_table_passes_the_model_tester(qtbot, qtmodeltester, services):
    model = AuditTableModel()
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.load(AuditQuery(services, AuditFilter()))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3


def test_details_read_as_sentences_without_personal_values():
    row = AuditRow(
        id=1, at=DEFAULT_NOW, actor="dpo", action="erased", entity="people", entity_id=7,
        summary="Erased person 7",
        details={"briefing_id": 3, "changes": {"email": "changed", "status": ["booked", "cancelled"]},
                 "rows": {"registrations": {"changed": 4}}, "policy": {"booking_years": 6}},
    )  # fmt: skip
    assert details_text(row).splitlines() == [
        "Refers to briefing 3",
        "Email: changed (personal or secret, so the values are not logged)",
        "Status: booked → cancelled",
        "Bookings: 4 changed",
        "Policy: booking years 6",
    ]
