"""How the GIAS import dialog copes with an all-England extract: does the window keep breathing?

By hand: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.import_dialog_bench``. The 50,000-row
extract is synthesised from the sample county (see ``imports_bench.synthesise_gias``) and taken
through the dialog: Preview, then Import, each on the thread pool. A 20 ms timer on the UI thread
records how late its ticks come: the longest gap is the longest the window could not repaint or
answer a click (the worker's parsing holds Python's lock in stretches). Also printed: the time the
UI thread spends putting the preview on screen (models filled, columns sized).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from briefings.clock import fixed_clock
from briefings.services.opening import open_services
from tests.benchmarks.imports_bench import sample_data, synthesise_gias
from ui.dialogs.imports.settings_import import SettingsImportDialog

TICK_MS = 20


class Pulse:
    """A UI-thread timer remembering the longest wait between its ticks."""

    def __init__(self) -> None:
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0
        self.longest = 0
        self._timer = QTimer()
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)

    def restart(self) -> None:
        """Forget the gaps so far."""
        self._last, self.longest = self._clock.elapsed(), 0

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def wait(until: Callable[[], bool]) -> None:
    """Run the event loop until ``until()`` holds."""
    loop = QEventLoop()
    while not until():
        QTimer.singleShot(TICK_MS, loop.quit)
        loop.exec()


def main() -> None:
    """Preview and import 50,000 settings through the dialog and print the figures."""
    _app = QApplication.instance() or QApplication(sys.argv[:1])

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        extract = synthesise_gias(sample_data() / "gias_county.csv", scratch / "gias_50k.csv")
        opened = open_services(
            str(scratch / "bench.sqlite3"), clock=fixed_clock(datetime(2025, 10, 1, tzinfo=UTC))
        )
        dialog = SettingsImportDialog(opened.services)
        dialog.show()
        shown = dialog._show_preview  # timing the UI thread's share
        ui_seconds: list[float] = []

        def timed_show(previewed):
            started = time.perf_counter()
            shown(previewed)
            ui_seconds.append(time.perf_counter() - started)

        dialog._show_preview = timed_show
        pulse = Pulse()
        dialog.file_step.file.set_path(extract)
        for label, button, step in (
            ("preview 50,000 rows", dialog.next_button, "preview"),
            ("import 50,000 settings", dialog.apply_button, "done"),
        ):
            pulse.restart()
            started = time.perf_counter()
            button.click()
            wait(lambda step=step: dialog.step() == step and not dialog.busy)
            print(
                f"{label:<28} {time.perf_counter() - started:6.2f} s   longest UI pause {pulse.longest:4d} ms"
            )
        print(f"{'preview put on screen':<28} {ui_seconds[0] * 1000:6.0f} ms on the UI thread")
        dialog.close()
        opened.close()


if __name__ == "__main__":
    main()
