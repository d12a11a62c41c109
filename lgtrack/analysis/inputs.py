"""The journal's frames in one bundle, loaded once and handed to the analysis functions."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import frames
from ..journal import Journal


@dataclass(frozen=True)
class JournalFrames:
    """Every frame of one leader's journal (see :mod:`lgtrack.frames`)."""

    ratings: pd.DataFrame
    reflections: pd.DataFrame
    goals: pd.DataFrame
    checkins: pd.DataFrame
    feedback: pd.DataFrame

    @classmethod
    def load(
        cls, journal: Journal, leader_id: str | None = None, *, include_private: bool = True
    ) -> JournalFrames:
        """Read the frames of ``leader_id`` (default: me) from ``journal``."""
        options = {"include_private": include_private}
        return cls(
            ratings=frames.ratings_frame(journal, leader_id, **options),
            reflections=frames.reflections_frame(journal, leader_id, **options),
            goals=frames.goals_frame(journal, leader_id, **options),
            checkins=frames.checkins_frame(journal, leader_id, **options),
            feedback=frames.feedback_frame(journal, leader_id, **options),
        )
