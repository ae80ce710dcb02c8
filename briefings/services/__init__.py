"""The services: the only API ui/ sees. Built once per open database by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from briefings.audit_trail import AuditRecorder
from briefings.clock import Clock, system_clock
from briefings.services.audit_service import AuditService
from briefings.services.backup_service import BackupService
from briefings.services.base import ServiceContext
from briefings.services.booking_service import BookingService
from briefings.services.briefing_service import BriefingService
from briefings.services.certificate_service import CertificateService
from briefings.services.compliance_service import ComplianceService
from briefings.services.demo_service import DemoService
from briefings.services.directory_service import DirectoryService
from briefings.services.invite_service import InviteService
from briefings.services.licence_service import LicenceService
from briefings.services.link_service import LinkService
from briefings.services.preference_service import PreferenceService
from briefings.services.privacy_service import PrivacyService
from briefings.services.recording_service import RecordingService
from briefings.services.return_service import ReturnService

if TYPE_CHECKING:
    from briefings.services.import_service import ImportService


@dataclass(frozen=True)
class Services:
    """Every service over one database, sharing one context."""

    context: ServiceContext
    briefings: BriefingService
    bookings: BookingService
    directory: DirectoryService
    licences: LicenceService
    recordings: RecordingService
    compliance: ComplianceService
    preferences: PreferenceService
    invites: InviteService
    demo: DemoService
    audit: AuditService
    privacy: PrivacyService
    backups: BackupService
    links: LinkService
    returns: ReturnService
    certificates: CertificateService

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        *,
        clock: Clock = system_clock,
        read_only: bool = False,
        read_only_reason: str | None = None,
    ) -> Services:
        """Wire every service to the same session factory and clock; every write is audited."""
        context = ServiceContext(
            sessions=sessions, clock=clock, read_only=read_only or read_only_reason is not None
        )
        if read_only_reason:
            context.read_only_reason = read_only_reason
        context.session_hooks.append(AuditRecorder(lambda: context.actor, context.clock).attach)
        return cls(
            context=context,
            briefings=BriefingService(context),
            bookings=BookingService(context),
            directory=DirectoryService(context),
            licences=LicenceService(context),
            recordings=RecordingService(context),
            compliance=ComplianceService(context),
            preferences=PreferenceService(context),
            invites=InviteService(context),
            demo=DemoService(context),
            audit=AuditService(context),
            privacy=PrivacyService(context),
            backups=BackupService(context),
            links=LinkService(context),
            returns=ReturnService(context),
            certificates=CertificateService(context),
        )

    @cached_property
    def imports(self) -> ImportService:
        """Imports, loaded on first use: parsing and fuzzy matching are slow to import at start."""
        from briefings.services.import_service import ImportService  # noqa: PLC0415

        return ImportService(self.context)
