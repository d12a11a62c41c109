"""The texts of the "My development" page that are plain functions (no widget needed)."""

from __future__ import annotations

import pytest

from lgtrack.ui._development_text import number


# One convention with the report and the command line (lgtrack.formatting): a gap that rounds to
# zero has no sign at all, and the minus is Babel's.
@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [(-0.04, "da", "0,0"), (-0.26, "da", "-0,3"), (0.26, "en", "+0.3"), (-0.04, "en", "0.0")],
)
def test_a_gap_that_rounds_to_zero_shows_no_minus_sign(value, lang, shown):
    assert number(value, lang, signed=True) == shown
