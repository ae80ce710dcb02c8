from __future__ import annotations

import argparse

import pytest

from exports.registry import ExportScope, specs


@pytest.mark.parametrize("spec", specs(), ids=lambda s: s.identifier)
def test_an_export_is_about_one_briefing_exactly_when_it_needs_one(spec):
    parser = argparse.ArgumentParser()
    spec.add_arguments(parser)
    needs_briefing = any(a.dest == "briefing" and a.required for a in parser._actions)
    assert (spec.scope is ExportScope.BRIEFING) == needs_briefing


def test_file_export_offers_the_series_period_licence_and_feed_exports():
    general = {s.identifier for s in specs() if s.scope is ExportScope.GENERAL}
    assert general == {"ics-feed", "ics-series", "xlsx-licences", "xlsx-period"}
