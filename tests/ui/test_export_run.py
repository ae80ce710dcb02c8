"""The export job the dialogs run: build, render, write, follow up (no Qt needed)."""

from __future__ import annotations

import argparse

import pytest

from briefings.errors import ReadOnlyError
from exports.base import ExportCancelled, Exporter, ExportError, ExportFile, ExportOutcome
from exports.registry import ExportSpec
from ui.exporting.arguments import ArgumentsRefusedError, ExportOptions
from ui.exporting.run import ExportRun, ExportStep


class _Files(Exporter):
    identifier = "test-files"
    verbose_name = "Test files"

    def __init__(self, names: list[str], refuse: str | None = None) -> None:
        self.names = names
        self.refuse = refuse

    def render(self, progress=None) -> ExportOutcome:
        if self.refuse:
            raise ExportError(self.refuse)
        for done, _name in enumerate(self.names, start=1):
            self.tick(progress, done, len(self.names))
        files = tuple(ExportFile(n, "text/plain", n.encode()) for n in self.names)
        return ExportOutcome(files, skipped=("Ann: no email address",), notes=("Written.",))


def _spec(after_write=None) -> ExportSpec:
    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--name", action="append", default=[])
        parser.add_argument("--refuse")

    return ExportSpec(
        "test-files",
        "Test files",
        arguments,
        lambda args, _services: _Files(args.name, args.refuse),
        after_write,
    )


def _step(*words: str, label: str = "", after_write=None) -> ExportStep:
    spec = _spec(after_write)
    return ExportStep(spec, ExportOptions.of(spec).parse(list(words)), label)


def _keep_going(_done: int, _total: int) -> bool:
    return True


@pytest.fixture
def out(tmp_path):
    """The export folder (the test database lives in tmp_path itself)."""
    return tmp_path / "out"


def test_files_are_written_with_what_was_skipped_and_noted(services, out):
    run = ExportRun(services, [_step("--name", "a.txt", "--name", "b.txt")], out)
    report = run(_keep_going)
    assert [p.name for p in report.written] == ["a.txt", "b.txt"]
    assert (out / "b.txt").read_text() == "b.txt"
    assert report.skipped == ("Ann: no email address",)
    assert report.notes == ("Written.",)
    assert run.report == report


def test_the_same_name_from_two_steps_is_kept_apart(services, out):
    steps = [_step("--name", "Invite.ics", label="9:30"), _step("--name", "invite.ics", label="13:30")]
    report = ExportRun(services, steps, out, partial=True)(_keep_going)
    assert sorted(p.name for p in report.written) == ["Invite.ics", "invite (2).ics"]
    assert report.skipped == ("9:30: Ann: no email address", "13:30: Ann: no email address")


def test_one_refusing_step_of_many_becomes_a_note(services, out):
    steps = [_step("--name", "a.txt", label="First"), _step("--refuse", "All up to date", label="Second")]
    report = ExportRun(services, steps, out, partial=True)(_keep_going)
    assert [p.name for p in report.written] == ["a.txt"]
    assert "Second: All up to date" in report.notes


def test_every_step_refusing_for_one_reason_says_it_once_and_writes_nothing(services, out):
    steps = [_step("--refuse", "Set the organiser", label=day) for day in ("Mon", "Tue")]
    with pytest.raises(ExportError, match=r"^Set the organiser$"):
        ExportRun(services, steps, out, partial=True)(_keep_going)
    assert not (out).exists()


def test_a_single_refusal_is_not_softened(services, out):
    with pytest.raises(ExportError, match="Nobody is booked"):
        ExportRun(services, [_step("--refuse", "Nobody is booked")], out)(_keep_going)
    assert not out.exists()


def test_cancel_after_rendering_still_writes_nothing(services, out):
    answers = iter([True, True, True, False])  # the last question comes just before writing
    with pytest.raises(ExportCancelled):
        ExportRun(services, [_step("--name", "a.txt", "--name", "b.txt")], out)(lambda _d, _t: next(answers))
    assert not out.exists()


def test_follow_up_runs_after_writing_and_a_refusal_there_is_a_warning(services, out):
    seen = []

    def after_write(args, exporter, services):
        seen.append(sorted(p.name for p in out.iterdir()))
        raise ReadOnlyError("the database is read-only")

    report = ExportRun(services, [_step("--name", "a.txt", after_write=after_write)], out)(_keep_going)
    assert seen == [["a.txt"]]  # the files existed when the ledger would have recorded them
    assert report.warnings == ("The files were written, but the database is read-only",)


def test_progress_across_steps_fills_the_bar_once(services, out):
    reports = []
    steps = [_step("--name", f"{n}.txt", label=str(n)) for n in range(3)]
    ExportRun(services, steps, out, partial=True)(lambda d, t: reports.append((d, t)) or True)
    assert {t for _d, t in reports} == {3000}
    assert [d for d, _t in reports] == sorted(d for d, _t in reports)
    assert reports[-1] == (3000, 3000)


def test_options_parse_as_the_command_line_parses_them():
    options = ExportOptions.of(_spec())
    assert options.takes("name")
    assert not options.takes("briefing")
    assert options.words("name", "x") == ["--name", "x"]
    with pytest.raises(ArgumentsRefusedError, match="unrecognized arguments"):
        options.parse(["--nonsense"])
