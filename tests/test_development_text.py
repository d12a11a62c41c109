"""The texts of the "My development" page that are plain functions (no widget needed)."""

from __future__ import annotations

import pytest

from lgtrack.ui._development_text import number


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [(-0.04, "da", "+0,0"), (-0.26, "da", "−0,3"), (0.26, "en", "+0.3"), (-0.04, "en", "+0.0")],
)
def test_a_gap_that_rounds_to_zero_shows_no_minus_sign(value, lang, shown):
    assert number(value, lang, signed=True) == shown
