"""What the UI and the command line may ask of the demo: whether it fits, and to load it."""

from __future__ import annotations

from datetime import date

from briefings.clock import london_today
from briefings.demo.generator import DEFAULT_SEED, DemoSummary, Progress, demo_refusal, generate_demo
from briefings.services.base import Service


class DemoService(Service):
    """Loads the demo county into an empty database, in one transaction."""

    def refusal(self) -> str | None:
        """Why the demo cannot be loaded here (the database holds data), or None."""
        with self._read() as session:
            return demo_refusal(session)

    def load(
        self, *, seed: int = DEFAULT_SEED, today: date | None = None, progress: Progress | None = None
    ) -> DemoSummary:
        """Fill the database with the demo county as it stands on ``today`` (default: today in England).

        Raises:
            ConflictError: the database already holds settings, people or briefings.
            OperationCancelled: ``progress`` returned False; nothing was kept.
        """
        day = today or london_today(self.now())
        with self._write() as session:
            return generate_demo(session, seed=seed, today=day, progress=progress)
