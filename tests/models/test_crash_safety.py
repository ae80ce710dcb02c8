from __future__ import annotations

import sys

import pytest

from tests.crash_harness import interrupt
from tests.crash_workloads import WORKLOADS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

POINTS = {"bulk-write": 16, "export": 10, "backup": 10}


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_a_kill_at_any_point_leaves_all_or_none_of_the_change(name, db_path, tmp_path):
    kills = interrupt(WORKLOADS[name], db_path, tmp_path / "crash", POINTS[name])
    print("\n".join(f"{name}: killed after {k.after_seconds:.3f}s: {k.outcome}" for k in kills))
    assert {k.outcome for k in kills} <= {"none", "all"}
    # A change that had not reported its commit may still be wholly there (the kill can land
    # between the commit and the report), but one that had reported it must be.
    assert all(k.outcome == "all" for k in kills if k.committed)
    assert any(not k.committed for k in kills), "no kill landed inside the change"
    assert any(k.outcome == "none" for k in kills), "every kill came too late to test anything"
