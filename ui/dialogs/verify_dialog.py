"""Verify a certificate: a number (or its scanned QR text) checked against this database, offline.

A school or an inspector reads the number off the paper, optionally with the name, setting and
date it shows; the answer is VALID with what was certified, UNKNOWN, MISMATCH (naming the
details that differ) or MALFORMED.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefings.certificate_numbers import format_hours
from briefings.certificate_verification import Verification, VerificationStatus
from briefings.certificates import CertificateRow
from briefings.services import Services
from ui.colours import error_colour, good_colour, warning_colour
from ui.formatting import day_text

VERDICTS = {
    VerificationStatus.VALID: "Valid",
    VerificationStatus.UNKNOWN: "Unknown",
    VerificationStatus.MISMATCH: "Does not match",
    VerificationStatus.MALFORMED: "Not a certificate number",
}
DETAIL_ROWS = ("Name", "Setting", "Briefing", "Attended", "Number")
# The earliest date stands for "not given": no certificate predates the app.
NOT_CHECKED = QDate(2000, 1, 1)
INTRO = (
    "Type the number printed on the certificate, or paste the text its QR code holds. It is checked "
    "against the certificates issued from this database, on this computer (no network is used)."
)


class VerifyCertificateDialog(QDialog):
    """Number in, verdict and the certified details out."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Verify a certificate")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self.verification: Verification | None = None
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.number = QPlainTextEdit()
        self.number.setAccessibleName("Certificate number or QR text")
        self.number.setPlaceholderText("2025-000042-K7QX-M3PA")
        self.number.setTabChangesFocus(True)
        self.number.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.number.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)  # sets the dialog's width
        self.check_button = QPushButton("&Check")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.check)
        top = QFormLayout()
        top.addRow("Number:", self.number)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # room for the verdict
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self._claims_box())
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self._result_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _claims_box(self) -> QGroupBox:
        box = QGroupBox("What the paper says (optional)")
        self.name = QLineEdit()
        self.setting = QLineEdit()
        self.date = QDateEdit()
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NOT_CHECKED)
        self.date.setSpecialValueText("Not checked")
        self.date.setDate(NOT_CHECKED)
        grid = QGridLayout(box)
        grid.addWidget(QLabel("Name:"), 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(QLabel("Date:"), 0, 2)
        grid.addWidget(self.date, 0, 3)
        grid.addWidget(QLabel("Setting:"), 1, 0)
        grid.addWidget(self.setting, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        return box

    def _result_box(self) -> QWidget:
        box = QWidget()
        self.verdict = QLabel()
        font = QFont(self.verdict.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setAccessibleName("Verdict")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QFormLayout()
        self.detail_labels: dict[str, QLabel] = {}
        for key in DETAIL_ROWS:
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[key] = label
            self.details.addRow(f"{key}:", label)
        self.details_box = QGroupBox("What it certified")
        self.details_box.setLayout(self.details)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.details_box)
        self.verdict.hide()
        self.message.hide()
        self.details_box.hide()
        return box

    def claims(self) -> dict[str, str]:
        """The details typed in from the paper (only those given)."""
        claims = {"person_name": self.name.text(), "setting_name": self.setting.text()}
        if self.date.date() != NOT_CHECKED:
            claims["briefing_date"] = self.date.date().toString("yyyy-MM-dd")
        return {key: value.strip() for key, value in claims.items() if value.strip()}

    def check(self) -> Verification | None:
        """Look the number up and show the verdict."""
        text = self.number.toPlainText().strip()
        if not text:
            self.number.setFocus()
            return None
        verification = self._services.certificates.verify(text, self.claims())
        self.show_verification(verification)
        return verification

    def show_verification(self, verification: Verification) -> None:
        """The verdict in colour, the sentence, and the record when there is one."""
        self.verification = verification
        palette = self.palette()
        colour = {
            VerificationStatus.VALID: good_colour(palette),
            VerificationStatus.MISMATCH: error_colour(palette),
        }.get(verification.status, warning_colour(palette))
        verdict = VERDICTS[verification.status]
        if verification.differences:
            verdict += f": {', '.join(verification.differences)}"
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(f"color: {colour.name()}")
        self.message.setText(verification.message)
        self.verdict.show()
        self.message.show()
        self.details_box.setVisible(verification.certificate is not None)
        if verification.certificate is not None:
            self._show_details(verification.certificate)

    def _show_details(self, certificate: CertificateRow) -> None:
        details = certificate.details
        values = {
            "Name": details.person_name,
            "Setting": details.setting_name or "(none)",
            "Briefing": f"{details.briefing_title}, {day_text(details.briefing_date)}",
            "Attended": f"{details.minutes} minutes ({format_hours(details.cpd_hours)} CPD hours)",
            "Number": f"{certificate.number}, issued {day_text(certificate.issued_at.date())}",
        }
        for key, value in values.items():
            self.detail_labels[key].setText(value)
