"""Starting a second copy of the app in its own process, for the one-writer tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@contextmanager
def other_copy(database: Path, *, app: bool = False) -> Iterator[subprocess.Popen[str]]:
    """A process holding the database's writer lock until the block ends (it is then killed)."""
    args = [sys.executable, "-m", "tests.lock_holder", str(database)] + (["app"] if app else [])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        args, cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "ready", line
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def close_properly(child: subprocess.Popen[str]) -> None:
    """Ask the other copy to release the lock and exit."""
    assert child.stdin is not None
    child.stdin.write("bye\n")
    child.stdin.flush()
    assert child.wait(timeout=30) == 0
