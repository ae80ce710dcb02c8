"""Links are not a door: every joining, recording or resource link opens through here.

The link is asked of ``services.links`` at the moment of opening (so it is checked again: https
only, the host in ASCII so a look-alike name cannot pass for a familiar one), the host is shown
in a question, and the browser opens only if the advisor says so. Nothing opens by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from briefings.errors import DomainError
from briefings.links import LinkToOpen
from ui.dialogs.messages import tell

#: Opens a checked URL in the browser; tests put a recorder in its place.
UrlOpener = Callable[[QUrl], object]


def ask_to_open(
    parent: QWidget,
    fetch: Callable[[], LinkToOpen],
    what: str,
    *,
    open_url: UrlOpener | None = None,
    said: Callable[[str], None] | None = None,
) -> QMessageBox:
    """Ask before opening the link ``fetch`` returns; ``what`` names it ("the recording of DSL update").

    A link that fails the checks is explained instead, and nothing opens.
    """
    try:
        link = fetch()
    except DomainError as error:
        return tell(parent, "Link not opened", error.message)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Open the link?",
        link.question(),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(f"The link is {what}. Nothing opens unless you choose Open in browser.")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    open_button = box.addButton("Open in browser", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    report = said or (lambda _message: None)
    opener = open_url or QDesktopServices.openUrl

    def answered() -> None:
        if box.clickedButton() is not open_button:
            report("Did not open the link")
        elif opener(QUrl(link.url)) is False:
            tell(parent, "Link not opened", f"No web browser would open the link to {link.host}.")
        else:
            report(f"Opened the link to {link.host} in your browser")

    box.finished.connect(answered)
    box.open()
    return box
