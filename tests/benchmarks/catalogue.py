"""Every module that registers benchmarks; importing this fills the registry.

Add a module here when a feature brings its own benchmarks (imports, exports, start-up, backup).
"""

from __future__ import annotations

from tests.benchmarks import (
    bench_returns,
    domain,
    imports,
    invites,
    storage,
    ui_pages,
    ui_people,
    ui_start,
    writes,
)

MODULES = (domain, writes, imports, storage, invites, bench_returns, ui_start, ui_pages, ui_people)
