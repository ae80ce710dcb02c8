"""What the UI and the command line may ask of the demo: whether it fits, and to load it.

The generator (and its name lists) loads on first use: the app's start has no need of it
(about 30 ms), and most starts never load the demo.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from briefings.clock import london_today
from briefings.services.base import Service

if TYPE_CHECKING:
    from briefings.demo.generator import DemoSummary, Progress


class DemoService(Service):
    """Loads the demo county into an empty database, in one transaction."""

    def refusal(self) -> str | None:
        """Why the demo cannot be loaded here (the database holds data), or None."""
        from briefings.demo.generator import demo_refusal  # noqa: PLC0415 - see the module docstring

        with self._read() as session:
            return demo_refusal(session)

    def load(
        self, *, seed: int | None = None, today: date | None = None, progress: Progress | None = None
    ) -> DemoSummary:
        """Fill the database with the demo county as it stands on ``today`` (default: today in England).

        ``seed`` picks another county (default: the generator's own, as the CLI uses).

        Raises:
            ConflictError: the database already holds settings, people or briefings.
            OperationCancelled: ``progress`` returned False; nothing was kept.
        """
        from briefings.demo.generator import DEFAULT_SEED, generate_demo  # noqa: PLC0415

        day = today or london_today(self.now())
        with self._write() as session:
            return generate_demo(
                session, seed=DEFAULT_SEED if seed is None else seed, today=day, progress=progress
            )
