"""Made-up people: names, titles, unique e-mail addresses and drama-range telephone numbers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefings.demo.context import DemoRandom
from briefings.demo.names import FEMALE_FIRST_NAMES, FEMALE_TITLES, MALE_FIRST_NAMES, MALE_TITLES, SURNAMES

# Letters NFKD does not take apart.
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "ß": "ss", "đ": "d"})
EMAIL_STYLES = ("{first}.{last}", "{f}{last}", "{last}{f}", "{first}_{last}", "{f}.{last}")
PERSONAL_DOMAINS = ("mail.example", "webmail.example", "home.example")
FEMALE_SHARE = 0.76
NO_TITLE_SHARE = 0.02


@dataclass(frozen=True)
class Identity:
    """Who someone is, before they have a role anywhere."""

    title: str | None
    first_name: str
    last_name: str


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only: ``Ó Súilleabháin`` -> ``osuilleabhain``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


class IdentityMaker:
    """Draws names and hands out e-mail addresses that are unique ignoring case."""

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._emails: set[str] = set()
        self._titles: dict[bool, tuple[list[str], list[int]]] = {
            female: ([title for title, _ in titles], [weight for _, weight in titles])
            for female, titles in ((True, FEMALE_TITLES), (False, MALE_TITLES))
        }

    def identity(self) -> Identity:
        """A person's title and names."""
        rng = self._rng
        female = rng.chance(FEMALE_SHARE)
        first = rng.choice(FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES)
        titles, weights = self._titles[female]
        title = None if rng.chance(NO_TITLE_SHARE) else rng.choices(titles, weights)[0]
        return Identity(title, first, rng.choice(SURNAMES))

    def email(self, who: Identity, domain: str, style: int) -> str:
        """An address at ``domain`` in the house ``style``; a number is added when it is taken."""
        first, last = ascii_slug(who.first_name), ascii_slug(who.last_name)
        local = EMAIL_STYLES[style % len(EMAIL_STYLES)].format(first=first, last=last, f=first[:1])
        return self._claim(local, domain)

    def personal_email(self, who: Identity) -> str:
        """A home address, as governors and volunteers often give."""
        first, last = ascii_slug(who.first_name), ascii_slug(who.last_name)
        local = f"{last}{first[:1]}{self._rng.randint(1, 99)}"
        return self._claim(local, self._rng.choice(PERSONAL_DOMAINS))

    def role_email(self, local: str, domain: str) -> str | None:
        """A shared mailbox such as ``dsl@``; None when another person already has it."""
        address = f"{local}@{domain}"
        if address in self._emails:
            return None
        self._emails.add(address)
        return address

    def phone(self) -> str:
        """A landline or mobile number from Ofcom's ranges for drama (never a real line)."""
        rng = self._rng
        if rng.chance(0.7):
            return f"01632 960{rng.randint(0, 999):03d}"
        return f"07700 900{rng.randint(0, 999):03d}"

    def _claim(self, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        n = 2
        while address in self._emails:
            address = f"{local}{n}@{domain}"
            n += 1
        self._emails.add(address)
        return address
