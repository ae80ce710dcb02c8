"""Where the shared sample county (``../shared/data``) is, if it is on this machine at all.

Tests that read it skip with a reason when it is absent; the parsers also have small fixtures of
their own, so they are always tested.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENVIRONMENT = "BRIEFING_DESK_SAMPLE_DATA"


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _candidates() -> list[Path]:
    found = []
    if os.environ.get(ENVIRONMENT):
        found.append(Path(os.environ[ENVIRONMENT]))
    found.append(REPO.parent / "shared" / "data")
    # A git worktree: the main checkout is where its common .git folder lives.
    common = _git("rev-parse", "--git-common-dir")
    if common:
        found.append((REPO / common).resolve().parent.parent / "shared" / "data")
    # A clone of a local checkout (as CI makes): the sample data sits beside the original.
    origin = _git("config", "--get", "remote.origin.url")
    if origin and "://" not in origin and not origin.startswith("git@"):
        found.append(Path(origin).expanduser().resolve().parent / "shared" / "data")
    return found


def sample_data_dir() -> Path | None:
    """The folder holding the sample county's README and files, or None."""
    return next((c for c in _candidates() if (c / "README.md").is_file()), None)


SAMPLE_DATA = sample_data_dir()
SKIP_REASON = f"the shared sample data is not on this machine (set {ENVIRONMENT} to its folder)"
