"""The journal: one leader's (or a coach's) records, opened from a SQLite store.

>>> from datetime import date
>>> journal = Journal.open(":memory:")
>>> me = journal.set_profile("AB", "teamleder")
>>> r = journal.add_reflection(Reflection(day=date(2026, 11, 2), disciplines=("self",), text="Godt møde"))
>>> [x.text for x in journal.reflections()]
['Godt møde']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from . import validation
from ._time import utc_now
from .errors import FrameworkError, NotFoundError, ValidationError
from .framework import Framework, bundled_frameworks, check_version_unchanged, load_framework
from .query import EntryFilter
from .records import CheckIn, EffectAnswer, Feedback, Goal, Leader, Reflection, new_id
from .storage import Store, database_path

Clock = Callable[[], datetime]
NO_LEADER = ""  # no record belongs to it (ids are UUIDs)


class Journal:
    """Records in a store, validated against each leader's framework.

    Every write goes through here: the methods below validate (:mod:`lgtrack.validation`) and
    then write through the repositories of ``self.store`` (:mod:`lgtrack.storage`), the only
    code that runs SQL. Importers, which keep records' own time stamps, write through
    ``self.store`` inside :meth:`atomic` after validating the whole file.
    Pass ``clock`` to fix "now" (tests, imports); the default is the real clock.
    """

    def __init__(self, store: Store, *, path: str = ":memory:", clock: Clock = utc_now):
        self.store = store
        self.path = path
        self.clock = clock
        self._frameworks: dict[tuple[str, str | None], Framework] = {}

    @classmethod
    def open(
        cls, home: str | os.PathLike | None = None, *, create: bool = True, clock: Clock = utc_now
    ) -> Journal:
        """Open the journal in ``home`` (a directory, a ``.sqlite`` file or ``":memory:"``).

        Without ``home``: ``$LGTRACK_HOME``, else the per-user data directory.
        """
        path = database_path(home)
        return cls(Store.open(path, create=create, clock=clock), path=path, clock=clock)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[Journal]:
        """Group several writes: all are stored, or none."""
        with self.store.atomic():
            yield self

    @contextmanager
    def snapshot(self) -> Iterator[Journal]:
        """Read several things in one consistent state (an export, a bundle, a listing)."""
        with self.store.snapshot():
            yield self

    # -- leaders -----------------------------------------------------------------------------

    def me(self) -> Leader | None:
        """The journal owner's profile, or None before setup (a coach's journal may have none)."""
        return self.store.leaders.me()

    def require_me(self) -> Leader:
        leader = self.me()
        if leader is None:
            raise ValidationError("err_no_profile")
        return leader

    def set_profile(
        self,
        name: str,
        level: str | None,
        *,
        framework: str | Path | Framework = "stuk",
        lang: str = "da",
        unit: str = "",
    ) -> Leader:
        """Create or update "me"."""
        fw = framework if isinstance(framework, Framework) else load_framework(framework)
        now = self.clock()
        current = self.me()
        leader = Leader(
            id=current.id if current else new_id(),
            name=name.strip() if isinstance(name, str) else name,
            level=level,
            framework_id=fw.id,
            framework_version=fw.version,
            lang=lang,
            unit=unit.strip() if isinstance(unit, str) else unit,
            is_me=True,
            created_at=current.created_at if current else now,
            updated_at=now,
        )
        validation.check_leader(fw, leader)
        with self.store.atomic():  # the framework and the profile that uses it, or neither
            self._remember_framework(fw)
            self.store.leaders.save(leader)
        return leader

    def save_leader(self, leader: Leader) -> Leader:
        """Store another leader (imported by a coach or facilitator) as given."""
        validation.check_leader(self.framework_for(leader), leader)
        current = self.me() if leader.is_me else None
        if current is not None and current.id != leader.id:
            raise ValidationError("err_profile_exists", name=current.name)
        with self.store.atomic():
            self.store.leaders.save(leader)
        return leader

    def remove_leader(self, leader_id: str) -> Leader:
        """Remove another leader and everything of theirs in this journal (entries, ratings,
        the coach's notes and actions), leaving no trace (:meth:`scrub`). The journal's own
        profile is not removed this way: the journal is a folder, deleted as a whole."""
        leader = self.leader(leader_id)
        if leader.is_me:
            raise ValidationError("err_remove_me")
        with self.store.atomic():
            self.store.leaders.delete(leader.id)
        self.scrub()
        return leader

    def scrub(self) -> bool:
        """After deleting or rewriting text: make the old words unrecoverable from the database
        file, its full-text index and its WAL. Inside a transaction it does nothing (the
        caller scrubs once the transaction is committed). False when the words may stay in the
        WAL until another program closes the journal."""
        if self.store.conn.in_transaction:
            return False
        return self.store.scrub()

    def leaders(self) -> list[Leader]:
        return self.store.leaders.all()

    def leader(self, leader_id: str | None = None) -> Leader:
        """The leader with ``leader_id``; "me" when None."""
        if leader_id is None:
            return self.require_me()
        leader = self.store.leaders.get(leader_id)
        if leader is None:
            raise NotFoundError("err_no_leader_id", id=leader_id)
        return leader

    def framework(self, leader_id: str | None = None) -> Framework:
        """The framework of ``leader_id`` (default: me)."""
        return self.framework_for(self.leader(leader_id))

    def framework_for(self, leader: Leader) -> Framework:
        """The framework a leader uses now: the version the profile names, else (a journal
        from before versions were kept) the copy kept last, else the bundled one."""
        found = self.framework_at(leader.framework_id, leader.framework_version)
        if found is not None:
            return found
        key = (leader.framework_id, None)
        if key not in self._frameworks:
            from ._framework_schema import parse_framework_text

            source = self.store.frameworks.source(leader.framework_id)
            self._frameworks[key] = (
                parse_framework_text(source, f"{leader.framework_id}.yaml")
                if source
                else load_framework(leader.framework_id)
            )
        return self._frameworks[key]

    def framework_at(self, framework_id: str, version: str | None) -> Framework | None:
        """The framework ``framework_id`` as it was at ``version``: the journal's kept copy or
        the bundled one of that version; None when this journal does not know that version."""
        key = (framework_id, version)
        if key not in self._frameworks:
            # imported here: the YAML parser is start-up time that listing commands do not need
            from ._framework_schema import parse_framework_text

            source = self.store.frameworks.source(framework_id, version) if version else None
            bundled = bundled_frameworks().get(framework_id)
            if source:
                self._frameworks[key] = parse_framework_text(source, f"{framework_id}.yaml")
            elif bundled is not None and load_framework(bundled).version == version:
                self._frameworks[key] = load_framework(bundled)
            else:
                return None
        return self._frameworks[key]

    def add_framework(self, fw: Framework) -> bool:
        """Keep ``fw`` (a leader's own framework) in this journal; False when it already has
        it. The same id and version with other content is refused (:class:`FrameworkError`)."""
        known = self.framework_at(fw.id, fw.version)
        check_version_unchanged(fw, known)
        if known is not None:
            return False
        source = Path(fw.path).read_text(encoding="utf-8-sig") if fw.path else None
        if source is None:
            raise FrameworkError("err_fw_no_source", framework=fw.id)
        with self.store.atomic():
            self.store.frameworks.add(fw.id, fw.version, source)
        self._frameworks[(fw.id, fw.version)] = fw
        return True

    def _remember_framework(self, fw: Framework) -> None:
        """Keep a copy of a framework that is not bundled, so the journal works wherever it
        moves; a changed framework under a known id and version is refused."""
        bundled = bundled_frameworks().get(fw.id)
        if fw.path and bundled is not None and Path(fw.path).resolve() == bundled.resolve():
            check_version_unchanged(fw, self.framework_at(fw.id, fw.version))
            return
        if fw.path:
            self.add_framework(fw)
        else:
            check_version_unchanged(fw, self.framework_at(fw.id, fw.version))
        self._frameworks[(fw.id, fw.version)] = fw

    # -- reflections ---------------------------------------------------------------------------

    def add_reflection(self, reflection: Reflection, *, leader_id: str | None = None) -> Reflection:
        """Validate and store a new reflection; returns it as stored."""
        return self._save_reflection(reflection, leader_id, new=True)

    def update_reflection(self, reflection: Reflection) -> Reflection:
        existing = self.get_reflection(reflection.id)
        return self._save_reflection(
            replace(reflection, created_at=existing.created_at), existing.leader_id
        )

    def _save_reflection(
        self, r: Reflection, leader_id: str | None, new: bool = False
    ) -> Reflection:
        leader = self.leader(leader_id or r.leader_id)
        fw = self.framework_for(leader)
        if not new and r.framework_version:  # an old entry keeps the version it was made with
            fw = self.framework_at(leader.framework_id, r.framework_version) or fw
        now = self.clock()
        for name in ("disciplines", "tags"):
            if not isinstance(getattr(r, name), (tuple, list)):
                raise ValidationError("err_ids_tuple", name=name, value=repr(getattr(r, name)))
        r = replace(
            r,
            leader_id=leader.id,
            disciplines=tuple(sorted(set(r.disciplines))),
            tags=tuple(sorted(set(r.tags))),
            level=r.level if r.level and not new else leader.level,
            framework_version=r.framework_version
            if r.framework_version and not new
            else fw.version,
            created_at=r.created_at if r.created_at and not new else now,
            updated_at=now,
        )
        validation.check_reflection(fw, r)
        with self.store.atomic():
            self.store.reflections.save(r)
        return r

    def get_reflection(self, reflection_id: str) -> Reflection:
        found = self.store.reflections.get(reflection_id)
        if found is None:
            raise NotFoundError("err_no_reflection", id=reflection_id)
        return found

    def delete_reflection(self, reflection_id: str) -> None:
        with self.store.atomic():
            if not self.store.reflections.delete(reflection_id):
                raise NotFoundError("err_no_reflection", id=reflection_id)
        self.scrub()

    def reflections(
        self, where: EntryFilter = EntryFilter(), *, leader_id: str | None = None
    ) -> list[Reflection]:
        """Reflections of ``leader_id`` (default: me), newest first."""
        return self.store.reflections.query(self.leader_key(leader_id), where)

    def leader_key(self, leader_id: str | None) -> str:
        """Whose entries a query reads: ``leader_id``, else me. A journal without a profile (a
        coach's) has no entries of "me": the key then matches nothing, never every leader."""
        if leader_id is not None:
            return leader_id
        me = self.me()
        return me.id if me else NO_LEADER

    # -- goals -------------------------------------------------------------------------------

    def add_goal(self, goal: Goal, *, leader_id: str | None = None) -> Goal:
        leader = self.leader(leader_id or goal.leader_id)
        now = self.clock()
        title = goal.title.strip() if isinstance(goal.title, str) else goal.title
        goal = replace(goal, leader_id=leader.id, created_at=now, updated_at=now, title=title)
        return self._save_goal(goal)

    def update_goal(self, goal: Goal) -> Goal:
        existing = self.get_goal(goal.id)
        return self._save_goal(
            replace(
                goal,
                leader_id=existing.leader_id,
                created_at=existing.created_at,
                updated_at=self.clock(),
            )
        )

    def _save_goal(self, goal: Goal) -> Goal:
        validation.check_goal(self.framework_for(self.leader(goal.leader_id)), goal)
        for checkin in goal.checkins:
            validation.check_day(checkin.day, "check-in date")
            validation.check_progress(checkin.progress)
            validation.check_text(checkin.note, "note")
        with self.store.atomic():
            self.store.goals.save(goal)
        return goal

    def get_goal(self, goal_id: str) -> Goal:
        found = self.store.goals.get(goal_id)
        if found is None:
            raise NotFoundError("err_no_goal", id=goal_id)
        return found

    def check_in(
        self, goal_id: str, progress: int, *, note: str = "", day: date | None = None
    ) -> Goal:
        """Record progress (0–100) on a goal; returns the updated goal."""
        goal = self.get_goal(goal_id)
        now = self.clock()
        checkin = CheckIn(
            day=day or now.date(), progress=progress, note=note, goal_id=goal_id, created_at=now
        )
        validation.check_day(checkin.day, "check-in date")
        validation.check_progress(progress)
        validation.check_text(note, "note")
        with self.store.atomic():
            self.store.goals.save_checkin(goal_id, checkin)
        return self.get_goal(goal.id)

    def close_goal(self, goal_id: str, status: str, *, day: date | None = None) -> Goal:
        """Mark a goal achieved or dropped."""
        if status not in ("achieved", "dropped"):
            raise ValidationError("err_goal_closing", status=status)
        goal = self.get_goal(goal_id)
        return self.update_goal(replace(goal, status=status, closed_on=day or self.clock().date()))

    def delete_goal(self, goal_id: str) -> None:
        with self.store.atomic():
            if not self.store.goals.delete(goal_id):
                raise NotFoundError("err_no_goal", id=goal_id)
        self.scrub()

    def goals(
        self,
        where: EntryFilter = EntryFilter(),
        *,
        status: str | None = None,
        leader_id: str | None = None,
    ) -> list[Goal]:
        return self.store.goals.query(self.leader_key(leader_id), where, status)

    # -- feedback ----------------------------------------------------------------------------

    def add_feedback(self, item: Feedback, *, leader_id: str | None = None) -> Feedback:
        leader = self.leader(leader_id or item.leader_id)
        fw = self.framework_for(leader)
        now = self.clock()
        item = replace(
            item, leader_id=leader.id, framework_version=fw.version, created_at=now, updated_at=now
        )
        return self._save_feedback(item, fw)

    def update_feedback(self, item: Feedback) -> Feedback:
        existing = self.get_feedback(item.id)
        leader = self.leader(existing.leader_id)
        item = replace(
            item,
            leader_id=leader.id,
            created_at=existing.created_at,
            updated_at=self.clock(),
            framework_version=item.framework_version or existing.framework_version,
        )
        fw = self.framework_at(leader.framework_id, item.framework_version)
        return self._save_feedback(item, fw or self.framework_for(leader))

    def _save_feedback(self, item: Feedback, fw: Framework) -> Feedback:
        validation.check_feedback(fw, item)
        with self.store.atomic():
            self.store.feedback.save(item)
        return item

    def get_feedback(self, feedback_id: str) -> Feedback:
        found = self.store.feedback.get(feedback_id)
        if found is None:
            raise NotFoundError("err_no_feedback", id=feedback_id)
        return found

    def delete_feedback(self, feedback_id: str) -> None:
        with self.store.atomic():
            if not self.store.feedback.delete(feedback_id):
                raise NotFoundError("err_no_feedback", id=feedback_id)
        self.scrub()

    def feedback(
        self, where: EntryFilter = EntryFilter(), *, leader_id: str | None = None
    ) -> list[Feedback]:
        return self.store.feedback.query(self.leader_key(leader_id), where)

    # -- effects (#13) -----------------------------------------------------------------------

    def add_effect_answer(
        self, answer: EffectAnswer, *, leader_id: str | None = None
    ) -> EffectAnswer:
        """Validate and store a quarterly answer to the framework's intended effects."""
        leader = self.leader(leader_id or answer.leader_id)
        now = self.clock()
        scores = dict(answer.scores) if isinstance(answer.scores, dict) else answer.scores
        answer = replace(answer, scores=scores, leader_id=leader.id, created_at=now, updated_at=now)
        validation.check_effect_answer(self.framework_for(leader), answer)
        with self.store.atomic():
            self.store.effects.save(answer)
        return answer

    def effect_answers(self, *, leader_id: str | None = None) -> list[EffectAnswer]:
        """The effect answers of ``leader_id`` (default: me), oldest first."""
        return self.store.effects.query(self.leader_key(leader_id))


def open_journal(
    home: str | os.PathLike | None = None, *, create: bool = True, clock: Clock = utc_now
) -> Journal:
    """Open the journal in ``home``; see :meth:`Journal.open`."""
    return Journal.open(home, create=create, clock=clock)
