from __future__ import annotations

import pytest

from ui.pages.catalogue import PAGES

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("page_class", PAGES, ids=lambda page_class: page_class.__name__)
def test_every_page_says_when_a_refresh_is_on_show(qtbot, services, undo_stack, settled_pool, page_class):
    # The window, the tests and the benchmarks wait on ``loaded``; a page that never sent it
    # would leave them waiting, whether it loads in the background or at once.
    page = page_class(services, undo_stack, None)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
