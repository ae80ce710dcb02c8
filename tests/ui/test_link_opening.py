"""Links are not a door: the host shown and a question asked before anything opens; passcodes hidden."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QLineEdit
from sqlalchemy import update

from briefings.recordings import RecordingFields
from models.briefings import Briefing
from models.recordings import Recording
from tests.ui.message_driving import answer, message_box
from tests.ui.page_driving import OFFSCREEN_LIMITS, shown
from ui.panels.details_panel import DetailsPanel
from ui.panels.recordings_panel import RecordingsPanel
from ui.widgets.secret_field import secret_field

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]
LOOKALIKE = "https://аррӏе.com/login"  # Cyrillic letters that read as "apple"


@pytest.fixture
def details(qtbot, services):
    with shown(qtbot, DetailsPanel(services)) as panel:
        opened: list[QUrl] = []
        panel.join_bar.open_url = opened.append
        panel.opened = opened
        yield panel


def show(services, panel, briefing_id):
    panel.show_detail(services.briefings.get(briefing_id))


def test_the_joining_link_opens_only_after_its_host_is_shown_and_agreed(
    qtbot, details, services, make_briefing
):
    briefing = make_briefing(title="DSL update")
    show(services, details, briefing.id)
    bar = details.join_bar
    assert bar.isVisible()
    qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    box = message_box(qtbot, bar, "Open the link?")
    assert box.text() == "Open this link in your browser? It goes to teams.microsoft.com."
    assert box.informativeText().startswith("The link is the joining link for DSL update.")
    with qtbot.waitSignal(bar.said) as said:
        answer(qtbot, bar, "Open the link?", "Cancel")
    assert said.args == ["Did not open the link"]
    assert details.opened == []

    qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    answer(qtbot, bar, "Open the link?", "Open in browser")
    assert details.opened == [QUrl(services.links.join_link(briefing.id).url)]


def test_the_passcode_is_read_and_shown_only_when_asked(qtbot, details, services, make_briefing):
    briefing = make_briefing(join_passcode="Kc7!pq")
    show(services, details, briefing.id)
    bar = details.join_bar
    assert details.values["Joining link"].text() == "teams.microsoft.com (passcode set)"
    assert bar.passcode.text() == "••••••"
    assert all("Kc7!pq" not in label.text() for label in details.findChildren(QLabel))
    with qtbot.waitSignal(bar.said):
        qtbot.mouseClick(bar.passcode_button, Qt.MouseButton.LeftButton)
    assert bar.passcode.text() == "Kc7!pq"
    assert bar.passcode_button.text() == "Hide pass&code"
    qtbot.mouseClick(bar.passcode_button, Qt.MouseButton.LeftButton)
    assert bar.passcode.text() == "••••••"
    show(services, details, make_briefing(join_passcode=None).id)
    assert not bar.passcode_button.isVisibleTo(details)


def test_a_briefing_without_a_joining_link_offers_none(qtbot, details, services, make_briefing, make_venue):
    from briefings.vocabulary import Delivery

    venue = make_venue()
    briefing = make_briefing(
        delivery=Delivery.IN_PERSON, venue_id=venue.id, join_url=None, join_passcode=None
    )
    show(services, details, briefing.id)
    assert not details.join_bar.isVisibleTo(details)


def test_a_stored_link_that_fails_the_checks_is_explained_and_never_opened(
    qtbot, details, services, db, make_briefing
):
    briefing = make_briefing()
    with db.sessions.begin() as session:  # as an old version or a careless import might have stored it
        session.execute(update(Briefing).values(join_url="javascript:alert(1)"))
    show(services, details, briefing.id)
    qtbot.mouseClick(details.join_bar.open_button, Qt.MouseButton.LeftButton)
    told = answer(qtbot, details.join_bar, "Link not opened", "OK")
    assert "must start with https://" in told
    assert details.opened == []


def test_a_look_alike_host_is_shown_as_the_browser_sees_it(
    qtbot, services, db, make_briefing, clock, monkeypatch
):
    opened = []
    monkeypatch.setattr("ui.link_opening.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    briefing = make_briefing()
    recording = services.recordings.attach(briefing.id, RecordingFields("https://stream.example.org/v/1"))
    with db.sessions.begin() as session:
        session.execute(update(Recording).values(url=LOOKALIKE))
    with shown(qtbot, RecordingsPanel(services)) as panel:
        panel.show_recordings(services.recordings.search(), clock())
        assert panel.selected().id == recording.id
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
        question = answer(qtbot, panel, "Open the link?", "Cancel")
    assert "It goes to xn--80ak6aa92e.com." in question
    assert "check it is the site you expect" in question
    assert opened == []


def test_passcode_fields_are_masked_until_the_eye_is_pressed(qtbot):
    edit = secret_field("Kc7!pq")
    qtbot.addWidget(edit)
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    (eye,) = edit.actions()
    assert not eye.icon().isNull()
    eye.trigger()
    assert edit.echoMode() == QLineEdit.EchoMode.Normal
    eye.trigger()
    assert edit.echoMode() == QLineEdit.EchoMode.Password


def test_the_briefing_form_masks_the_joining_passcode(qtbot, services, make_briefing):
    from ui.dialogs.briefing_dialog import BriefingDialog
    from ui.dialogs.briefing_form import BriefingChoices

    briefing = make_briefing(join_passcode="Kc7!pq")
    dialog = BriefingDialog(
        BriefingChoices.load(services),
        services.briefings.schedule,
        heading="Edit",
        fields=services.briefings.fields_of(briefing.id),
    )
    qtbot.addWidget(dialog)
    assert dialog.form.passcode.text() == "Kc7!pq"
    assert dialog.form.passcode.echoMode() == QLineEdit.EchoMode.Password
