"""One export as the app runs it: build, render, write, follow up, exactly as the command line does.

An :class:`ExportRun` is a worker job (``run(progress)``) with no Qt in it. It builds each step's
exporter from its spec and arguments, renders every file in memory (cancellable), and only then
writes them atomically with :func:`exports.cli.write_outcome` and runs the spec's ``after_write``
(the invite ledger records what went out only once the files exist). Several steps make one run
when one dialog asks for many exports at once, such as the invites for a whole series.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.errors import DomainError
from exports.base import ExportCancelled, Exporter, ExportError, ExportFile, ExportOutcome, safe_filename
from exports.cli import write_outcome
from exports.registry import ExportSpec

if TYPE_CHECKING:
    from briefings.services import Services

Progress = Callable[[int, int], bool]
# Each step's share of the progress bar, so several steps fill it once between them.
STEP_SPAN = 1000


@dataclass(frozen=True)
class ExportStep:
    """One exporter to run: its spec and the arguments the command line would have parsed.

    ``label`` names the step in messages when a run has several (a briefing of a series).
    """

    spec: ExportSpec
    args: argparse.Namespace
    label: str = ""


@dataclass(frozen=True)
class ExportReport:
    """What a run wrote, whom it left out and why, and what else the advisor should know."""

    folder: Path
    written: tuple[Path, ...]
    skipped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass
class _Rendered:
    step: ExportStep
    exporter: Exporter
    outcome: ExportOutcome


class ExportRun:
    """A worker job writing one or more exports into ``folder``.

    With ``partial`` set (several steps), a step that refuses (everyone's invite already up to
    date) becomes a note and the rest go ahead; only when every step refuses does the run refuse.
    :attr:`report` is set the moment files are on disk, so a Cancel that arrives too late to
    stop anything can still show what was written.
    """

    def __init__(
        self, services: Services, steps: Sequence[ExportStep], folder: Path, *, partial: bool = False
    ) -> None:
        if not steps:
            raise ValueError("an export run needs at least one step")
        self.services = services
        self.steps = tuple(steps)
        self.folder = folder
        self.partial = partial
        self.report: ExportReport | None = None

    def __call__(self, progress: Progress) -> ExportReport:
        """Render every step, then write and follow up; raises ExportError if nothing can be written."""
        rendered, refusals = self._render_all(progress)
        if not progress(len(self.steps) * STEP_SPAN, len(self.steps) * STEP_SPAN):
            raise ExportCancelled  # the last moment a Cancel leaves the folder untouched
        return self._write(rendered, refusals)

    def _render_all(self, progress: Progress) -> tuple[list[_Rendered], list[tuple[str, str]]]:
        rendered: list[_Rendered] = []
        refusals: list[tuple[str, str]] = []
        for number, step in enumerate(self.steps):
            if not progress(number * STEP_SPAN, len(self.steps) * STEP_SPAN):
                raise ExportCancelled
            try:
                exporter = step.spec.build(step.args, self.services)
                outcome = exporter.render(_step_progress(progress, number, len(self.steps)))
            except (ExportError, DomainError) as error:
                if not self.partial:
                    raise
                refusals.append((step.label, str(error)))
                continue
            rendered.append(_Rendered(step, exporter, outcome))
        if not rendered:
            raise ExportError(_refused_text(refusals))
        return rendered, refusals

    def _write(self, rendered: list[_Rendered], refusals: list[tuple[str, str]]) -> ExportReport:
        written: list[Path] = []
        skipped: list[str] = []
        notes: list[str] = []
        names = _UniqueNames()
        for item in rendered:
            outcome = item.outcome
            files = tuple(names.unique(f) for f in outcome.files)
            written += write_outcome(ExportOutcome(files), self.folder)
            label = f"{item.step.label}: " if item.step.label and len(rendered) > 1 else ""
            skipped += [label + s for s in outcome.skipped]
            notes += [label + n for n in outcome.notes]
        notes += [f"{label}: {message}" if label else message for label, message in refusals]
        self.report = ExportReport(self.folder, tuple(written), tuple(skipped), tuple(notes))
        follow_up, warnings = self._follow_up(rendered)
        self.report = ExportReport(
            self.folder, tuple(written), tuple(skipped), (*self.report.notes, *follow_up), tuple(warnings)
        )
        return self.report

    def _follow_up(self, rendered: list[_Rendered]) -> tuple[list[str], list[str]]:
        lines: list[str] = []
        warnings: list[str] = []
        for item in rendered:
            after_write = item.step.spec.after_write
            if after_write is None:
                continue
            label = f"{item.step.label}: " if item.step.label and len(rendered) > 1 else ""
            try:
                lines += [label + line for line in after_write(item.step.args, item.exporter, self.services)]
            except DomainError as error:
                # The files exist already; say plainly what could not be recorded, never hide it.
                warnings.append(f"{label}The files were written, but {error}")
        return lines, warnings


class _UniqueNames:
    """Keeps file names from different steps apart (two sessions of one briefing on one day)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def unique(self, export_file: ExportFile) -> ExportFile:
        name = safe_filename(export_file.filename)
        stem, dot, extension = name.rpartition(".")
        if not dot:
            stem, extension = name, ""
        number = 1
        while name.casefold() in self._taken:
            number += 1
            name = f"{stem} ({number}){dot}{extension}"
        self._taken.add(name.casefold())
        return export_file._replace(filename=name)


def _step_progress(progress: Progress, number: int, steps: int) -> Progress:
    if steps == 1:
        return progress

    def report(done: int, total: int) -> bool:
        share = done * STEP_SPAN // total if total else 0
        return progress(number * STEP_SPAN + share, steps * STEP_SPAN)

    return report


def _refused_text(refusals: list[tuple[str, str]]) -> str:
    reasons = list(dict.fromkeys(message for _label, message in refusals))
    if len(reasons) == 1:  # every step refused for one reason (no organiser set): say it once
        return reasons[0]
    return "\n".join(f"{label}: {message}" if label else message for label, message in refusals)
