"""Importing this module registers every exporter (one import per exporter module)."""

from exports.calendar import drafts, invites, publish  # noqa: F401
