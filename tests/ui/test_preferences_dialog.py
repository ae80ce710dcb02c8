"""Edit ▸ Preferences: the organiser, the organisation and the certificate pictures, checked in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage

from briefings.document_preferences import (
    MINIMUM_MINUTES,
    ORGANISATION_LOGO,
    SIGNATURE_IMAGE,
    DocumentPreferences,
)
from ui.dialogs.preferences_dialog import PreferencesDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, services, host):
    shown = PreferencesDialog(services, host)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def logo(tmp_path):
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    path = tmp_path / "crest.png"
    assert image.save(str(path))
    return path


def type_into(qtbot, edit, text):
    """Type, then pause: the field is checked once typing stops."""
    edit.clear()
    qtbot.keyClicks(edit, text)


def settled_message(qtbot, dialog, field):
    """The message under a field once the pause after typing has passed."""
    timers = [t for t in dialog.findChildren(QTimer) if t.isActive()]
    qtbot.waitUntil(lambda: not any(t.isActive() for t in timers), timeout=3000)
    return dialog.message_for(field)


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_everything_is_saved_and_shown_again_next_time(qtbot, services, host, dialog, logo):
    type_into(qtbot, dialog.organiser_name, "Jo Advisor")
    type_into(qtbot, dialog.organiser_email, "jo.advisor@wyvernshire.example")
    type_into(qtbot, dialog.organisation, "Wyvernshire County Council")
    type_into(qtbot, dialog.logo.edit, str(logo))
    assert not dialog.logo.preview.pixmap().isNull()  # the advisor sees what will be printed
    dialog.minimum.setValue(45)
    with qtbot.waitSignal(dialog.saved):
        save(qtbot, dialog)
    assert services.preferences.documents() == DocumentPreferences(
        organiser_name="Jo Advisor",
        organiser_email="jo.advisor@wyvernshire.example",
        organisation="Wyvernshire County Council",
        logo_path=str(logo),
        minimum_minutes=45,
    )
    again = PreferencesDialog(services, host)
    assert again.organiser_email.text() == "jo.advisor@wyvernshire.example"
    assert again.logo.text() == str(logo)
    assert again.minimum.value() == 45
    again.close()


def test_an_email_without_an_address_shape_is_flagged_on_leaving_and_refused(qtbot, services, dialog):
    type_into(qtbot, dialog.organiser_email, "jo at wyvernshire")
    assert dialog.message_for("email") == ""  # not while typing
    assert (
        settled_message(qtbot, dialog, "email") == "“jo at wyvernshire” does not look like an email address"
    )
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "does not look like an email address" in dialog.message_for("email")
    assert services.invites.organiser().email is None
    type_into(qtbot, dialog.organiser_email, "jo@wyvernshire.example")
    assert settled_message(qtbot, dialog, "email") == ""


def test_a_picture_that_is_missing_or_does_not_load_is_flagged_and_nothing_is_stored(
    qtbot, services, dialog, tmp_path
):
    type_into(qtbot, dialog.logo.edit, str(tmp_path / "gone.png"))
    assert "cannot be found" in settled_message(qtbot, dialog, ORGANISATION_LOGO)
    broken = tmp_path / "signature.jpg"
    broken.write_bytes(b"not a picture at all")
    type_into(qtbot, dialog.logo.edit, "")
    type_into(qtbot, dialog.signature.edit, str(broken))
    assert "cannot be read as a picture" in settled_message(qtbot, dialog, SIGNATURE_IMAGE)
    assert dialog.message_for(ORGANISATION_LOGO) == ""
    type_into(qtbot, dialog.organiser_name, "Jo Advisor")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert services.preferences.documents().organiser_name is None


def test_a_relative_picture_path_is_refused(qtbot, dialog):
    type_into(qtbot, dialog.signature.edit, "signature.png")
    assert "whole path" in settled_message(qtbot, dialog, SIGNATURE_IMAGE)


def test_the_minimum_reads_as_any_time_when_zero(dialog):
    assert dialog.minimum.value() == 0
    assert dialog.minimum.text() == "Any time marked present or late"
    assert MINIMUM_MINUTES in dialog._messages  # refusals of the minimum show under it
