"""Importing this module registers every exporter (one import per exporter module)."""

from exports import briefing_return, licence_return, period_return

# Each module registers its ExportSpec when imported; naming them here says that is why they are.
EXPORTER_MODULES = (briefing_return, licence_return, period_return)
