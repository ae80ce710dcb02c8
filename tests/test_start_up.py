from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
# Libraries the window does not need to show itself (STYLE.md section 8: paint first, import the
# exporters' libraries on first use); Alembic only when a database needs migrating.
HEAVY = (
    "alembic",
    "icalendar",
    "openpyxl",
    "reportlab",
    "python_calamine",
    "rapidfuzz",
    "briefings.demo.generator",
)
PROBE = """
import sys
import main, ui.app, ui.main_window, ui.pages.catalogue, briefings.services, briefings.version
from models.db import open_database

def loaded():
    return ",".join(sorted(name for name in sys.argv[2:] if name in sys.modules)) or "-"

open_database(sys.argv[1]).dispose()
print(loaded())
from exports.registry import specs
assert specs()
print(loaded())
"""


def test_the_windows_start_and_its_export_menu_load_no_heavy_library(db_path):
    # A fresh interpreter, as `make run` starts: what the start path and listing the exporters
    # (the Export menu opening) import, on a database already at the newest schema.
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(db_path), *HEAVY],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    at_start, after_export_menu = done.stdout.split()
    assert at_start == "-"
    assert after_export_menu == "-"
