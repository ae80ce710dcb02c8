"""Reading other systems' files: GIAS extracts, staff lists, and Teams and Zoom attendance reports.

Each import is two steps. A *preview* reads the file, checks every row and works out what would
change, without writing anything; the advisor (or ``--apply`` on the command line) then *applies*
that preview in one transaction. Parsers never touch the database; planners read it; only the
``apply`` functions write, and they re-plan first so nothing changed in between goes unnoticed.
"""
