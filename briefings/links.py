"""Links are not a door: what the app shows before a joining, recording or resource link opens.

Nothing is opened automatically. The UI asks ``LinkService`` for a ``LinkToOpen``, shows the
host (in ASCII, so a look-alike international name cannot pass for a familiar one) and opens
the browser only when the advisor confirms. Stored links are checked again here, because a
link can reach the database by a route that skipped validation (an old version, an import).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from briefings.validation import https_url, link_host


@dataclass(frozen=True)
class LinkToOpen:
    """A checked https link and the host it really goes to."""

    url: str
    host: str
    typed_host: str

    @property
    def looks_like_another_host(self) -> bool:
        """Whether the host was written in non-ASCII letters (a possible look-alike)."""
        return self.host != self.typed_host

    def question(self) -> str:
        """What to ask before opening it."""
        text = f"Open this link in your browser? It goes to {self.host}."
        if self.looks_like_another_host:
            text += f" The link writes the name as “{self.typed_host}”: check it is the site you expect."
        return text


def link_to_open(url: str, field: str = "url", label: str = "The link") -> LinkToOpen:
    """Check a stored link again and say where it goes.

    Raises:
        ValidationError: the link is not a safe https link.
    """
    checked = https_url(url, field, label)
    return LinkToOpen(url=checked, host=link_host(checked), typed_host=urlsplit(checked).hostname or "")
