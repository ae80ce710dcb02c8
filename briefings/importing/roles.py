"""Roles as staff lists write them ("DDSL", "D.S.L.", "Head Teacher", "SBM"...) in our vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.enums import Role


@dataclass(frozen=True)
class RoleReading:
    """What a role text means: our role, and the job title worth keeping (None for a mere spelling)."""

    role: Role
    job_title: str | None
    recognised: bool


# (pattern on the folded text, role, whether the text says more than the role and is kept as the title)
_RULES: tuple[tuple[str, Role, bool], ...] = (
    (
        r"(deputy|dep|assistant|alternate|ddsl|adsl)\b.*\b(dsl|designated safeguarding|safeguarding lead)"
        r"|^(ddsl|adsl)$",
        Role.DEPUTY_DSL,
        False,
    ),
    (
        r"^(dsl|designated safeguarding lead|designated safeguarding officer|safeguarding lead)$",
        Role.DSL,
        False,
    ),
    (
        r"(designated safeguarding|safeguarding lead|child protection (lead|officer|coordinator))",
        Role.DSL,
        True,
    ),
    (r"^(headteacher|head teacher|head)$", Role.HEADTEACHER, False),
    (
        r"(head ?teacher|^head of school$|^principal$|^executive head|^acting head|^interim head)",
        Role.HEADTEACHER,
        True,
    ),
    (r"^governor$", Role.GOVERNOR, False),
    (r"(governor|^chair$|^chair of|^trustee)", Role.GOVERNOR, True),
    (r"^pshe (lead|coordinator|co ordinator)$", Role.PSHE_LEAD, False),
    (r"(pshe|rshe)", Role.PSHE_LEAD, True),
    (r"^(rse|rse lead|rse coordinator|relationships and sex education lead)$", Role.RSE_LEAD, False),
    (r"\brse\b", Role.RSE_LEAD, True),
)
# Roles outside our vocabulary that lists spell many ways: one job title each.
_OTHER_TITLES: tuple[tuple[str, str], ...] = (
    (r"^(sbm|school business manager|business manager|bursar|office manager)$", "Business manager"),
)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9/ ]+", " ", text.lower().replace(".", "")).split())


def read_role(text: str) -> RoleReading:
    """Our reading of a role as written; unknown roles become "other" keeping the text as job title."""
    folded = _fold(text)
    for pattern, role, keeps_title in _RULES:
        if re.search(pattern, folded):
            title = " ".join(text.split()) if keeps_title else None
            return RoleReading(role, title, recognised=True)
    for pattern, title in _OTHER_TITLES:
        if re.search(pattern, folded):
            return RoleReading(Role.OTHER, title, recognised=True)
    cleaned = " ".join(text.split())
    return RoleReading(Role.OTHER, cleaned[:120] or None, recognised=False)
