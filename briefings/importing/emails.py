"""E-mail addresses as lists hold them, cleaned where the mistake is unambiguous and reported always.

Fixed (with a warning): spaces and non-breaking spaces, ``mailto:``, capitals, a doubled ``@``,
a comma for a dot, a second address after a semicolon (kept aside), a space for the ``@`` when the
rest is a domain the list uses elsewhere, a transposed or mistyped last part of the domain when
the list (or the usual suffixes) has the right one. Anything else that is not an address is left
out rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from briefings.directory import EMAIL_PATTERN

_INVISIBLE = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
_SEPARATORS = re.compile(r"\s*(?:;|/|\s+and\s+|,\s+|\s+)\s*")
COMMON_SUFFIXES = frozenset(
    {"com", "org", "net", "uk", "example", "gov", "sch", "ac", "nhs", "police", "info", "co"}
)
TYPO_RATIO = 20
MIN_SUFFIX = 2  # one- and two-letter suffixes are too short to call a typo


@dataclass(frozen=True)
class CleanEmail:
    """An address after cleaning, what was corrected, and what was set aside."""

    address: str | None
    corrections: tuple[str, ...] = ()
    dropped: str | None = None
    others: tuple[str, ...] = ()


def raw_domains(values: Iterable[str]) -> Counter[str]:
    """How often each domain occurs among raw addresses (to recognise a domain and a typo of one)."""
    found: Counter[str] = Counter()
    for value in values:
        text = _INVISIBLE.sub(" ", value).strip().lower()
        if text.count("@") == 1:
            found[text.rsplit("@", 1)[1].strip()] += 1
    return found


def clean_email(raw: str, domains: Counter[str] | None = None) -> CleanEmail:
    """Clean one address as typed into a list (see the module docstring for what is corrected)."""
    text = _INVISIBLE.sub(" ", raw).strip().strip("<>\"'").strip()
    if not text:
        return CleanEmail(None)
    corrections: list[str] = []
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
        corrections.append("removed “mailto:”")
    others: tuple[str, ...] = ()
    if text.count("@") > 1 and "@@" not in text:
        first, *rest = [p for p in _SEPARATORS.split(text) if p]
        text, others = first, tuple(r.lower() for r in rest)
        corrections.append(f"kept the first of {1 + len(rest)} addresses")
    if "@@" in text:
        text = re.sub("@+", "@", text)
        corrections.append("doubled @ made single")
    if text != text.lower():
        text = text.lower()
    if "," in text:
        text = text.replace(",", ".")
        corrections.append("comma read as a dot")
    text, fixed = _space_for_at(text, domains or Counter())
    corrections.extend(fixed)
    text, fixed = _suffix_typo(text, domains or Counter())
    corrections.extend(fixed)
    if " " in text or not EMAIL_PATTERN.match(text):
        return CleanEmail(
            None, tuple(corrections), dropped=f"“{raw.strip()[:80]}” is not an e-mail address", others=others
        )
    return CleanEmail(text, tuple(corrections), others=others)


def _space_for_at(text: str, domains: Counter[str]) -> tuple[str, list[str]]:
    if "@" in text or text.count(" ") != 1:
        return text, []
    local, domain = text.split(" ")
    if domains.get(domain, 0) >= 1 and "." in domain:
        return f"{local}@{domain}", ["a space read as @ (the domain is used elsewhere in the list)"]
    return text, []


def _suffix_typo(text: str, domains: Counter[str]) -> tuple[str, list[str]]:
    if text.count("@") != 1:
        return text, []
    local, domain = text.split("@")
    stem, _, suffix = domain.rpartition(".")
    if not stem or suffix in COMMON_SUFFIXES:
        return text, []
    support: Counter[str] = Counter()
    for known, n in domains.items():
        support[known.rpartition(".")[2]] += n
    # A suffix a list uses once or twice beside one it uses hundreds of times is a typo of it.
    near = [
        known
        for known in COMMON_SUFFIXES | set(support)
        if len(known) > MIN_SUFFIX
        and OSA.distance(known, suffix) == 1
        and (known in COMMON_SUFFIXES or support[known] >= TYPO_RATIO * max(support[suffix], 1))
    ]
    if len(near) == 1:
        return f"{local}@{stem}.{near[0]}", [f"“.{suffix}” read as “.{near[0]}”"]
    return text, []
