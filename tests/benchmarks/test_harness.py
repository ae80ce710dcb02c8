from __future__ import annotations

import pytest

from tests.benchmarks import catalogue, imports
from tests.benchmarks.__main__ import main
from tests.benchmarks.harness import (
    REGISTRY,
    Benchmark,
    BenchmarkSkipped,
    affordable_repeats,
    count_rows,
    format_table,
    register,
    run_all,
    select,
)
from tests.benchmarks.suite import run_suite
from tests.sample_data import SAMPLE_DATA, SKIP_REASON

pytestmark = pytest.mark.slow


def test_quick_suite_measures_every_benchmark(tmp_path):
    lines: list[str] = []
    results = run_suite(
        quick=True, repeats=1, cache_dir=tmp_path / "cache", workdir=tmp_path, say=lines.append
    )
    assert [r.name for r in results] == list(REGISTRY)
    # Only the imports need the shared sample data; without it they say so instead of running.
    needing_samples = [name for name in REGISTRY if name.startswith("imports.")]
    assert needing_samples
    skipped = [r.name for r in results if r.skipped]
    assert skipped == ([] if SAMPLE_DATA is not None else needing_samples)
    results = [r for r in results if not r.skipped]
    empty = [r.name for r in results if r.rows < 1]
    assert empty == [], "every benchmark should return rows on the quick database"
    # A replayed floor needs SQL to replay; benchmarks with floors of their own may run none here.
    no_sql = [r.name for r in results if r.queries < 1 and REGISTRY[r.name].floor is None]
    assert no_sql == [], "benchmarks floored by their own SQL should run some"
    table = "\n".join(lines)
    for result in results:
        assert result.name in table
    assert "Building the quick benchmark database" in table


def test_the_database_is_cached_between_runs(tmp_path):
    cache = tmp_path / "cache"
    first: list[str] = []
    run_suite(quick=True, only=["licences.*"], repeats=1, cache_dir=cache, workdir=tmp_path, say=first.append)
    again: list[str] = []
    run_suite(quick=True, only=["licences.*"], repeats=1, cache_dir=cache, workdir=tmp_path, say=again.append)
    assert any(line.startswith("Building") for line in first)
    assert not any(line.startswith("Building") for line in again)
    assert len(list(cache.glob("bench-quick-*.sqlite3"))) == 1


def _never_runs(state: object) -> object:
    raise AssertionError("a skipped benchmark must not run")


def test_a_benchmark_that_cannot_run_here_is_skipped_with_its_reason():
    def cannot(_ctx: object) -> object:
        raise BenchmarkSkipped("no scanner attached")

    after = Benchmark("after.it", setup=lambda ctx: 3, run=lambda state: state, floor=lambda state: 1)
    skipping = Benchmark("skip.me", setup=cannot, run=_never_runs)
    reported = []
    results = run_all([skipping, after], ctx=None, repeats=1, on_result=reported.append)
    assert [(r.name, r.skipped) for r in results] == [("skip.me", "no scanner attached"), ("after.it", "")]
    assert results[1].rows == 3
    assert reported == results
    line = next(line for line in format_table(results).splitlines() if line.startswith("skip.me"))
    assert line.endswith("skipped: no scanner attached")


def test_import_benchmarks_skip_without_the_sample_data(monkeypatch):
    monkeypatch.setattr(imports, "SAMPLE_DATA", None)
    chosen = select(["imports.*"])
    assert len(chosen) == 4
    # The sample data is looked for before the context is used, so no database is needed here.
    results = run_all(chosen, ctx=None, repeats=1)
    assert {r.skipped for r in results} == {SKIP_REASON}


def test_only_takes_globs_and_refuses_unknown_names():
    assert catalogue.MODULES
    assert {b.name for b in select(["compliance.*"])} == {
        "compliance.due_refresh",
        "compliance.overview",
        "compliance.leads",
    }
    with pytest.raises(KeyError, match=r"no benchmark matches nothing\.here"):
        select(["nothing.here"])


def test_the_command_line_lists_and_rejects(capsys):
    assert main(["--list"]) == 0
    listed = capsys.readouterr().out
    assert "briefings.upcoming" in listed
    assert "demo.load" in listed
    assert main(["--only", "no.such.benchmark"]) == 2
    assert "no benchmark matches" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("wanted", "one_run", "runs"), [(7, 0.01, 7), (7, 2.0, 5), (7, 6.0, 3), (1, 60.0, 1)]
)
def test_slow_benchmarks_get_fewer_repeats(wanted, one_run, runs):
    assert affordable_repeats(wanted, one_run) == runs


def test_names_are_unique():
    existing = next(iter(REGISTRY.values()))
    with pytest.raises(ValueError, match="already registered"):
        register(Benchmark(existing.name, setup=lambda ctx: ctx, run=lambda ctx: 0))


@pytest.mark.parametrize(
    ("value", "rows"), [([1, 2, 3], 3), (7, 7), (None, 0), (True, 1), ((), 0), (object(), 1)]
)
def test_rows_are_counted_from_what_a_run_returns(value, rows):
    assert count_rows(value) == rows
