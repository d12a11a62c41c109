"""A realistic, deterministic demo journal: two years in the life of an invented team leader.

``build_demo(journal, today=...)`` writes a profile ("Demo Leder", teamleder, STUK), about a
hundred weekly reflections (holidays and busy weeks skipped) whose self-ratings drift the way real
ones do (slow improvement where the leader set goals, plateaus elsewhere, now and then "ved ikke"),
goals with check-ins in every status, and feedback from a manager, peers, employees and a coach
that sometimes sees the leader differently (blind spots, hidden strengths).

Everything is invented. The same ``seed`` and ``today`` give identical records, ids and timestamps.

>>> from datetime import date
>>> from lgtrack import Journal
>>> summary = build_demo(Journal.open(":memory:"), today=date(2026, 11, 30))
>>> summary.reflections > 80, summary.goals, summary.feedback > 10
(True, 8, True)
"""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from . import _demo_text as text
from .errors import ValidationError
from .journal import Journal
from .records import CheckIn, Feedback, Goal, Leader, Rating, Reflection

DEMO_NAME = "Demo Leder"
DEMO_LEVEL = "teamleder"
DEMO_UNIT = "Team Analyse (demo)"
WEEKS = 104
_HOLIDAY_WEEKS = frozenset(
    {1, 7, 14, 28, 29, 30, 42, 52}
)  # ISO weeks: vinter, påske, sommer, efterår, jul


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`build_demo` wrote."""

    home: str
    reflections: int
    goals: int
    feedback: int


@dataclass(frozen=True)
class _Trend:
    """A behaviour's "true" level over two years: ``start``, rising by ``gain`` around ``mid``."""

    start: float
    gain: float = 0.0
    mid: float = 0.5

    def at(self, t: float) -> float:
        return self.start + self.gain / (1 + math.exp(-(t - self.mid) / 0.08))


# Behaviours the demo leader works on (goals) improve; the rest plateau around their start.
_TRENDS = {
    "people.teamleder.2": _Trend(2.3, 1.6, 0.2),
    "professional.teamleder.2": _Trend(2.5, 1.2, 0.25),
    "operational.teamleder.1": _Trend(2.6, 1.3, 0.3),
    "self.teamleder.2": _Trend(2.2, 1.5, 0.6),
    "strategic.teamleder.4": _Trend(2.0, 1.2, 0.8),
    "self.teamleder.1": _Trend(2.4, 1.0, 0.85),
    "people.teamleder.4": _Trend(4.0),
    "professional.teamleder.7": _Trend(3.9),
    "strategic.teamleder.6": _Trend(2.9),
    "operational.teamleder.2": _Trend(3.0),
}
# How others see a behaviour compared with the leader's own view:
# negative = a blind spot, positive = a hidden strength.
_OTHERS_OFFSET = {
    "people.teamleder.4": -1.4,
    "professional.teamleder.7": -1.2,
    "strategic.teamleder.6": 1.3,
    "operational.teamleder.2": 0.9,
}
_FOCUS_EARLY = {"people": 3, "operational": 3, "professional": 2, "strategic": 1, "self": 1}
_FOCUS_LATE = {"people": 2, "operational": 1, "professional": 2, "strategic": 3, "self": 3}


def _local_zone() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Copenhagen")
    except Exception:  # no time-zone database: a fixed offset keeps the demo deterministic
        return timezone(timedelta(hours=1))


@dataclass
class _Builder:
    journal: Journal
    today: date
    seed: int
    rng: random.Random = field(init=False)
    zone: tzinfo = field(init=False)
    start: date = field(init=False)
    general: dict[str, list[str]] = field(init=False)  # "vi udøver god ledelse, når …"
    behaviours: dict[str, list[str]] = field(init=False)  # the team leader's own
    levels: dict[str, _Trend] = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.zone = _local_zone()
        self.start = self.today - timedelta(weeks=WEEKS)
        fw = self.journal.framework_for(self.leader())
        self.general = {d.id: [b.id for b in d.behaviours] for d in fw.disciplines}
        self.behaviours = {
            d.id: [b.id for b in d.levels.get(DEMO_LEVEL, ())] for d in fw.disciplines
        }
        every = [b for ids in (*self.general.values(), *self.behaviours.values()) for b in ids]
        self.levels = {b: _TRENDS.get(b) or self._plateau() for b in every}

    def _plateau(self) -> _Trend:
        return _Trend(round(2.7 + self.rng.random() * 0.9, 2), round(self.rng.random() * 0.3, 2))

    def id(self, kind: str, number: int) -> str:
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"https://lgtrack.invalid/demo/{self.seed}")
        return str(uuid.uuid5(namespace, f"{kind}/{number}"))

    def moment(self, day: date, hour: int = 15) -> datetime:
        return datetime.combine(day, time(hour, self.rng.randrange(60)), self.zone)

    def set_clock(self, moment: datetime) -> None:
        self.journal.clock = lambda: moment

    def t(self, day: date) -> float:
        return (day - self.start).days / (self.today - self.start).days

    def score(
        self, behaviour: str, day: date, offset: float = 0.0, dont_know: float = 0.05
    ) -> int | None:
        if self.rng.random() < dont_know:
            return None
        value = self.levels[behaviour].at(self.t(day)) + offset + self.rng.gauss(0, 0.45)
        return max(1, min(5, round(value)))

    def leader(self) -> Leader:
        from .framework import load_framework

        fw = load_framework("stuk")
        created = datetime.combine(self.today - timedelta(weeks=WEEKS, days=3), time(9), self.zone)
        return Leader(
            id=self.id("leader", 0),
            name=DEMO_NAME,
            level=DEMO_LEVEL,
            framework_id=fw.id,
            framework_version=fw.version,
            lang="da",
            unit=DEMO_UNIT,
            is_me=True,
            created_at=created,
            updated_at=created,
        )


def build_demo(
    journal: Journal, *, today: date, seed: int = 7, replace_all: bool = False
) -> DemoSummary:
    """Write the demo leader's two years into ``journal`` (which must be empty).

    ``replace_all=True`` first erases everything the journal holds, in the same transaction.
    Raises :class:`ValidationError` for a journal with a profile or entries; nothing is written.
    """
    if not isinstance(today, date) or isinstance(today, datetime):
        raise ValidationError("err_demo_today", value=repr(today))
    real_clock = journal.clock
    try:
        with journal.atomic():
            if replace_all:
                erase_everything(journal)
            elif not is_empty(journal):
                raise ValidationError("err_demo_not_empty", path=journal.path)
            builder = _Builder(journal, today, seed)
            journal.save_leader(builder.leader())
            reflections = _write_reflections(builder)
            goals = _write_goals(builder)
            feedback = _write_feedback(builder)
    finally:
        journal.clock = real_clock
    return DemoSummary(journal.path, reflections, goals, feedback)


def is_empty(journal: Journal) -> bool:
    """True when the journal has no leaders (so no profile, reflections, goals or feedback)."""
    return journal.store.leaders.count() == 0


def erase_everything(journal: Journal) -> None:
    """Delete every leader and, through the foreign keys, everything they own."""
    with journal.atomic():
        journal.store.leaders.delete_all()


# -- reflections ---------------------------------------------------------------------------------


def _reflection_days(b: _Builder) -> list[date]:
    """Roughly weekly: mostly Thursdays or Fridays, none in holiday weeks, some weeks twice."""
    days: list[date] = []
    first_monday = b.start - timedelta(days=b.start.weekday())
    for week in range(WEEKS + 1):
        monday = first_monday + timedelta(weeks=week)
        if monday.isocalendar()[1] in _HOLIDAY_WEEKS or b.rng.random() < 0.05:
            continue
        days.append(monday + timedelta(days=b.rng.choice((3, 4, 4, 4, 2))))
        if b.rng.random() < 0.2:
            days.append(monday + timedelta(days=b.rng.choice((0, 1))))
    return sorted(day for day in days if b.start <= day <= b.today)


def _pick_disciplines(b: _Builder, day: date) -> tuple[str, ...]:
    late = b.t(day) > 0.5
    weights = _FOCUS_LATE if late else _FOCUS_EARLY
    names = list(weights)
    first = b.rng.choices(names, weights=[weights[n] for n in names])[0]
    if b.rng.random() < 0.22:
        second = b.rng.choice([n for n in names if n != first])
        return (first, second)
    return (first,)


def _write_reflections(b: _Builder) -> int:
    days = _reflection_days(b)
    for number, day in enumerate(days):
        disciplines = _pick_disciplines(b, day)
        ratings = tuple(
            Rating(behaviour, b.score(behaviour, day))
            for discipline in disciplines
            for behaviour in _rated(b, discipline)
        )
        private = b.rng.random() < 0.05
        b.set_clock(b.moment(day, b.rng.choice((15, 16, 16, 20))))
        b.journal.add_reflection(
            Reflection(
                id=b.id("reflection", number),
                day=day,
                disciplines=disciplines,
                prompt=b.rng.choice(text.PROMPTS),
                text=_reflection_text(b, disciplines[0], private),
                next_step=b.rng.choice(text.NEXT_STEPS[disciplines[0]]),
                ratings=ratings,
                wellbeing=_mood(b, day),
                energy=_mood(b, day),
                tags=_tags(b, disciplines),
                private=private,
            )
        )
    return len(days)


def _rated(b: _Builder, discipline: str) -> list[str]:
    """About half the general behaviours, then the team leader's own (the widget's order)."""
    return [x for x in b.general[discipline] if b.rng.random() < 0.5] + b.behaviours[discipline]


def _reflection_text(b: _Builder, discipline: str, private: bool) -> str:
    parts = [b.rng.choice(text.EVENTS[discipline]), b.rng.choice(text.OBSERVATIONS)]
    if private:
        parts.append(b.rng.choice(text.PRIVATE_THOUGHTS))
    parts.append(b.rng.choice(text.LESSONS))
    return " ".join(parts)


def _mood(b: _Builder, day: date) -> int | None:
    if b.rng.random() < 0.1:
        return None
    busy = 0.8 if day.month in (6, 11, 12) else 0.0  # før sommerferien, budget og jul
    return max(1, min(5, round(3.7 - busy + b.rng.gauss(0, 0.7))))


def _tags(b: _Builder, disciplines: tuple[str, ...]) -> tuple[str, ...]:
    tags = {b.rng.choice(text.TAGS[d]) for d in disciplines}
    if b.rng.random() < 0.3:
        tags.add(b.rng.choice(text.TAGS[disciplines[0]]))
    return tuple(sorted(tags))


# -- goals ---------------------------------------------------------------------------------------


def _write_goals(b: _Builder) -> int:
    for number, spec in enumerate(text.GOALS):
        created = b.today - timedelta(days=spec.created_days_ago)
        b.set_clock(b.moment(created, 10))
        goal = b.journal.add_goal(
            Goal(
                id=b.id("goal", number),
                discipline=spec.discipline,
                title=spec.title,
                behaviours=spec.behaviours,
                why=spec.why,
                success=spec.success,
                due=b.today + timedelta(days=spec.due_in_days),
                private=spec.private,
            )
        )
        checkins = tuple(
            CheckIn(
                id=b.id(f"checkin/{number}", i),
                goal_id=goal.id,
                progress=progress,
                note=note,
                day=b.today - timedelta(days=days_ago),
                created_at=b.moment(b.today - timedelta(days=days_ago), 11),
            )
            for i, (days_ago, progress, note) in enumerate(spec.checkins)
        )
        last_day = checkins[-1].day if checkins else created
        closed_on = last_day if spec.outcome != "open" else None
        b.set_clock(b.moment(last_day, 12))
        b.journal.update_goal(
            replace(goal, checkins=checkins, status=spec.outcome, closed_on=closed_on)
        )
    return len(text.GOALS)


# -- feedback ------------------------------------------------------------------------------------


def _others_score(b: _Builder, behaviour: str, day: date, role: str) -> int | None:
    """What ``role`` sees: employees and peers see blind spots and hidden strengths most."""
    weight = {"manager": 0.5, "coach": 0.2}.get(role, 1.0)
    return b.score(behaviour, day, _OTHERS_OFFSET.get(behaviour, 0.0) * weight, dont_know=0.08)


def _write_feedback(b: _Builder) -> int:
    for number, spec in enumerate(text.FEEDBACK):
        day = b.today - timedelta(days=spec.days_ago)
        ratings = tuple(
            Rating(behaviour, _others_score(b, behaviour, day, spec.role))
            for behaviour in b.behaviours[spec.discipline]
        )
        b.set_clock(b.moment(day, 17))
        b.journal.add_feedback(
            Feedback(
                id=b.id("feedback", number),
                day=day,
                role=spec.role,
                name=spec.name,
                discipline=spec.discipline,
                text=spec.text,
                ratings=ratings,
                private=spec.private,
            )
        )
    return len(text.FEEDBACK)
