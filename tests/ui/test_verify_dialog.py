"""Verify certificate: a number typed or a QR text pasted, checked offline against this database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from briefings.certificate_verification import VerificationStatus
from tests.attendance_scenario import hold_briefing
from ui.dialogs.verify_dialog import VerifyCertificateDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def issued(services, clock, make_briefing):
    held = hold_briefing(services, clock, make_briefing)
    certificates = services.certificates.issue(held.briefing.id).certificates
    return next(c for c in certificates if c.details.person_name == "Zoë Brontë")


@pytest.fixture
def dialog(qtbot, services, host):
    shown = VerifyCertificateDialog(services, host)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def check(qtbot, dialog, text):
    dialog.number.clear()
    qtbot.keyClicks(dialog.number, text)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    return dialog.verification


def test_a_genuine_number_shows_valid_and_what_it_certified(qtbot, dialog, issued):
    verification = check(qtbot, dialog, issued.number.lower().replace("-", " "))
    assert verification.status is VerificationStatus.VALID
    assert dialog.verdict.text() == "Valid"
    assert dialog.details_box.isVisible()
    assert dialog.detail_labels["Name"].text() == "Zoë Brontë"
    assert dialog.detail_labels["Setting"].text() == "St Thomas à Becket C of E Primary"
    assert dialog.detail_labels["Briefing"].text() == "DSL update briefing, Wed 8 Oct 2025"
    assert dialog.detail_labels["Attended"].text() == "120 minutes (2 CPD hours)"
    assert dialog.detail_labels["Number"].text().startswith(f"{issued.number}, issued ")


def test_a_qr_text_with_the_name_changed_does_not_match(qtbot, dialog, issued):
    tampered = issued.payload("Wyvernshire").replace("Name: Zoë Brontë", "Name: Zoe Bronte-Smith")
    dialog.number.setPlainText(tampered)  # pasted from a scanner app
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.verification.status is VerificationStatus.MISMATCH
    assert dialog.verdict.text() == "Does not match: name"
    assert dialog.detail_labels["Name"].text() == "Zoë Brontë"  # what was really certified


def test_details_read_off_the_paper_are_compared(qtbot, dialog, issued):
    dialog.name.setText("zoë  brontë")  # QTest cannot type accents; case and spacing are forgiven
    dialog.date.setDate(QDate(2025, 10, 9))
    verification = check(qtbot, dialog, issued.number)
    assert verification.status is VerificationStatus.MISMATCH
    assert dialog.verdict.text() == "Does not match: date"
    dialog.date.setDate(QDate(2025, 10, 8))
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.verification.status is VerificationStatus.VALID


def test_a_number_with_a_wrong_check_is_unknown(qtbot, dialog, issued):
    forged = issued.number[:-1] + ("A" if issued.number[-1] != "A" else "B")
    verification = check(qtbot, dialog, forged)
    assert verification.status is VerificationStatus.UNKNOWN
    assert dialog.verdict.text() == "Unknown"
    assert "No certificate numbered" in dialog.message.text()
    assert not dialog.details_box.isVisible()


def test_text_that_is_no_number_is_malformed(qtbot, dialog):
    verification = check(qtbot, dialog, "certificate of Zoe Bronte")
    assert verification.status is VerificationStatus.MALFORMED
    assert dialog.verdict.text() == "Not a certificate number"


def test_nothing_typed_checks_nothing(qtbot, dialog):
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.verification is None
    assert not dialog.verdict.isVisible()
