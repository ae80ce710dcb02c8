"""Everything stored about a briefing, read-only (Edit changes it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from briefings.queries.briefings import BriefingDetail
from briefings.services import Services
from briefings.validation import link_host
from ui.formatting import span_text
from ui.itemmodels.briefing_table import where_text
from ui.panels.join_link import JoinLinkBar


class DetailsPanel(QScrollArea):
    """A form of labels, one per stored detail; links show their host, not the whole address.

    Signals:
        said: a line for the status bar (a link opened, a passcode shown).
    """

    said = Signal(str)

    def __init__(self, services: Services | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.setWidget(body)
        self.values: dict[str, QLabel] = {}
        for label in (
            "Topic",
            "When",
            "Delivery",
            "Where",
            "Address",
            "Joining link",
            "Capacity",
            "For roles",
            "For phases",
            "For districts",
            "Facilitators",
            "CPD hours",
            "Counts as DSL refresh",
            "Series",
            "Cancelled because",
            "Notes",
            "Calendar invitation",
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[label] = value
            self.form.addRow(f"{label}:", value)
        # Open the joining link (host shown first) and show its passcode, only when asked.
        self.join_bar = JoinLinkBar(services) if services is not None else None
        if self.join_bar is not None:
            below_link = list(self.values).index("Joining link") + 1  # one form row per value so far
            self.form.insertRow(below_link, "", self.join_bar)
            self.join_bar.said.connect(self.said)

    def show_detail(self, detail: BriefingDetail) -> None:
        """Fill the labels; rows with nothing to say are hidden."""
        row = detail.row
        address = ", ".join(p for p in (detail.venue_address, detail.venue_postcode) if p)
        link = ""
        if row.join_url:
            link = link_host(row.join_url) + (" (passcode set)" if detail.join_passcode else "")
        texts = {
            "Topic": row.topic_name,
            "When": span_text(row.starts_at, row.ends_at) + f" ({row.minutes} minutes)",
            "Delivery": row.delivery.label,
            "Where": where_text(row),
            "Address": address,
            "Joining link": link,
            "Capacity": f"{row.capacity} places · {row.booked} booked · {row.waitlisted} waiting",
            "For roles": ", ".join(r.label for r in row.audience_roles) or "Everyone",
            "For phases": ", ".join(p.label for p in row.audience_phases) or "Every phase",
            "For districts": ", ".join(row.audience_districts) or "Every district",
            "Facilitators": ", ".join(detail.facilitator_names),
            "CPD hours": f"{detail.cpd_hours:g}",
            "Counts as DSL refresh": "Yes" if detail.counts_as_refresh else "No",
            "Series": row.series_name or "",
            "Cancelled because": detail.cancel_reason or "",
            "Notes": row.notes or "",
            "Calendar invitation": f"Version {row.calendar_sequence} ({row.calendar_uid})",
        }
        for label, text in texts.items():
            value = self.values[label]
            value.setText(text)
            shown = bool(text)
            value.setVisible(shown)
            self.form.labelForField(value).setVisible(shown)
        if self.join_bar is not None:
            self.join_bar.show_briefing(row.id, row.title, has_passcode=bool(detail.join_passcode))
            self.form.setRowVisible(self.join_bar, bool(row.join_url))
