"""Staff at each open setting: a head, safeguarding leads, a governor, PSHE and RSE leads, others.

In many small primaries the head is also the DSL (one person, two roles); secondaries have
several deputies. About one in twenty has no e-mail address on file, governors more often.
"""

from __future__ import annotations

from datetime import date

from briefings.demo.context import DemoRandom
from briefings.demo.county import DemoSetting
from briefings.demo.identities import IdentityMaker
from briefings.demo.people import DemoMembership, DemoPeople
from models.enums import Phase, Role

HEAD_TITLES = ("Headteacher",) * 8 + ("Head of School", "Executive Headteacher")
DSL_TITLES = ("Deputy Headteacher", "Assistant Headteacher (Inclusion)", "Designated Safeguarding Lead",
              "Pastoral Lead", "Inclusion Manager")  # fmt: skip
DEPUTY_TITLES = ("SENCo", "Assistant Headteacher", "Family Support Worker", "Year 6 Teacher",
                 "Head of Year 9", "Pastoral Manager", "Learning Mentor",
                 "Attendance and Welfare Officer")  # fmt: skip
GOVERNOR_TITLES = ("Safeguarding governor", "Safeguarding governor", "Chair of governors")
PSHE_TITLES = ("PSHE lead", "PSHE coordinator", "RSHE lead")
OTHER_TITLES = ("School business manager", "School business manager", "Office manager", "SENCo",
                "Attendance officer")  # fmt: skip
TEACHING_TITLES = (
    "Class teacher",
    "Teaching assistant",
    "Head of Year",
    "Pastoral support worker",
    "Teacher",
)
NOTES = ("Prefers online sessions", "Part-time: Monday to Wednesday", "Acting DSL while the DSL is on leave",
         "Also DSL for the federation's other school", "Job share with the deputy head")  # fmt: skip
BIG_PHASES = frozenset({Phase.SECONDARY, Phase.ALL_THROUGH, Phase.MIDDLE})


class StaffMaker:
    """Makes the people of one setting after another."""

    def __init__(self, rng: DemoRandom, people: DemoPeople, today: date, teachers_per_100: float) -> None:
        self._rng = rng
        self._people = people
        self._names = IdentityMaker(rng)
        self._today = today
        self._teachers_per_100 = teachers_per_100

    @property
    def names(self) -> IdentityMaker:
        """The shared name and e-mail source (partners draw from it too, so addresses stay unique)."""
        return self._names

    def staff(self, setting: DemoSetting) -> None:
        """Everyone who works at (or governs) one open setting."""
        rng = self._rng
        head = self._person(setting, Role.HEADTEACHER, _head_title(rng, setting))
        if setting.small and rng.chance(0.75):
            self._role(head, setting, Role.DSL, None)
        else:
            self._person(setting, Role.DSL, rng.choice(DSL_TITLES))
            if rng.chance(0.3):
                self._role(head, setting, Role.DEPUTY_DSL, None)
        for _ in range(_deputies(rng, setting)):
            self._person(setting, Role.DEPUTY_DSL, rng.choice(DEPUTY_TITLES))
        if rng.chance(0.9):
            title = "Safeguarding trustee" if rng.chance(0.1) else rng.choice(GOVERNOR_TITLES)
            self._person(setting, Role.GOVERNOR, title, governor=True)
        pshe = self._person(setting, Role.PSHE_LEAD, rng.choice(PSHE_TITLES)) if rng.chance(0.85) else None
        if rng.chance(0.6 if setting.phase in BIG_PHASES else 0.15):
            if pshe is not None and rng.chance(0.4):
                self._role(pshe, setting, Role.RSE_LEAD, "Head of PSHE and RSE")
            else:
                self._person(setting, Role.RSE_LEAD, "RSE lead")
        for _ in range(rng.choice((0, 1, 1, 2))):
            self._person(setting, Role.OTHER, rng.choice(OTHER_TITLES))
        teachers = round(setting.pupils / 100 * self._teachers_per_100 * rng.uniform(0.6, 1.4))
        for _ in range(teachers):
            self._person(setting, Role.OTHER, rng.choice(TEACHING_TITLES), email_share=0.9)

    def leaver(self, setting: DemoSetting, role: Role, ends_on: date) -> DemoMembership:
        """Someone who held a role at a setting and has since left the county."""
        person_id = self._new_person(setting, governor=role is Role.GOVERNOR, email_share=0.9)
        started = date(ends_on.year - self._rng.randint(2, 9), 9, 1)
        return self._people.add_role(
            DemoMembership(person_id, role, setting_id=setting.id, starts_on=started, ends_on=ends_on)
        )

    def _person(
        self,
        setting: DemoSetting,
        role: Role,
        job_title: str | None,
        *,
        governor: bool = False,
        email_share: float = 0.96,
    ) -> int:
        person_id = self._new_person(setting, governor=governor, email_share=email_share)
        self._role(person_id, setting, role, job_title)
        return person_id

    def _new_person(self, setting: DemoSetting, *, governor: bool, email_share: float) -> int:
        rng = self._rng
        who = self._names.identity()
        email: str | None = None
        if governor:
            if rng.chance(0.88):
                personal = rng.chance(0.35)
                email = (
                    self._names.personal_email(who) if personal else self._names.email(who, setting.domain, 0)
                )
        elif rng.chance(email_share):
            email = self._names.email(who, setting.domain, setting.email_style)
        phone = self._names.phone() if rng.chance(0.6) else None
        notes = rng.choice(NOTES) if rng.chance(0.02) else None
        person_id = self._people.add_person(who, email, phone, notes)
        return person_id

    def _role(self, person_id: int, setting: DemoSetting, role: Role, job_title: str | None) -> None:
        rng = self._rng
        starts_on = None
        if rng.chance(0.6):
            year = self._today.year - rng.randint(1, 14)
            starts_on = date(year, 9, 1)
        self._people.add_role(
            DemoMembership(person_id, role, setting_id=setting.id, starts_on=starts_on, job_title=job_title)
        )


def _head_title(rng: DemoRandom, setting: DemoSetting) -> str:
    if setting.phase in BIG_PHASES and "cademy" in setting.establishment_type and rng.chance(0.4):
        return "Principal"
    if setting.phase is Phase.PRU_AP:
        return "Head of Centre"
    return rng.choice(HEAD_TITLES)


def _deputies(rng: DemoRandom, setting: DemoSetting) -> int:
    if setting.phase in BIG_PHASES:
        return rng.randint(2, 4)
    if setting.phase in (Phase.SPECIAL, Phase.PRU_AP):
        return rng.randint(1, 3)
    return 1 if setting.small else rng.randint(1, 2)
