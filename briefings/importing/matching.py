"""Matching report participants to people: by e-mail, then by name, then left for the advisor.

A participant matches a *booking* on the briefing when the e-mail agrees, or the name agrees well
and nobody else comes close. Someone found in the directory but not booked is proposed as a
walk-in, but only on strong evidence: the e-mail, or a near-certain name backed by their school
(named beside the name, or the e-mail's domain) or by being the only person of that exact name.
Everything weaker is a suggestion, and the advisor decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from briefings.importing.attendance_report import AttendanceReport, Participant, ParticipantRole
from briefings.importing.match_pool import Candidate, MatchPool
from briefings.importing.names import NameParts, fold, name_score, parse_display_name
from models.enums import SAFEGUARDING_LEADS

BOOKED_MATCH = 85
WALK_IN_MATCH = 90
MARGIN = 5
SUGGEST = 65
SCHOOL_BONUS = 8
DOMAIN_BONUS = 6
BOOKED_BONUS = 5
SHOWN_SUGGESTIONS = 5
EXACT = 99
HALF_NAME_FIT = 59  # a given or family name alone that agrees exactly scores 60
# More words than this is more likely a school's name on a shared device than a person's.
LONGEST_PERSON_NAME = 3


class MatchKind(StrEnum):
    """What the import proposes for a participant."""

    BOOKED = "booked"
    WALK_IN = "walk_in"
    SUGGESTED = "suggested"
    UNMATCHED = "unmatched"
    EXCLUDED = "excluded"

    @property
    def label(self) -> str:
        """The proposal as the review shows it."""
        return {
            "booked": "Matched to a booking",
            "walk_in": "Known person, not booked (walk-in)",
            "suggested": "Possible matches",
            "unmatched": "No match",
            "excluded": "Not an attendee",
        }[self.value]


@dataclass(frozen=True)
class Suggestion:
    """A person a participant might be, with how well they fit."""

    person_id: int
    name: str
    settings: tuple[str, ...]
    score: int
    booked: bool


@dataclass(frozen=True)
class Proposal:
    """What to do with one participant, and why."""

    kind: MatchKind
    person_id: int | None
    reason: str
    suggestions: tuple[Suggestion, ...] = ()


def organiser_domains(report: AttendanceReport) -> set[str]:
    """The e-mail domains of the meeting's organisers (the council's own staff)."""
    emails = [p.email for p in report.participants if p.role is ParticipantRole.ORGANISER and p.email]
    if report.host_email:
        emails.append(report.host_email)
    return {e.rsplit("@", 1)[1] for e in emails if "@" in e}


def match_report(report: AttendanceReport, pool: MatchPool) -> list[Proposal]:
    """A proposal for every participant, in report order."""
    own = organiser_domains(report)
    return [match_participant(p, pool, own) for p in report.participants]


def match_participant(participant: Participant, pool: MatchPool, own_domains: set[str]) -> Proposal:
    """The proposal for one participant (see the module docstring for the rules)."""
    excluded = _excluded(participant, pool)
    if excluded is not None:
        return excluded
    email = (participant.email or "").lower()
    if email and email in pool.by_email:
        found = pool.by_email[email]
        kind = MatchKind.BOOKED if found.booked else MatchKind.WALK_IN
        return Proposal(kind, found.person_id, "same e-mail address", (_suggestion(found, 100, pool),))
    if email and email.rsplit("@", 1)[-1] in own_domains:
        return Proposal(MatchKind.EXCLUDED, None, "from the organiser's own organisation")
    if participant.role is ParticipantRole.PHONE:
        return Proposal(MatchKind.UNMATCHED, None, "phone dial-in: the number does not say who it is")
    parts = parse_display_name(participant.match_name)
    hinted = _hinted_settings(participant, parts, pool)
    scored = _scored(parts, participant, pool, hinted)
    return _decide(parts, scored, hinted, pool)


def _excluded(participant: Participant, pool: MatchPool) -> Proposal | None:
    if participant.role is ParticipantRole.ORGANISER:
        return Proposal(MatchKind.EXCLUDED, None, "the meeting's organiser")
    if participant.role is ParticipantRole.PRESENTER:
        return Proposal(MatchKind.EXCLUDED, None, "a presenter")
    if participant.role is ParticipantRole.BOT:
        return Proposal(MatchKind.EXCLUDED, None, "a note-taking bot")
    if participant.email and participant.email.lower() in pool.facilitator_emails:
        return Proposal(MatchKind.EXCLUDED, None, "a facilitator of this briefing")
    return None


def _hinted_settings(participant: Participant, parts: NameParts, pool: MatchPool) -> set[int]:
    hinted: set[int] = set()
    for text in filter(None, (parts.hint, participant.name if participant.original_name else None)):
        for piece in text.split(";"):
            hinted |= pool.settings_named(piece)
    if not parts.family or len(fold(participant.name).split()) > LONGEST_PERSON_NAME:
        # A device signed in as the school ("St Michael's Catholic Primary School").
        hinted |= pool.settings_named(participant.name)
    domain_settings, specific = pool.settings_of_domain(participant.email)
    if specific:
        hinted |= domain_settings
    return hinted


def _scored(
    parts: NameParts, participant: Participant, pool: MatchPool, hinted: set[int]
) -> list[tuple[float, Candidate, bool]]:
    """(score, candidate, backed by a school hint), best first."""
    pool_candidates = pool.by_family(parts.family) if parts.family else []
    if parts.given and parts.family:
        pool_candidates += [c for c in pool.by_family(parts.given) if c not in pool_candidates]
    if not parts.family or not pool_candidates:
        pool_candidates += [c for s in hinted for c in pool.at_setting.get(s, []) if c not in pool_candidates]
    domain_settings, _ = pool.settings_of_domain(participant.email)
    domain = _domain(participant.email)
    scored = []
    for candidate in pool_candidates:
        score = name_score(parts, candidate.first_name, candidate.last_name)
        backed = bool(candidate.setting_ids & hinted) or (
            domain is not None and domain == _domain(candidate.email)
        )
        if candidate.setting_ids & hinted:
            score += SCHOOL_BONUS
        elif domain is not None and domain == _domain(candidate.email):
            score += DOMAIN_BONUS
        elif candidate.setting_ids & domain_settings:
            score += DOMAIN_BONUS / 2
        if candidate.booked:
            score += BOOKED_BONUS
        scored.append((score, candidate, backed))
    return sorted(scored, key=lambda item: (-item[0], item[1].person_id))


def _domain(email: str | None) -> str | None:
    return email.rsplit("@", 1)[1].lower() if email and "@" in email else None


def _decide(
    parts: NameParts, scored: Sequence[tuple[float, Candidate, bool]], hinted: set[int], pool: MatchPool
) -> Proposal:
    suggestions = tuple(_suggestion(c, s, pool) for s, c, _ in scored[:SHOWN_SUGGESTIONS] if s >= SUGGEST)
    if not scored or scored[0][0] < SUGGEST:
        return _device_or_unmatched(hinted, pool)
    best_score, best, backed = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    # "Amanda C" fits every Amanda C...: an initial alone never settles who it was.
    clear = best_score - runner_up >= MARGIN and not parts.family_initial_only
    if best.booked and best_score >= BOOKED_MATCH and clear:
        return Proposal(MatchKind.BOOKED, best.person_id, "name matches a booking", suggestions)
    if _only_booking_at_the_school(parts, scored):
        return Proposal(
            MatchKind.BOOKED, best.person_id, "the only booking with this name at that school", suggestions
        )
    unique_name = pool.full_names.get(f"{fold(parts.given)} {fold(parts.family)}", 0) == 1
    exact = name_score(parts, best.first_name, best.last_name) >= EXACT
    if not best.booked and best_score >= WALK_IN_MATCH and clear and (backed or (exact and unique_name)):
        why = "name and school match" if backed else "the only person with this name"
        return Proposal(MatchKind.WALK_IN, best.person_id, why, suggestions)
    return Proposal(MatchKind.SUGGESTED, None, "similar names: choose who it was", suggestions)


def _only_booking_at_the_school(parts: NameParts, scored: Sequence[tuple[float, Candidate, bool]]) -> bool:
    """A half name ("Siân (Wynmoor)", "Ms Phillips - Drayleigh") fitting one booking at the school named."""
    if (parts.given and parts.family and not parts.is_initial) or parts.family_initial_only:
        return False
    fitting = [
        c
        for s, c, backed in scored
        if backed and c.booked and name_score(parts, c.first_name, c.last_name) >= HALF_NAME_FIT
    ]
    return len(fitting) == 1 and scored[0][1] is fitting[0]


def _device_or_unmatched(hinted: set[int], pool: MatchPool) -> Proposal:
    people = [c for s in sorted(hinted) for c in pool.at_setting.get(s, [])]
    if hinted and people:
        people.sort(key=lambda c: (not c.booked, not (c.roles & SAFEGUARDING_LEADS), c.last_name))
        names = ", ".join(sorted({pool.settings[s] for s in hinted if s in pool.settings}))
        suggestions = tuple(_suggestion(c, 50 + 10 * c.booked, pool) for c in people[:SHOWN_SUGGESTIONS])
        return Proposal(MatchKind.SUGGESTED, None, f"an account of {names}: choose who attended", suggestions)
    return Proposal(MatchKind.UNMATCHED, None, "nobody in the directory matches")


def _suggestion(candidate: Candidate, score: float, pool: MatchPool) -> Suggestion:
    settings = tuple(sorted(pool.settings[s] for s in candidate.setting_ids if s in pool.settings))
    return Suggestion(
        candidate.person_id, candidate.full_name, settings, min(100, round(score)), candidate.booked
    )
