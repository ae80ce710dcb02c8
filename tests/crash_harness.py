"""Killing a child process (SIGKILL) at many points during a change, then checking the files.

``interrupt`` first runs the workload to the end once to learn how long its change takes, then
runs it again on fresh copies of the files, killing it at points spread over that time, and
after each kill reopens the files, runs SQLite's integrity check and asks the workload whether
all or none of the change is there. Each run is a process of its own, forked from a server
process that has done the imports once (``tests.crash_workloads.serve``), so runs start in
milliseconds and a kill lands where it was aimed even on a busy machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.crash_workloads import Workload
from tests.storage_checks import integrity

REPO = Path(__file__).resolve().parent.parent
DATABASE_NAME = "briefing-desk.sqlite3"


@dataclass(frozen=True)
class Kill:
    """One interrupted run: when it was killed, whether it had committed, what survived."""

    after_seconds: float
    committed: bool
    outcome: str


def interrupt(workload: Workload, database: Path, work: Path, points: int) -> list[Kill]:
    """Kill the workload at ``points`` moments and check the files after each kill.

    Args:
        workload: The change to interrupt.
        database: A migrated database to start from (copied, never changed).
        work: A scratch folder.
        points: How many kills.
    """
    pristine = work / "pristine"
    pristine.mkdir(parents=True)
    shutil.copyfile(database, pristine / DATABASE_NAME)
    (pristine / "out").mkdir()
    with _server(workload) as server:
        before, duration = _calibrate(workload, server, pristine, work / "run")
        kills = []
        for n in range(points):
            # From the moment the change begins to a little past its end: commit and checkpoint too.
            delay = duration * 1.1 * n / max(points - 1, 1)
            copy, folder = _fresh(pristine, work / "run")
            pid = server.start(copy, folder)
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)  # not yet reaped: the pid is still this run's
            said = server.finish()
            problems = integrity(copy)
            assert problems == ["ok"], f"{workload.name} killed after {delay:.3f}s: {problems}"
            kills.append(Kill(delay, "committed" in said, workload.outcome(copy, folder, before)))
    return kills


class _Server:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        assert process.stdin is not None
        assert process.stdout is not None
        self.stdin = process.stdin
        self.stdout = process.stdout

    def start(self, database: Path, folder: Path) -> int:
        """Fork a run and return its pid once its change is under way."""
        self.stdin.write(f"{database}\t{folder}\n")
        self.stdin.flush()
        pid, begun = None, False
        while pid is None or not begun:  # the two processes' lines may come in either order
            line = self._line()
            if line.startswith("pid "):
                pid = int(line.removeprefix("pid "))
            else:
                assert line == "begun", line
                begun = True
        return pid

    def finish(self) -> list[str]:
        """Let the server reap the run; what the run said until it ended, however it ended."""
        self.stdin.write("reap\n")
        self.stdin.flush()
        said = []
        while not (line := self._line()).startswith("done"):
            said.append(line)
        return [*said, line]

    def _line(self) -> str:
        line = self.stdout.readline()
        assert line, f"the crash-test server stopped (exit {self.process.poll()})"
        return line.strip()


@contextmanager
def _server(workload: Workload) -> Iterator[_Server]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_workloads", workload.name],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    server = _Server(process)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "serving"
        yield server
    finally:
        server.stdin.close()
        process.wait(timeout=60)
        server.stdout.close()


def _calibrate(workload: Workload, server: _Server, pristine: Path, work: Path) -> tuple[object, float]:
    database, folder = _fresh(pristine, work)
    before = workload.prepare(database, folder)
    shutil.rmtree(pristine)
    shutil.copytree(work, pristine)  # every later run starts from the prepared state
    database, folder = _fresh(pristine, work)
    server.start(database, folder)
    started = time.perf_counter()
    said = server.finish()
    duration = time.perf_counter() - started  # from under way to ended: where kills matter
    assert said == ["committed", "done 0"], f"{workload.name} failed when left alone: {said}"
    assert workload.outcome(database, folder, before) == "all"
    return before, duration


def _fresh(pristine: Path, work: Path) -> tuple[Path, Path]:
    if work.exists():
        shutil.rmtree(work)
    # Nothing has these files open, so a plain copy is right here (it never is for a live one).
    shutil.copytree(pristine, work)
    return work / DATABASE_NAME, work / "out"
