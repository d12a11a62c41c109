"""The records a journal holds: leaders, reflections, goals with check-ins, feedback, and a
coach's session notes and agreed actions.

Records are frozen dataclasses; change one with :func:`dataclasses.replace` and save it with the
journal. Every record has a UUID so that exports, imports and share bundles are idempotent.
A rating's ``score`` of ``None`` means "ved ikke" (don't know); it is never stored as 0.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

FEEDBACK_ROLES = ("manager", "peer", "employee", "coach", "other")
ACTION_STATUSES = ("open", "done", "dropped")
GROW_FIELDS = ("goal", "reality", "options", "will")
GOAL_STATUSES = ("open", "achieved", "dropped")
SELF = "self"


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Rating:
    """A score for one behaviour; ``score=None`` is "ved ikke" / "don't know"."""

    behaviour: str
    score: int | None


@dataclass(frozen=True)
class Leader:
    name: str
    level: str | None
    framework_id: str
    framework_version: str
    lang: str = "da"
    unit: str = ""
    is_me: bool = False
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # A coach's copy of another leader: when it came from a share bundle, and that bundle's scope
    imported_at: datetime | None = None
    share_scope: dict | None = field(default=None, hash=False)


@dataclass(frozen=True)
class Reflection:
    day: date
    disciplines: tuple[str, ...]
    text: str = ""
    prompt: str = ""
    ratings: tuple[Rating, ...] = ()
    wellbeing: int | None = None
    energy: int | None = None
    tags: tuple[str, ...] = ()
    next_step: str = ""
    private: bool = False
    id: str = field(default_factory=new_id)
    leader_id: str | None = None
    level: str | None = None  # the leader's level when writing; filled in by the journal
    framework_version: str | None = None  # filled in by the journal
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class CheckIn:
    day: date
    progress: int
    note: str = ""
    id: str = field(default_factory=new_id)
    goal_id: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class Goal:
    discipline: str
    title: str
    behaviours: tuple[str, ...] = ()
    why: str = ""
    success: str = ""
    due: date | None = None
    status: str = "open"
    private: bool = False
    checkins: tuple[CheckIn, ...] = ()
    id: str = field(default_factory=new_id)
    leader_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_on: date | None = None

    ACHIEVED_PROGRESS = 100  # not a field (no annotation): the progress of an achieved goal

    @property
    def progress(self) -> int:
        """Progress of the latest check-in (0 when there is none); an achieved goal is 100 %.

        Decided here, once, so that every list, export, figure and report agrees.
        """
        if self.status == "achieved":
            return self.ACHIEVED_PROGRESS
        if not self.checkins:
            return 0
        latest = max(
            self.checkins, key=lambda c: (c.day, c.created_at.isoformat() if c.created_at else "")
        )
        return latest.progress


@dataclass(frozen=True)
class Feedback:
    day: date
    role: str
    discipline: str
    text: str = ""
    ratings: tuple[Rating, ...] = ()
    name: str = ""
    private: bool = False
    id: str = field(default_factory=new_id)
    leader_id: str | None = None
    framework_version: str | None = None  # filled in by the journal
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class CoachSession:
    """One coaching session, its notes structured as GROW: goal, reality, options, will.

    A coach's own notes: they live in the coach's journal only; share bundles never carry them.
    """

    leader_id: str
    day: date
    goal: str = ""
    reality: str = ""
    options: str = ""
    will: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Action:
    """Something the leader agreed to do in a coaching session, with an optional due date."""

    leader_id: str
    text: str
    due: date | None = None
    status: str = "open"
    session_id: str | None = None
    closed_on: date | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None


# -- 360 rounds (#12) ------------------------------------------------------------------------

ROUND_GROUPS = ("self", "manager", "peer", "employee", "other")
ROUND_OTHER_GROUPS = ROUND_GROUPS[1:]  # everyone but the leader herself
ROUND_STATUSES = ("open", "closed")
ROUND_QUESTIONS = (
    "continue",
    "change",
)  # the two open questions: "fortsæt med", "overvej at ændre"
# Answers a group needs before its figures show (and, separately, before its free texts show)
ROUND_DEFAULT_MINIMUMS = {"self": 1, "manager": 1, "peer": 3, "employee": 3, "other": 3}


@dataclass(frozen=True)
class Round:
    """A 360 round the leader runs: who is asked about which disciplines, and the minimum
    number of answers per group before its figures (``minimums``) and its free texts
    (``text_minimums``) show. The answers themselves are stored apart, per anonymous
    respondent number, never with survey metadata (names, e-mails, times)."""

    name: str
    disciplines: tuple[str, ...]
    minimums: dict = field(default_factory=lambda: dict(ROUND_DEFAULT_MINIMUMS), hash=False)
    text_minimums: dict = field(default_factory=lambda: dict(ROUND_DEFAULT_MINIMUMS), hash=False)
    due: date | None = None
    status: str = "open"
    closed_on: date | None = None
    level: str | None = None  # the leader's level when the round was created
    lang: str = "da"  # the questionnaire's language: the leader's
    id: str = field(default_factory=new_id)
    leader_id: str | None = None
    framework_version: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        # stored as JSON: a list comes back where a tuple went in
        if isinstance(self.disciplines, list):
            object.__setattr__(self, "disciplines", tuple(self.disciplines))


@dataclass(frozen=True)
class EffectAnswer:
    """A leader's quarterly answer to the framework's intended effects (the effektbillede):
    per effect id, how clearly she sees it in her area on the framework's scale, or ``None``
    ("ved ikke"). Effects she skipped are simply absent."""

    day: date
    scores: dict = field(default_factory=dict, hash=False)
    id: str = field(default_factory=new_id)
    leader_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Cohort:
    """A leadership programme (lederforløb) in a facilitator's journal: its period and its k,
    the least number of participants any figure about it may rest on."""

    name: str
    start: date
    end: date
    k: int = 5
    framework_id: str = "stuk"
    lang: str = "da"
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None


@dataclass(frozen=True)
class CohortParticipant:
    """What a facilitator keeps about one participant besides her numbers: ids, initials, level,
    when her latest bundle was made, and how many goals she has per status. Never a text."""

    participant_id: str
    initials: str
    level: str | None
    framework_version: str
    bundle_created_at: datetime
    checksum: str
    imported_at: datetime
    goals_open: int = 0
    goals_achieved: int = 0
    goals_dropped: int = 0
    public_key: str | None = None  # "ed25519:…", pinned on her first signed bundle
