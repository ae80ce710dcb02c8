"""The people an attendance report is matched against: the briefing's bookings first, then everyone."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from briefings.importing.names import compact, fold
from models.briefings import Briefing
from models.enums import BookingStatus, Role, SettingStatus
from models.people import Membership, Person
from models.registrations import Registration
from models.settings import Setting

FAMILY_CUTOFF = 70
SCHOOL_HINT = 88
# A domain used by people at more settings than this belongs to a trust or a provider, not a school.
SPECIFIC_DOMAIN = 2
MIN_HINT = 4  # shorter hints ("St", "CE") match too many school names


@dataclass(frozen=True)
class Candidate:
    """A person a participant might be."""

    person_id: int
    first_name: str
    last_name: str
    email: str | None
    setting_ids: frozenset[int]
    roles: frozenset[Role]
    registration_id: int | None
    booking: BookingStatus | None

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}"

    @property
    def booked(self) -> bool:
        """Whether they hold a place on the briefing."""
        return self.booking is BookingStatus.BOOKED


class MatchPool:
    """Everyone who could be matched, indexed by e-mail, family name, setting and e-mail domain."""

    def __init__(self, session: Session, briefing: Briefing) -> None:
        self.briefing_id = briefing.id
        self.facilitator_emails = {p.email.lower() for p in briefing.facilitators if p.email}
        day = briefing.starts_at.date()
        self.candidates = _candidates(session, briefing.id, day)
        self.by_id = {c.person_id: c for c in self.candidates}
        self.by_email = {c.email.lower(): c for c in self.candidates if c.email}
        self._by_family: dict[str, list[Candidate]] = defaultdict(list)
        self.at_setting: dict[int, list[Candidate]] = defaultdict(list)
        domains: dict[str, set[int]] = defaultdict(set)
        for candidate in self.candidates:
            self._by_family[compact(candidate.last_name)].append(candidate)
            for setting_id in candidate.setting_ids:
                self.at_setting[setting_id].append(candidate)
            if candidate.email and "@" in candidate.email:
                domains[candidate.email.rsplit("@", 1)[1]].update(candidate.setting_ids)
        self.domain_settings = dict(domains)
        self._families = list(self._by_family)
        self.settings = {
            row.id: row.name
            for row in session.execute(
                select(Setting.id, Setting.name).where(Setting.status != SettingStatus.CLOSED)
            )
        }
        self._setting_names = {fold(name): setting_id for setting_id, name in self.settings.items()}
        self.full_names: dict[str, int] = defaultdict(int)
        for candidate in self.candidates:
            self.full_names[f"{fold(candidate.first_name)} {fold(candidate.last_name)}"] += 1

    def by_family(self, family: str) -> list[Candidate]:
        """Candidates whose family name is close to ``family`` (typos allowed)."""
        key = compact(family)
        if not key:
            return []
        if len(key) == 1:
            return [c for name, found in self._by_family.items() if name.startswith(key) for c in found]
        close = process.extract(
            key, self._families, scorer=fuzz.ratio, score_cutoff=FAMILY_CUTOFF, limit=None
        )
        found = [c for name, _, _ in close for c in self._by_family[name]]
        last = compact(family.rsplit(maxsplit=1)[-1]) if family.split() else ""
        if last and last != key:
            found.extend(c for c in self._by_family.get(last, []) if c not in found)
        return found

    def settings_named(self, text: str) -> set[int]:
        """Settings whose name a participant's school hint ("Name - School", "(Wynmoor)") points at."""
        key = fold(text)
        if len(key) < MIN_HINT:
            return set()
        hits = process.extract(
            key, list(self._setting_names), scorer=fuzz.partial_ratio, score_cutoff=SCHOOL_HINT, limit=8
        )
        return {self._setting_names[name] for name, _, _ in hits}

    def settings_of_domain(self, email: str | None) -> tuple[set[int], bool]:
        """Settings whose people use the participant's e-mail domain, and whether it is one school's own."""
        if not email or "@" not in email:
            return set(), False
        found = self.domain_settings.get(email.rsplit("@", 1)[1], set())
        return set(found), 0 < len(found) <= SPECIFIC_DOMAIN


def _candidates(session: Session, briefing_id: int, day: date) -> list[Candidate]:
    places: dict[int, set[int]] = defaultdict(set)
    roles: dict[int, set[Role]] = defaultdict(set)
    for membership in session.scalars(select(Membership).where(Membership.setting_id.is_not(None))):
        if membership.setting_id is not None and (membership.ends_on is None or membership.ends_on >= day):
            places[membership.person_id].add(membership.setting_id)
            roles[membership.person_id].add(membership.role)
    bookings = {
        r.person_id: r
        for r in session.scalars(select(Registration).where(Registration.briefing_id == briefing_id))
    }
    found = []
    for person in session.scalars(select(Person).where(Person.erased_at.is_(None))):
        registration = bookings.get(person.id)
        if registration is not None and registration.setting_id is not None:
            places[person.id].add(registration.setting_id)
        found.append(
            Candidate(
                person_id=person.id,
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email.lower() if person.email else None,
                setting_ids=frozenset(places.get(person.id, ())),
                roles=frozenset(roles.get(person.id, ())),
                registration_id=registration.id if registration else None,
                booking=registration.status if registration else None,
            )
        )
    return found
