"""Exports, invites, Verify certificate and Preferences as the window offers them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from briefings.queries.briefings import BriefingFilter
from briefings.scheduling import SeriesPlan
from tests.attendance_scenario import hold_briefing
from tests.ui.conftest import page_of
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.dialogs.verify_dialog import VerifyCertificateDialog
from ui.exporting.export_dialog import ExportDialog
from ui.exporting.invites_dialog import DRAFTS, EACH, InvitesDialog
from ui.exporting.result_dialog import ExportResultDialog

pytestmark = pytest.mark.gui


def menu_actions(window, title):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return {a.text(): a for a in menu.actions() if a.text()}


def open_briefing(qtbot, window, briefing_id):
    page = page_of(window, "BriefingPage")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_item("briefing", briefing_id)
    return page


def test_preferences_and_verify_have_their_menu_places(qtbot, window):
    preferences = menu_actions(window, "&Edit")["&Preferences…"]
    assert preferences.shortcut().toString() == "Ctrl+,"
    preferences.trigger()
    assert window.findChild(PreferencesDialog).isVisible()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Tools") == titles.index("&Help") - 1
    menu_actions(window, "&Tools")["&Verify certificate…"].trigger()
    assert window.findChild(VerifyCertificateDialog).isVisible()


def test_a_briefing_page_offers_only_exports_of_one_briefing(qtbot, window, make_briefing):
    page = open_briefing(qtbot, window, make_briefing().id)
    page.export_menu.rebuild()
    offered = {a.data() for a in page.export_menu.actions()}
    assert offered == {
        "eml-invites",
        "ics-briefing",
        "ics-invites",
        "pdf-certificates",
        "pdf-register",
        "xlsx-briefing",
    }


def test_certificates_from_the_briefing_page_put_numbers_on_the_register(
    qtbot, window, services, clock, make_briefing, tmp_path, monkeypatch
):
    held = hold_briefing(services, clock, make_briefing)
    page = open_briefing(qtbot, window, held.briefing.id)
    assert page.register.model.headerData(7, Qt.Orientation.Horizontal) == "Certificate"
    page.export_menu.rebuild()
    next(a for a in page.export_menu.actions() if a.data() == "pdf-certificates").trigger()
    dialog = window.findChild(ExportDialog)
    dialog.folder.edit.setText(str(tmp_path / "certificates"))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    numbers = {c.registration_id: c.number for c in services.certificates.of_briefing(held.briefing.id)}
    shown = {
        r.registration_id: r.certificate_number for r in page.register.model.rows() if r.certificate_number
    }
    assert shown == numbers
    assert len(numbers) == 6
    result = window.findChild(ExportResultDialog)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(result.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "certificates"))]


def test_the_menus_know_the_invite_exports_by_their_identifiers():
    from exports.calendar.drafts import EmlInvites
    from exports.calendar.invites import IcsInvites
    from ui.exporting.invites_dialog import EML_INVITES, ICS_INVITES
    from ui.menus.export_actions import INVITE_KINDS

    assert set(INVITE_KINDS) == {ICS_INVITES, EML_INVITES} == {IcsInvites.identifier, EmlInvites.identifier}


def test_the_invites_button_and_the_invite_exports_open_the_invites_dialog(qtbot, window, make_briefing):
    briefing = make_briefing()
    page = open_briefing(qtbot, window, briefing.id)
    assert page.invites_button.isEnabled()
    qtbot.mouseClick(page.invites_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(InvitesDialog)
    assert dialog.current_target().id == briefing.id
    dialog.reject()
    page.export_menu.rebuild()
    next(a for a in page.export_menu.actions() if a.data() == "eml-invites").trigger()
    drafts = [d for d in window.findChildren(InvitesDialog) if d.isVisible()]
    assert [d.kind() for d in drafts] == [DRAFTS]


def test_no_invites_for_a_briefing_that_has_happened(qtbot, window, services, clock, make_briefing):
    held = hold_briefing(services, clock, make_briefing)
    page = open_briefing(qtbot, window, held.briefing.id)
    assert not page.invites_button.isEnabled()


def test_the_briefings_page_asks_for_the_series_chosen_in_its_filter(
    qtbot, window, services, briefing_fields, ui_settings
):
    from datetime import date, time

    series = services.briefings.create_series(
        SeriesPlan(
            name="Spring DSL updates",
            template=briefing_fields(),
            dates=(date(2025, 10, 8), date(2026, 2, 4)),
            start=time(9, 30),
            end=time(11, 30),
        )
    )
    page = page_of(window, "BriefingsPage")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.show_page(window.pages.index(page))
    page.series.setCurrentIndex(page.series.findData(series.id))
    qtbot.mouseClick(page.invites_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(InvitesDialog)
    target = dialog.current_target()
    assert (target.kind, target.id) == ("series", series.id)
    assert dialog.kind() == EACH
    assert "Nobody is taking part yet." in dialog.recipients.summary.text()
    dialog.reject()
    page.series.setCurrentIndex(0)
    page.table.clearSelection()
    qtbot.mouseClick(page.invites_button, Qt.MouseButton.LeftButton)
    chooser = [d for d in window.findChildren(InvitesDialog) if d.isVisible()][-1]
    assert [chooser.target.itemText(n) for n in range(chooser.target.count())] == [
        "Every briefing still to come in Spring DSL updates"
    ]
    assert len(services.briefings.search(BriefingFilter(series_id=series.id))) == 2
