from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from ui.itemmodels.chunked_rows import ChunkedRowModel
from ui.itemmodels.row_table import ROW_ROLE, Column

pytestmark = pytest.mark.gui

COLUMNS = (
    Column("Number", str, lambda n: n, numeric=True),
    Column("Even", lambda n: "yes" if n % 2 == 0 else "no"),
)


@pytest.fixture
def model(qtbot):
    rows = ChunkedRowModel(COLUMNS, chunk=500)
    rows.set_rows(range(1, 1201))
    return rows


def test_the_view_is_told_of_one_chunk_at_a_time(model):
    assert (model.total, model.rowCount()) == (1200, 500)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1200
    assert not model.canFetchMore(QModelIndex())
    assert model.index(1199, 0).data() == "1200"


def test_rows_not_yet_fetched_have_no_index(model):
    assert model.row_of(model.index(499, 0)) == 500
    assert model.index(500, 0).data(ROW_ROLE) is None


def test_sorting_sorts_every_row_and_starts_again_from_the_first_chunk(model):
    model.fetchMore(QModelIndex())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 500
    assert model.index(0, 0).data() == "1200"  # the largest, though it had not been fetched
    assert model.rows()[-1] == 1


def test_an_empty_list_has_nothing_to_fetch(model):
    model.set_rows([])
    assert (model.rowCount(), model.canFetchMore(QModelIndex())) == (0, False)


def test_it_passes_the_model_tester(model, qtmodeltester):
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
