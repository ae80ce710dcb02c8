"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call and on every
data() that returns None; after a few thousand the interpreter aborts (none_dealloc). The pin in
pyproject.toml keeps 6.12 off Python < 3.12; this test fails loudly if a leaking build slips in."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 10

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


@pytest.mark.gui
def test_void_qt_calls_and_none_data_keep_none_refcount_steady(qapp):
    obj = QObject()
    model = _NoneModel()
    index = model.index(0, 0)
    for _ in range(50):  # warm caches so only a per-call leak shows
        obj.setObjectName("x")
        model.data(index)
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")  # a void call
        index.data()  # goes through C++ into the Python data() returning None
    after = sys.getrefcount(None)
    # A leaking build loses about 2,000 references here; allow noise from the interpreter.
    assert before - after < 100, f"None lost {before - after} references over 1,000 Qt calls"
