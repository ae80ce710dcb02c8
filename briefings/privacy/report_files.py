"""A subject access report as files: JSON for machines, plain text for the person who asked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefings.errors import ConflictError, ValidationError
from briefings.privacy.subject_access import Section, SubjectAccessReport
from models.private_files import write_private_file


@dataclass(frozen=True)
class SavedReport:
    """A subject access report written to a file."""

    path: Path
    person_name: str
    records: int


def report_as_json(report: SubjectAccessReport) -> bytes:
    """The report as UTF-8 JSON: one list of records (column: value) per section."""
    document: dict[str, Any] = {
        "person_id": report.person_id,
        "person_name": report.person_name,
        "generated_at": report.generated_at.isoformat(timespec="seconds"),
        "generated_by": report.generated_by,
        "held_by": report.controller,
        "sections": {
            s.key: {
                "title": s.title,
                "description": s.description,
                "records": [dict(zip(s.columns, row, strict=True)) for row in s.rows],
            }
            for s in report.sections
        },
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def report_as_text(report: SubjectAccessReport) -> bytes:
    """The report as plain text a person can read in any editor."""
    lines = [
        f"Everything Briefing Desk holds about {report.person_name} (person {report.person_id})",
        "",
    ]
    if report.controller:
        lines.append(f"Held by: {report.controller}")
    lines += [
        f"Produced: {report.generated_at.day} {report.generated_at:%B %Y at %H:%M} by {report.generated_by}",
        "",
    ]
    for section in report.sections:
        lines += _section_lines(section)
    return "\n".join(lines).encode("utf-8")


def save_report(report: SubjectAccessReport, path: Path, *, as_json: bool) -> SavedReport:
    """Write the report to ``path``, readable by its owner only, whole or not at all.

    Raises:
        ValidationError: the folder does not exist (field ``path``).
        ConflictError: the file could not be written (field ``path``).
    """
    if not path.parent.is_dir():
        raise ValidationError(f"The folder {path.parent} does not exist.", "path")
    data = report_as_json(report) if as_json else report_as_text(report)
    try:
        write_private_file(path, data)
    except OSError as error:
        raise ConflictError(f"Cannot write {path}: {error.strerror or error}.", "path") from error
    return SavedReport(path, report.person_name, sum(len(s.rows) for s in report.sections))


def _section_lines(section: Section) -> list[str]:
    heading = f"{section.title} ({len(section.rows)})"
    lines = [heading, "=" * len(heading), section.description, ""]
    if not section.rows:
        return [*lines, "None recorded.", "", ""]
    width = max(len(c) for c in section.columns)
    for number, row in enumerate(section.rows, start=1):
        if len(section.rows) > 1:
            lines.append(f"{number}.")
        for column, value in zip(section.columns, row, strict=True):
            shown = (
                "" if value is None else "yes" if value is True else "no" if value is False else str(value)
            )
            lines.append(f"  {column.ljust(width)}  {shown}".rstrip())
        lines.append("")
    return [*lines, ""]
