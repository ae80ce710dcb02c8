"""GIAS' words for types, phases and statuses, and what they mean in our vocabulary."""

from __future__ import annotations

from models.enums import Phase, SettingStatus

_STATUSES = {
    "open": SettingStatus.OPEN,
    "open, but proposed to close": SettingStatus.OPEN,
    "proposed to open": SettingStatus.PROPOSED,
    "closed": SettingStatus.CLOSED,
}
_PHASES = {
    "nursery": Phase.NURSERY,
    "primary": Phase.PRIMARY,
    "middle deemed primary": Phase.MIDDLE,
    "middle deemed secondary": Phase.MIDDLE,
    "secondary": Phase.SECONDARY,
    "all-through": Phase.ALL_THROUGH,
    "all through": Phase.ALL_THROUGH,
    "16 plus": Phase.SIXTEEN_PLUS,
}
_SIXTEEN_PLUS_TYPES = (
    "further education",
    "sixth form centre",
    "16 to 19",
    "16-19",
    "post 16",
)
_PRU_AP_TYPES = ("pupil referral unit", "alternative provision")

# Reasons GIAS gives when a school closes only to carry on under a new URN.
CONVERSION_CLOSE_REASONS = frozenset(
    {"academy converter", "for academy", "fresh start", "academy sponsor led"}
)
MERGER_CLOSE_REASONS = frozenset({"result of amalgamation/merger", "result of amalgamation", "merger"})
MERGER_OPEN_REASONS = frozenset({"result of amalgamation", "result of amalgamation/merger", "merger"})


def gias_status(name: str) -> SettingStatus | None:
    """Our status for GIAS' ``EstablishmentStatus (name)``; None when unknown."""
    return _STATUSES.get(" ".join(name.lower().split()))


def gias_phase(type_name: str, group_name: str, phase_name: str) -> Phase:
    """Our phase from GIAS' type, type group and phase of education.

    The type decides first for the kinds of provision GIAS files under "Not applicable" (special
    schools, PRUs and alternative provision, independent schools, nurseries, colleges); the
    phase of education decides the rest.
    """
    kind = type_name.lower()
    group = group_name.lower()
    if "special" in kind:
        return Phase.SPECIAL
    if any(word in kind for word in _PRU_AP_TYPES):
        return Phase.PRU_AP
    if "nursery" in kind:
        return Phase.NURSERY
    if any(word in kind for word in _SIXTEEN_PLUS_TYPES) or "colleges" in group:
        return Phase.SIXTEEN_PLUS
    if "independent" in kind or group.startswith("independent"):
        return Phase.INDEPENDENT
    return _PHASES.get(" ".join(phase_name.lower().split()), Phase.OTHER)
