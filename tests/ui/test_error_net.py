from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from briefings.errors import ReadOnlyError
from ui import error_net

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_refusal_nobody_caught_is_shown_as_its_own_sentence(parent):
    box = error_net.explain(ReadOnlyError("Read-only: another copy has the database open."), parent)
    assert (box.windowTitle(), box.text()) == ("Not done", "Read-only: another copy has the database open.")
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.detailedText() == ""


def test_anything_else_is_an_apology_with_the_details_folded_away(parent):
    try:
        {}["missing"]
    except KeyError as error:
        box = error_net.explain(error, parent)
    assert box.windowTitle() == "Something went wrong"
    assert "Every change is saved whole or not at all" in box.text()
    assert "KeyError: 'missing'" in box.detailedText()


def test_the_hook_is_installed_for_the_app(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    error_net.install_error_net()
    assert sys.excepthook is error_net._hook
