"""Importing this module registers every exporter (one import per exporter module)."""

from exports import attendance_certificates, briefing_return, licence_return, period_return, sign_in_register
from exports.calendar import drafts, invites, publish

# Each module registers its ExportSpec when imported; naming them here says that is why they are.
EXPORTER_MODULES = (
    attendance_certificates,
    briefing_return,
    drafts,
    invites,
    licence_return,
    period_return,
    publish,
    sign_in_register,
)
