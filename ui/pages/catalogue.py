"""Every page of the main window, in navigation order (Ctrl+1 is the first).

A page joins the window by adding its class here; each is built as
``PageClass(services, undo_stack, parent)`` and talks to the window only through the signals
and methods of :class:`ui.pages.page.Page`.
"""

from __future__ import annotations

from ui.pages.audit_page import AuditPage
from ui.pages.briefing_page import BriefingPage
from ui.pages.briefings_page import BriefingsPage
from ui.pages.calendar_page import CalendarPage
from ui.pages.dashboard_page import DashboardPage
from ui.pages.licences_page import LicencesPage
from ui.pages.page import PageFactory
from ui.pages.people_page import PeoplePage
from ui.pages.recordings_page import RecordingsPage
from ui.pages.schools_page import SchoolsPage

PAGES: tuple[PageFactory, ...] = (
    DashboardPage,
    BriefingsPage,
    BriefingPage,
    CalendarPage,
    SchoolsPage,
    PeoplePage,
    LicencesPage,
    RecordingsPage,
    AuditPage,
)
