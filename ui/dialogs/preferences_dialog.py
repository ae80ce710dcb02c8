"""Edit ▸ Preferences: who sends the invites, and what certificates and registers are headed with.

Everything here is stored in the database (it travels with the data) in one transaction. Fields
are checked when the advisor pauses typing or leaves them (an email's shape, an image that exists
and loads), and again when saving, where the domain has the last word.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from briefings.directory import EMAIL_PATTERN
from briefings.document_preferences import (
    IMAGE_SUFFIXES,
    MAX_MINIMUM_MINUTES,
    MINIMUM_MINUTES,
    ORGANISATION_LOGO,
    ORGANISATION_NAME,
    SIGNATURE_IMAGE,
    DocumentPreferences,
)
from briefings.errors import ValidationError
from briefings.services import Services
from ui.dialogs.form_dialog import FormDialog

PREVIEW_HEIGHT = 40
# A pause in typing this long counts as finished: long enough not to scold half an address.
PAUSE_MS = 700


def check_when_done(edit: QLineEdit, check: Callable[[], object], parent: QObject) -> QTimer:
    """Run ``check`` when the advisor leaves the field or stops typing for a moment."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(PAUSE_MS)
    timer.timeout.connect(check)
    edit.textChanged.connect(lambda _text: timer.start())
    edit.editingFinished.connect(timer.stop)
    edit.editingFinished.connect(check)
    return timer


def image_problem(text: str, label: str) -> str | None:
    """Why the picture at ``text`` cannot go on a certificate, or None if it can (or none is given)."""
    if not text.strip():
        return None
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        return f"{label} must be given by its whole path; use Choose… to pick it"
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return f"{label} must be a PNG or JPEG picture"
    if not path.is_file():
        return f"{label} {path} cannot be found"
    reader = QImageReader(str(path))
    if reader.read().isNull():
        return f"{label} {path.name} cannot be read as a picture ({reader.errorString()})"
    return None


class ImagePathField(QWidget):
    """A picture's path, a Choose… button and a small preview of what will be printed."""

    def __init__(self, text: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text or "")
        self.edit.setPlaceholderText("None")
        self.edit.setClearButtonEnabled(True)
        self.choose_button = QPushButton("Choose…")
        self.choose_button.clicked.connect(self.choose)
        self.preview = QLabel()
        self.preview.setFixedHeight(PREVIEW_HEIGHT)
        self.preview.setAccessibleName("Preview")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.preview)
        self.edit.textChanged.connect(lambda _text: self.show_preview())
        self.show_preview()

    def choose(self) -> None:
        """Pick a picture with the system's file chooser."""
        start = self.edit.text() or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Choose a picture", start, "Pictures (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self.edit.setText(chosen)

    def show_preview(self) -> None:
        """A thumbnail of the picture, or nothing."""
        text = self.edit.text().strip()
        pixmap = QPixmap(text) if text and Path(text).is_file() else QPixmap()
        self.preview.setVisible(not pixmap.isNull())
        if pixmap.isNull():
            self.preview.clear()
        else:
            self.preview.setPixmap(
                pixmap.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )

    def text(self) -> str:
        """The path typed (trimmed)."""
        return self.edit.text().strip()


class PreferencesDialog(FormDialog):
    """The organiser, the organisation, its logo, the signature and the certificate minimum."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Preferences", parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 96)  # an organisation's long name
        self._services = services
        stored = services.preferences.documents()
        self.organiser_name = QLineEdit(stored.organiser_name or "")
        self.organiser_email = QLineEdit(stored.organiser_email or "")
        self.organiser_email.setPlaceholderText("you@council.gov.uk")
        self.organisation = QLineEdit(stored.organisation or "")
        self.organisation.setPlaceholderText("Wyvernshire County Council, Education Safeguarding Team")
        self.logo = ImagePathField(stored.logo_path)
        self.signature = ImagePathField(stored.signature_path)
        self.minimum = QSpinBox()
        self.minimum.setRange(0, MAX_MINIMUM_MINUTES)
        self.minimum.setPrefix("at least ")
        self.minimum.setSuffix(" minutes attended")
        self.minimum.setSpecialValueText("Any time marked present or late")
        self.minimum.setValue(stored.minimum_minutes)
        self.add_note(
            "<b>Invites</b><br>Sent in your name; replies and Accept/Decline come back to your address."
        )
        self.add_field("name", "Your name:", self.organiser_name)
        self.add_field("email", "Your email address:", self.organiser_email)
        self.add_note("<br><b>Registers, returns and certificates</b><br>Headed with your organisation.")
        self.add_field(ORGANISATION_NAME, "Organisation:", self.organisation)
        self.add_field(ORGANISATION_LOGO, "Logo:", self.logo)
        self.add_field(SIGNATURE_IMAGE, "Signature:", self.signature)
        self.add_field(MINIMUM_MINUTES, "Certificates need:", self.minimum)
        check_when_done(self.organiser_email, self.check_email, self)
        check_when_done(self.logo.edit, lambda: self.check_image(ORGANISATION_LOGO), self)
        check_when_done(self.signature.edit, lambda: self.check_image(SIGNATURE_IMAGE), self)
        if services.context.read_only:
            self.save_button.setEnabled(False)
            self.general_message.show_message(
                f"This database is open read-only ({services.context.read_only_reason or 'by request'}); "
                "preferences cannot be changed."
            )

    def check_email(self) -> bool:
        """Show, under the field, whether the email address has an address's shape."""
        text = self.organiser_email.text().strip()
        problem = (
            None if not text or EMAIL_PATTERN.match(text) else f"“{text}” does not look like an email address"
        )
        return self._show("email", problem)

    def check_image(self, key: str) -> bool:
        """Show, under the field, whether the picture exists and loads."""
        field, label = (
            (self.logo, "The logo") if key == ORGANISATION_LOGO else (self.signature, "The signature")
        )
        return self._show(key, image_problem(field.text(), label))

    def _show(self, key: str, problem: str | None) -> bool:
        message = self._messages[key]
        if problem is None:
            message.clear()
            return True
        message.show_message(problem)
        self._make_room()
        return False

    def save(self) -> DocumentPreferences:
        """Check the pictures load, then store everything in one transaction."""
        for key, field, label in (
            (ORGANISATION_LOGO, self.logo, "The logo"),
            (SIGNATURE_IMAGE, self.signature, "The signature"),
        ):
            problem = image_problem(field.text(), label)
            if problem is not None:
                raise ValidationError(problem, key)
        return self._services.preferences.set_documents(
            DocumentPreferences(
                organiser_name=self.organiser_name.text(),
                organiser_email=self.organiser_email.text(),
                organisation=self.organisation.text(),
                logo_path=self.logo.text() or None,
                signature_path=self.signature.text() or None,
                minimum_minutes=self.minimum.value(),
            )
        )
