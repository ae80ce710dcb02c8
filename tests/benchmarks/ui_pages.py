"""Time to open each page of the window, from the click to its data painted.

One benchmark per page of ``ui.pages.catalogue.PAGES`` (a page added there is measured too),
in this process over the suite's window (``ui_window.py``). Before every timed call another page
is put on show, so each run switches to the page as a click in the navigation list does, which
refreshes it. The Briefing page opens the busiest briefing (the longest register), as a double
click in the Briefings table does. The floor is the SQL the page's loads sent, replayed in raw
``sqlite3``; the Notes column gives the longest UI-thread stall seen while a page opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.benchmarks.domain import samples
from tests.benchmarks.harness import BenchContext, Benchmark, register
from tests.benchmarks.ui_window import BenchWindow, bench_window, shown_rows
from ui.pages.catalogue import PAGES


@dataclass
class PageOpen:
    """One page of the suite's window and the stalls its opening caused."""

    bench: BenchWindow
    index: int
    briefing_id: int | None
    stalls: list[float] = field(default_factory=list)

    def leave(self) -> None:
        """Show another page (without reloading it), so the next run opens this one afresh."""
        window = self.bench.window
        window.show_page(1 if self.index == 0 else 0, refresh=False)
        window.repaint()

    def open(self) -> int:
        """Open the page as a user does and wait for its data on screen; returns the rows shown."""
        window = self.bench.window
        page = window.pages[self.index]
        if self.briefing_id is not None:
            stall = self.bench.show_and_time(page, lambda: window.open_item("briefing", self.briefing_id))
        else:
            stall = self.bench.show_and_time(page, lambda: window.show_page(self.index))
        self.stalls.append(stall)
        return shown_rows(page)


def longest_stall(stalls: list[float]) -> str:
    """The worst stall of the timed runs (the first run was the untimed warm-up)."""
    timed = stalls[1:] or stalls
    return f"longest UI stall {max(timed) * 1000:,.0f} ms"


def _page_open(index: int, name: str) -> Benchmark[PageOpen]:
    def setup(ctx: BenchContext) -> PageOpen:
        briefing_id = samples(ctx).briefing_id if name == "briefing" else None
        return PageOpen(bench_window(ctx), index, briefing_id)

    what = "the busiest briefing, opened" if name == "briefing" else "the page"
    return Benchmark(
        f"ui.open.{name}",
        setup=setup,
        run=PageOpen.open,
        reset=PageOpen.leave,
        notes=lambda state: longest_stall(state.stalls),
        description=f"{what} from another page to its data painted (rows: rows on show)",
    )


for _index, _page_class in enumerate(PAGES):
    _name = getattr(_page_class, "__name__", f"page{_index}").removesuffix("Page").lower()
    register(_page_open(_index, _name))
