"""Composition root: parse arguments, then run a headless command or open the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``briefing-desk``: no command opens the app; NOUN VERB runs headless."""
    args = list(sys.argv[1:] if argv is None else argv)
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--database")
    known, rest = pre.parse_known_args(args)
    if not rest:
        return _run_gui(known.database)
    return _run_cli(args)


def _run_cli(args: list[str]) -> int:
    from briefings.cli import run  # noqa: PLC0415 - the GUI path should not pay for the CLI
    from briefings.cli.commands import DOMAIN_COMMANDS  # noqa: PLC0415
    from briefings.version import __version__  # noqa: PLC0415
    from exports.cli import EXPORT_COMMANDS  # noqa: PLC0415

    return run(args, [*DOMAIN_COMMANDS, *EXPORT_COMMANDS], __version__)


def _run_gui(database_url: str | None) -> int:
    # Qt loads only for the desktop app; the QApplication comes first so errors show as dialogs.
    from ui.app import (  # noqa: PLC0415
        AppInfo,
        FirstRunOffer,
        create_application,
        run_main_window,
        show_startup_error,
    )

    app = create_application()
    from briefings.services import Services  # noqa: PLC0415
    from briefings.services.file_restore import startup_problem  # noqa: PLC0415
    from briefings.storage.opening import open_for_use  # noqa: PLC0415
    from briefings.version import __version__  # noqa: PLC0415
    from models.schema import DatabaseError  # noqa: PLC0415

    opened = None
    while opened is None:
        try:
            # The writer lock (or read-only), a backup before any upgrade, and the day's backup.
            opened = open_for_use(database_url)
        except DatabaseError as error:
            # A damaged file can be restored from a backup right there; then it is opened again.
            problem = startup_problem(database_url, error)
            if not show_startup_error("Briefing Desk cannot open the database", problem.message, problem):
                return 2
    try:
        services = Services.build(opened.database.sessions, read_only_reason=opened.read_only_reason)
        from ui.dialogs.imports.launch import settings_import  # noqa: PLC0415

        # An empty database offers these; None hides a choice.
        first_run = FirstRunOffer(
            load_demo=lambda progress: services.demo.load(progress=progress).headline,
            import_settings=lambda window: settings_import(window, services),
        )
        info = AppInfo(version=__version__, database=opened.database.describe(), notices=opened.notes)
        return run_main_window(app, services, info, first_run)
    finally:
        opened.close()


if __name__ == "__main__":
    sys.exit(main())
