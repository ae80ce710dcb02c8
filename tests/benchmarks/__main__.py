"""``python -m tests.benchmarks [--quick] [--only NAME ...] [--repeats N] [--list]`` (``make bench``)."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.suite import run_suite


def main(argv: Sequence[str] | None = None) -> int:
    """Build (or reuse) the benchmark database, run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small database and fewer repeats")
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="benchmark name or glob (repeatable)"
    )
    parser.add_argument("--repeats", type=int, help="timed repeats per benchmark (the median is shown)")
    parser.add_argument("--cache", type=Path, help="where the benchmark databases are kept (default .bench/)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefing-desk-bench-") as workdir:
        try:
            run_suite(
                quick=args.quick,
                only=args.only,
                repeats=args.repeats,
                cache_dir=args.cache,
                workdir=Path(workdir),
                listing=args.list,
            )
        except KeyError as error:
            print(f"python -m tests.benchmarks: error: {error.args[0]}", file=sys.stderr)
            return 2
    print(f"\nFinished in {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
