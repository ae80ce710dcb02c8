"""Ready-to-send email drafts (.eml, RFC 5322) carrying each recipient's invite.

The advisor works offline: Outlook opens a message marked ``X-Unsent: 1`` as a draft, ready to
send, and the recipient's mail program sees an ordinary meeting request. The structure is the
one Google Calendar and Thunderbird send and Outlook recognises::

    multipart/mixed
      multipart/alternative
        text/plain                               the invitation in words
        text/calendar; method=REQUEST            the invite (Accept/Decline comes from here)
      application/ics; name="invite.ics"         the same invite as an attachment

The method must be in the MIME header as well as in the file, or Outlook shows no buttons.
The calendar parts are base64 so their CRLF line ends and folding arrive byte for byte.
"""

from __future__ import annotations

import argparse
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import TYPE_CHECKING, ClassVar

from briefings.clock import as_utc
from briefings.invites import InviteMethod
from briefings.queries.invites import InviteRecipient, InviteState
from exports.base import Exporter, ExportFile, ExportOutcome, Progress
from exports.calendar import wording
from exports.calendar.arguments import add_invite_arguments
from exports.calendar.invites import InviteExporter, job_from_arguments, record_after_write
from exports.calendar.naming import FileNames
from exports.registry import ExportSpec, register

if TYPE_CHECKING:
    from briefings.services import Services

EML_MIMETYPE = "message/rfc822"


class EmlInvites(InviteExporter):
    """One .eml draft per recipient: an invitation, an update or a cancellation."""

    identifier: ClassVar[str] = "eml-invites"
    verbose_name: ClassVar[str] = "Email drafts with invites, ready to send from Outlook (.eml)"

    def render(self, progress: Progress | None = None) -> ExportOutcome:
        """The drafts; records in :attr:`written` who each was for."""
        self.begin()
        sendable = self.sendable()
        names = FileNames()
        files = []
        for done, recipient in enumerate(sendable, start=1):
            email = recipient.email or ""
            ics = self.invite_bytes(recipient.method, [recipient])
            kind = " - cancellation" if recipient.method is InviteMethod.CANCEL else ""
            name = names.claim(f"{self.stem()}{kind} - {recipient.name}", "eml", fallback=email)
            files.append(ExportFile(name, EML_MIMETYPE, self.message(recipient, ics)))
            self.note_written(recipient)
            self.tick(progress, done, len(sendable))
        return ExportOutcome(files=tuple(files), skipped=self.skipped(), notes=self.notes())

    def message(self, recipient: InviteRecipient, ics: bytes) -> bytes:
        """One draft, as the bytes of an .eml file (CRLF line ends)."""
        update = recipient.state is InviteState.OUTDATED
        method = recipient.method
        organiser = self.job.organiser
        message = EmailMessage(policy=policy.SMTP)
        message["X-Unsent"] = "1"
        message["From"] = Address(organiser.name or "", addr_spec=organiser.email or "")
        message["To"] = Address(recipient.name, addr_spec=recipient.email or "")
        message["Subject"] = wording.subject_text(self.entry, method, update=update)
        message["Date"] = format_datetime(as_utc(self.job.now))
        message.set_content(wording.email_body(self.entry, recipient.name, method, update=update))
        calendar_params = {"method": method.value, "charset": "UTF-8"}
        message.add_alternative(ics, maintype="text", subtype="calendar", params=calendar_params)
        message.add_attachment(
            ics, maintype="application", subtype="ics", filename="invite.ics", params={"name": "invite.ics"}
        )
        for part in message.walk():
            if part is not message:  # the email package repeats MIME-Version on every part
                del part["MIME-Version"]
        return message.as_bytes()


def _build(args: argparse.Namespace, services: Services) -> Exporter:
    return EmlInvites(job_from_arguments(args, services))


register(
    ExportSpec(
        EmlInvites.identifier, EmlInvites.verbose_name, add_invite_arguments, _build, record_after_write
    )
)
