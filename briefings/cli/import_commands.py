"""``briefing-desk import settings|people|attendance FILE``: print a preview; write only with ``--apply``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.cli.context import CliContext, CliError
from briefings.cli.import_reports import (
    print_attendance_preview,
    print_people_preview,
    print_problems,
    print_settings_preview,
)
from briefings.cli.parsing import enum_value
from briefings.importing.attendance_plan import AttendancePreview
from briefings.importing.people_import import with_choices
from briefings.importing.problems import ImportRefused
from briefings.importing.staff import FIELD_LABELS
from briefings.vocabulary import Role

if TYPE_CHECKING:
    from briefings.cli import Nouns

MAX_FILE_BYTES = 300 * 1024 * 1024
DEFAULT_SHOWN = 20


def register(nouns: Nouns) -> None:
    """Add the ``import`` noun and its verbs."""
    noun = nouns.add_parser("import", help="import settings (GIAS), staff lists and attendance reports")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")
    _settings_verb(verbs)
    _people_verb(verbs)
    _attendance_verb(verbs)


def _settings_verb(verbs: Nouns) -> None:
    settings = verbs.add_parser("settings", help="settings from a GIAS establishment extract (CSV or .xlsx)")
    settings.add_argument("file", type=Path, metavar="FILE")
    settings.add_argument(
        "--la", metavar="CODE", help="local authority code, e.g. 990, or 'all' (default: the last used)"
    )
    _common(settings)
    settings.set_defaults(handler=_settings)


def _people_verb(verbs: Nouns) -> None:
    people = verbs.add_parser("people", help="people and their roles from a staff list (CSV or .xlsx)")
    people.add_argument("file", type=Path, metavar="FILE")
    people.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="read FIELD from the column HEADER (repeatable or comma-separated); fields: "
        + ", ".join(FIELD_LABELS),
    )
    people.add_argument("--role", type=enum_value(Role), help="the role for rows without one (e.g. dsl)")
    people.add_argument(
        "--keep-unlisted",
        action="store_true",
        help="a partial list: keep roles it does not show (people who moved are still moved)",
    )
    _common(people)
    people.set_defaults(handler=_people)


def _attendance_verb(verbs: Nouns) -> None:
    attendance = verbs.add_parser(
        "attendance", help="attendance from a Teams or Zoom report for one briefing"
    )
    attendance.add_argument("file", type=Path, metavar="FILE")
    attendance.add_argument("--briefing", type=int, required=True, metavar="ID")
    attendance.add_argument(
        "--min-minutes",
        type=int,
        metavar="N",
        help="minutes needed for present (default 75%% of the session)",
    )
    attendance.add_argument(
        "--late-after", type=int, metavar="N", help="minutes after the start that count as late (default 10)"
    )
    attendance.add_argument(
        "--accept-walk-ins",
        action="store_true",
        help="also record people found in the directory who had not booked",
    )
    _common(attendance)
    attendance.set_defaults(handler=_attendance)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--apply", action="store_true", help="write the import (without it nothing is written)"
    )
    parser.add_argument(
        "--show", type=int, default=DEFAULT_SHOWN, metavar="N", help="rows to list per section (0: all)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable preview")


def read_file(path: Path) -> bytes:
    """The file's bytes, with a clear refusal for a missing, unreadable or enormous file."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CliError(f"{path} is not a file")
        if size > MAX_FILE_BYTES:
            megabytes = size // (1024 * 1024)
            raise CliError(
                f"{path} is {megabytes} MB; the most an import reads is {MAX_FILE_BYTES // 2**20} MB"
            )
        return path.read_bytes()
    except OSError as error:
        raise CliError(f"cannot read {path}: {error.strerror or error}") from error


def _refused(error: ImportRefused) -> CliError:
    if len(error.problems) > 1:
        print_problems(error.problems, sys.stderr)
    return CliError(str(error))


def _settings(args: argparse.Namespace, ctx: CliContext) -> int:
    data = read_file(args.file)
    service = ctx.services.imports
    try:
        preview = service.preview_settings(data, args.file.name, args.la)
    except ImportRefused as error:
        raise _refused(error) from error
    if args.json:
        ctx.print_json({"counts": preview.counts, "problems": [str(p) for p in preview.problems]})
    else:
        print_settings_preview(ctx, preview, args.show)
    if args.apply:
        result = service.apply_settings(preview)
        ctx.print(
            f"Imported: {result.added} added, {result.changed} changed, {result.closed} closed, "
            f"{result.linked} successor links, {result.staff_carried} roles carried to successors."
        )
    elif not args.json:
        ctx.print("Nothing was written: run again with --apply to import.")
    return 0


def parse_mapping(values: list[str]) -> dict[str, str | None]:
    """``first_name=Forename,last_name=Surname`` (or a JSON object) as {field: header}."""
    chosen: dict[str, str | None] = {}
    for value in values:
        if value.strip().startswith("{"):
            try:
                loaded = json.loads(value)
            except json.JSONDecodeError as error:
                raise CliError(f"--mapping is not valid JSON: {error.msg}") from error
            chosen.update({str(k): (str(v) if v else None) for k, v in loaded.items()})
            continue
        for pair in value.split(","):
            field, sep, header = pair.partition("=")
            if not sep or not field.strip():
                raise CliError(f"--mapping wants FIELD=HEADER pairs, not “{pair}”")
            chosen[field.strip()] = header.strip() or None
    unknown = sorted(set(chosen) - set(FIELD_LABELS))
    if unknown:
        raise CliError(f"unknown field “{unknown[0]}” in --mapping; fields are: {', '.join(FIELD_LABELS)}")
    return chosen


def _people(args: argparse.Namespace, ctx: CliContext) -> int:
    data = read_file(args.file)
    service = ctx.services.imports
    try:
        suggestion = service.people_mapping(data, args.file.name)
        mapping = with_choices(suggestion.mapping, parse_mapping(args.mapping), args.role)
        preview = service.preview_people(data, args.file.name, mapping, end_unlisted=not args.keep_unlisted)
    except ImportRefused as error:
        raise _refused(error) from error
    if args.json:
        ctx.print_json(
            {
                "mapping": mapping.columns,
                "counts": preview.counts,
                "problems": [str(p) for p in preview.problems],
            }
        )
    else:
        print_people_preview(ctx, preview, args.show)
    if args.apply:
        result = service.apply_people(preview)
        ctx.print(
            f"Imported: {result.added} people added, {result.updated} updated, "
            f"{result.roles_added} roles started, {result.roles_ended} ended. "
            "The column mapping was remembered."
        )
    elif not args.json:
        ctx.print("Nothing was written: run again with --apply to import.")
    return 0


def _attendance(args: argparse.Namespace, ctx: CliContext) -> int:
    data = read_file(args.file)
    service = ctx.services.imports
    try:
        preview: AttendancePreview = service.preview_attendance(
            data, args.file.name, args.briefing, min_minutes=args.min_minutes, late_after=args.late_after
        )
    except ImportRefused as error:
        raise _refused(error) from error
    if args.json:
        ctx.print_json({"counts": preview.counts, "problems": [str(p) for p in preview.problems]})
    else:
        print_attendance_preview(ctx, preview, args.show, accept_walk_ins=args.accept_walk_ins)
    if args.apply:
        result = service.apply_attendance(preview, accept_walk_ins=args.accept_walk_ins)
        marks = (
            ", ".join(f"{n} {mark.replace('_', ' ')}" for mark, n in sorted(result.marked.items()))
            or "nobody"
        )
        ctx.print(
            f"Recorded: {marks}; {result.walk_ins} walk-ins added. {result.pending} rows are waiting "
            f"for review in the app; {result.ignored} set aside."
        )
    elif not args.json:
        ctx.print("Nothing was written: run again with --apply to record this attendance.")
    return 0
