"""SQLAlchemy models of Briefing Desk, one aggregate per module, and the database set-up."""

from models.audit import AuditEvent
from models.base import Base
from models.briefings import Briefing, BriefingResource, Series, Topic, briefing_facilitators
from models.certificates import Certificate
from models.imports import AttendanceImportRow
from models.invites import InviteSent
from models.licences import LicenceAllocation, LicencePool
from models.people import Membership, Organisation, Person
from models.preferences import Preference
from models.recordings import Recording, RecordingAccess
from models.registrations import Registration
from models.settings import Setting
from models.venues import Venue

__all__ = [
    "AttendanceImportRow",
    "AuditEvent",
    "Base",
    "Briefing",
    "BriefingResource",
    "Certificate",
    "InviteSent",
    "LicenceAllocation",
    "LicencePool",
    "Membership",
    "Organisation",
    "Person",
    "Preference",
    "Recording",
    "RecordingAccess",
    "Registration",
    "Series",
    "Setting",
    "Topic",
    "Venue",
    "briefing_facilitators",
]
