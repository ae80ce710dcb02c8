"""Finding columns by their header names, however the export spelled or ordered them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefings.importing.problems import ImportRefused, Problem, error, note


@dataclass(frozen=True)
class Column:
    """A field an import reads, the header names it goes by, and whether the import needs it."""

    field: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False

    def spellings(self) -> set[str]:
        """Every spelling of the header, normalised."""
        return {header_key(a) for a in (self.label, *self.aliases)}


def header_key(text: str) -> str:
    """A header reduced to lower-case letters and digits: "LA (code)" and "la_code" both give "lacode"."""
    folded = unicodedata.normalize("NFKD", text.lstrip("\ufeff")).casefold()
    return re.sub(r"[^a-z0-9]", "", folded)


def header_score(columns: Sequence[Column]) -> Callable[[Sequence[str]], int]:
    """Scores a candidate header row by how many of the columns it names."""
    known = set().union(*(c.spellings() for c in columns))

    def score(cells: Sequence[str]) -> int:
        return sum(1 for cell in cells if header_key(cell) in known)

    return score


def locate(
    headers: Sequence[str], columns: Sequence[Column], name: str, *, chosen: Mapping[str, str] | None = None
) -> tuple[dict[str, int], tuple[Problem, ...]]:
    """Where each column is: ``{field: index}``; a missing required column refuses the file.

    Args:
        headers: The header row.
        columns: What the import reads.
        name: The file name, for messages.
        chosen: Header names the advisor picked for some fields; they win over the aliases.
    """
    keys = [header_key(h) for h in headers]
    found: dict[str, int] = {}
    notes: list[Problem] = []
    for column in columns:
        index = _index_of(keys, headers, column, (chosen or {}).get(column.field))
        if index is not None:
            found[column.field] = index
    duplicates = sorted({headers[i] for i, k in enumerate(keys) if k and keys.count(k) > 1})
    if duplicates:
        notes.append(
            note(f"Headers appear more than once ({', '.join(duplicates)}); the first of each was read")
        )
    missing = [c for c in columns if c.required and c.field not in found]
    if missing:
        problems = tuple(error(f"no “{c.label}” column", 1, c.label) for c in missing)
        shown = ", ".join(f"“{c.label}”" for c in missing)
        hint = _hint(headers)
        raise ImportRefused(f"{name} has no {shown} column{'s' if len(missing) > 1 else ''}{hint}", problems)
    return found, tuple(notes)


def _index_of(keys: list[str], headers: Sequence[str], column: Column, chosen: str | None) -> int | None:
    if chosen:
        wanted = header_key(chosen)
        return keys.index(wanted) if wanted in keys else None
    for alias in (column.label, *column.aliases):
        key = header_key(alias)
        if key in keys:
            return keys.index(key)
    return None


def _hint(headers: Sequence[str]) -> str:
    if len(headers) == 1 and any(d in headers[0] for d in ";\t|"):
        return " (the header is one long column: is the file separated by something other than commas?)"
    shown = ", ".join(h for h in headers[:8] if h)
    return f" (its header starts: {shown})" if shown else ""


def describe(
    found: Mapping[str, int], headers: Sequence[str], columns: Iterable[Column]
) -> list[tuple[str, str]]:
    """The mapping as (field label, header) pairs, for a preview."""
    return [(c.label, headers[found[c.field]]) for c in columns if c.field in found]
