"""Screenshots of the export dialogs: an export, its result, invites, Verify certificate, Preferences.

Each opens the dialog the way the window does (``window.exporting``) over the seeded county. The
invites shot first sets the advisor's preferences, sends the briefing's invites and moves it
half an hour, so the dialog shows the ledger at work ("1 change since last sent to ... people").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from briefings.document_preferences import DocumentPreferences
from briefings.invites import SentInvite
from briefings.queries.briefings import BriefingFilter
from exports.registry import spec
from ui.exporting.arguments import ExportOptions
from ui.exporting.result_dialog import ExportResultDialog
from ui.exporting.run import ExportRun, ExportStep

if TYPE_CHECKING:
    from ui.screenshots.tour import Tour

Shot = tuple[str, Callable[[], QWidget]]
# Of the people holding the old time, this many have been sent the update already.
UPDATED_ALREADY = 12
ADVISOR = DocumentPreferences(
    organiser_name="Jo Whitfield",
    organiser_email="jo.whitfield@wyvernshire.gov.example",
    organisation="Wyvernshire County Council, Education Safeguarding Team",
    minimum_minutes=60,
)


def export_shots(tour: Tour) -> list[Shot]:
    """The export dialogs, in the order a reader of the README meets them."""
    return [
        ("dialog-export-certificates", lambda: _export(tour, "pdf-certificates", past=True)),
        ("dialog-export-result", lambda: _result(tour)),
        ("dialog-export-period-return", lambda: _export(tour, "xlsx-period")),
        ("dialog-invites", lambda: _invites(tour)),
        ("dialog-verify-certificate", lambda: _verify(tour)),
        ("dialog-preferences", lambda: _shown(tour, tour.window.exporting.edit_preferences())),
    ]


def _shown(tour: Tour, dialog: QDialog | None) -> QWidget:
    assert dialog is not None  # noqa: S101 - every shot opens a dialog
    dialog.adjustSize()
    tour.keep(dialog)
    return dialog


def _past_briefing(tour: Tour) -> int:
    briefing_id = tour.interesting_briefing()
    assert briefing_id is not None  # noqa: S101 - the seeded county has past briefings
    return briefing_id


def _export(tour: Tour, identifier: str, *, past: bool = False) -> QWidget:
    briefing_id = _past_briefing(tour) if past else None
    return _shown(tour, tour.window.exporting.open_export(identifier, briefing_id))


def _result(tour: Tour) -> QWidget:
    certificates = spec("pdf-certificates")
    options = ExportOptions.of(certificates)
    args = options.parse(["--briefing", str(_past_briefing(tour)), "--separate"])
    run = ExportRun(tour.services, [ExportStep(certificates, args)], tour.scratch / "Certificates")
    report = run(lambda _done, _total: True)
    return _shown(tour, ExportResultDialog(certificates.verbose_name, report, tour.window))


def _invites(tour: Tour) -> QWidget:
    services = tour.services
    services.preferences.set_documents(ADVISOR)
    upcoming = services.briefings.search(BriefingFilter(when="upcoming"))
    briefing = max(upcoming, key=lambda row: row.booked)
    status = services.invites.status(briefing.id)
    sent = [SentInvite(r.email, r.person_id, r.method, status.sequence) for r in status.due() if r.email]
    services.invites.record_sent(briefing.id, sent)
    later = timedelta(minutes=30)
    services.briefings.reschedule(briefing.id, briefing.starts_at + later, briefing.ends_at + later)
    status = services.invites.status(briefing.id)
    updated = [
        SentInvite(r.email, r.person_id, r.method, status.sequence)
        for r in status.due()[:UPDATED_ALREADY]
        if r.email
    ]
    services.invites.record_sent(briefing.id, updated)
    return _shown(tour, tour.window.exporting.open_invites(briefing.id))


def _verify(tour: Tour) -> QWidget:
    issued = tour.services.certificates.issue(_past_briefing(tour)).certificates
    dialog = tour.window.exporting.verify_certificate()
    if issued:
        dialog.number.setPlainText(issued[0].number)
        dialog.check()
    return _shown(tour, dialog)
