"""Filtering the People directory of 41,000 people, and how long the UI thread stalls meanwhile.

Each case sets the People page's filters (untimed, without each change starting a load of its
own) and times ``reload()`` until the page's ``loaded`` signal (count and first page fetched off
the UI thread, the table reset) and the paint that shows it. The floor is the SQL it sent,
replayed in raw ``sqlite3``. The Notes column gives the longest the UI thread could not repaint
or take a key press during the timed runs (see ``Heartbeat``); with the start-up objects frozen
(``ui.app.freeze_start_up_objects``) the full garbage collections that stalled it for 55 to
75 ms are gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from typing import Any

from briefings.vocabulary import Phase, Role
from tests.benchmarks.domain import samples
from tests.benchmarks.harness import BenchContext, Benchmark, register
from tests.benchmarks.ui_pages import longest_stall
from tests.benchmarks.ui_window import BenchWindow, bench_window
from ui.pages.people_page import PeoplePage
from ui.widgets.search_chooser import Choice

CASES: dict[str, dict[str, Any]] = {
    "everyone": {},
    "text_smi": {"text": "smi"},
    # A real person's first and last name: a handful of matches, so the search reads the whole
    # table for them (as a search matching nobody would).
    "text_full_name": {"full_name": True},
    "role_dsl": {"role": Role.DSL},
    "role_dsl_one_district": {"role": Role.DSL, "district": "first"},
    "secondary_former_roles_too": {"phase": Phase.SECONDARY, "former": True},
    "one_setting": {"setting": "first"},
    "text_role_and_phase": {"text": "smi", "role": Role.GOVERNOR, "phase": Phase.PRIMARY},
}


@dataclass(frozen=True)
class Samples:
    """What the cases filter by."""

    district: str
    setting: Choice
    full_name: str


@dataclass
class PeopleFilter:
    """The People page of the suite's window, one case's filters, and the stalls seen."""

    bench: BenchWindow
    page: PeoplePage
    case: dict[str, Any]
    samples: Samples
    stalls: list[float] = field(default_factory=list)

    def apply(self) -> None:
        """Set the page's filters as the case says (untimed, and no load starts)."""
        case = self.case
        page = self.page
        with _quiet(page.search, page.role, page.district, page.phase, page.include_former, page.setting):
            page.search.setText(self.samples.full_name if case.get("full_name") else case.get("text", ""))
            district = self.samples.district if case.get("district") == "first" else None
            for combo, value in (
                (page.role, case.get("role")),
                (page.district, district),
                (page.phase, case.get("phase")),
            ):
                combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            page.include_former.setChecked(case.get("former", False))
            page.setting.set_choice(self.samples.setting if case.get("setting") == "first" else None)

    def filter(self) -> int:
        """Load the matches and wait for them on screen; returns how many people match."""
        self.stalls.append(self.bench.show_and_time(self.page, self.page.reload))
        return self.page.model.total


@contextmanager
def _quiet(*widgets: Any) -> Iterator[None]:
    for widget in widgets:
        widget.blockSignals(True)
    try:
        yield
    finally:
        for widget in widgets:
            widget.blockSignals(False)


def _people_page(ctx: BenchContext) -> tuple[BenchWindow, PeoplePage]:
    """The suite's window with its People page on show (it reloads if it was not)."""
    bench = bench_window(ctx)
    index = bench.page_index(PeoplePage.__name__)
    page = bench.window.pages[index]
    assert isinstance(page, PeoplePage)
    if bench.window.current_page() is not page:
        bench.show_and_time(page, lambda: bench.window.show_page(index))
    return bench, page


def _samples(ctx: BenchContext) -> Samples:
    """What the cases filter by, picked once: a district, a setting, the busiest person's name."""

    def pick() -> Samples:
        first = ctx.services.directory.settings()[0]
        with closing(ctx.sqlite()) as connection:
            (full_name,) = connection.execute(
                "SELECT first_name || ' ' || last_name FROM people WHERE id = ?", (samples(ctx).person_id,)
            ).fetchone()
        return Samples(ctx.services.directory.districts()[0], Choice(first.id, first.name), full_name)

    picked: Samples = ctx.remember("people-filter-samples", pick)
    return picked


def _case(name: str, case: dict[str, Any]) -> Benchmark[PeopleFilter]:
    def setup(ctx: BenchContext) -> PeopleFilter:
        return PeopleFilter(*_people_page(ctx), case, _samples(ctx))

    return Benchmark(
        f"ui.people_filter.{name}",
        setup=setup,
        run=PeopleFilter.filter,
        reset=PeopleFilter.apply,
        notes=lambda state: longest_stall(state.stalls),
        description=f"People filtered ({name.replace('_', ' ')}) to its rows painted (rows: matches)",
    )


for _name, _filters in CASES.items():
    register(_case(_name, _filters))
