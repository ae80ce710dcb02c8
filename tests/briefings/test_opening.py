from __future__ import annotations

from datetime import UTC, datetime

from briefings.clock import fixed_clock
from briefings.services.opening import open_services


def test_open_services_migrates_a_new_file_and_uses_the_clock(tmp_path):
    moment = datetime(2025, 10, 1, 9, tzinfo=UTC)
    path = tmp_path / "new.sqlite3"
    opened = open_services(str(path), clock=fixed_clock(moment))
    try:
        assert opened.services.briefings.now() == moment
        assert {t.code for t in opened.services.briefings.topics()} >= {"dsl_update", "prevent"}
        assert opened.description == str(path)
    finally:
        opened.close()
    assert path.exists()
