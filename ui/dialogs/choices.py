"""Searches that feed the choosers: settings, people and briefings, asked of the services."""

from __future__ import annotations

from collections.abc import Callable

from briefings.queries.briefings import BriefingFilter, BriefingRow
from briefings.queries.directory import PersonFilter, PersonRow, SettingFilter, SettingRow
from briefings.services import Services
from ui.display_text import moment_text
from ui.widgets.search_chooser import CHOICES_SHOWN, Choice, Search


def setting_choice(setting: SettingRow) -> Choice:
    """A setting as a chooser lists it: name, then URN and district to tell namesakes apart."""
    detail = ", ".join(p for p in (f"URN {setting.urn}" if setting.urn else "", setting.district or "") if p)
    return Choice(setting.id, setting.name, detail)


def person_choice(person: PersonRow) -> Choice:
    """A person as a chooser lists them: name, then email and where they work."""
    detail = ", ".join(p for p in (person.email or "", person.places) if p)
    return Choice(person.id, person.full_name, detail)


def briefing_choice(briefing: BriefingRow) -> Choice:
    """A briefing as a chooser lists it: title, then when."""
    return Choice(briefing.id, briefing.title, moment_text(briefing.starts_at))


def search_settings(services: Services, *, open_only: bool = False) -> Search:
    """Settings whose name, postcode or URN matches (closed ones too unless ``open_only``)."""

    def search(text: str) -> list[Choice]:
        flt = SettingFilter(text=text, openness="open" if open_only else "all", limit=CHOICES_SHOWN)
        return [setting_choice(s) for s in services.directory.settings(flt)]

    return search


def search_people(services: Services) -> Search:
    """People whose name or email matches every word typed."""

    def search(text: str) -> list[Choice]:
        flt = PersonFilter(text=text, include_former=True, limit=CHOICES_SHOWN)
        return [person_choice(p) for p in services.directory.people(flt)]

    return search


def search_briefings(services: Services, keep: Callable[[BriefingRow], bool] = lambda b: True) -> Search:
    """Briefings whose title, topic or venue matches, latest first."""

    def search(text: str) -> list[Choice]:
        rows = services.briefings.search(BriefingFilter(text=text, limit=CHOICES_SHOWN * 2))
        return [briefing_choice(b) for b in rows if keep(b)]

    return search
