"""Rounds in the lossless JSON export (version 3) and back (#12).

A round travels as its specification's fields (:data:`lgtrack.specs.ROUND`) plus its
``respondents`` (``{"number", "group", "hash", "answers": [{"behaviour", "score"}]}``: anonymous
numbers, never survey metadata) and its ``texts`` (``{"group", "question", "text"}``, apart from
any respondent). Import checks everything first; writing keeps the journal's rule for a round
it already holds: the newer copy of the round wins, and respondents and texts the journal lacks
are added (by their hash, as a second answers import would), none removed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from .. import specs, validation
from ..errors import ValidationError
from ..exchange.fields import Fields, FileProblem, problems_at
from ..exchange.records_json import read_values
from ..framework import Framework
from ..records import ROUND_QUESTIONS, Leader, Round
from ..storage import Store

ROUND_EXTRA = ("respondents", "texts")
RESPONDENT_FIELDS = ("number", "group", "hash", "answers")
ANSWER_FIELDS = ("behaviour", "score")
TEXT_FIELDS = ("group", "question", "text")


@dataclass(frozen=True)
class RoundCopy:
    """A round with its respondents ``(number, group, hash, ((behaviour, score), …))`` and its
    texts ``(group, question, text)``, as read from a file."""

    round: Round
    respondents: tuple[tuple[int, str, str, tuple[tuple[str, int | None], ...]], ...]
    texts: tuple[tuple[str, str, str], ...]


def rounds_json(store: Store, leaders: list[Leader]) -> list[dict[str, Any]]:
    out = []
    for leader in leaders:
        for item in store.rounds.all(leader.id):
            answers: dict[int, list] = {}
            for number, behaviour, score in store.rounds.answers(item.id):
                answers.setdefault(number, []).append({"behaviour": behaviour, "score": score})
            entry = specs.ROUND.to_json(item)
            entry["respondents"] = [
                {"number": n, "group": g, "hash": h, "answers": answers.get(n, [])}
                for n, g, h in store.rounds.respondents(item.id)
            ]
            entry["texts"] = [
                {"group": g, "question": q, "text": x} for g, q, x in store.rounds.texts(item.id)
            ]
            out.append(entry)
    return out


def read_rounds(top: Fields, owners: dict[str, tuple[Leader, Framework]]) -> list[RoundCopy]:
    """Every round of the file, checked against its leader's framework; nothing is written."""
    copies, seen = [], set()
    allowed = (*specs.ROUND.json_names(), *ROUND_EXTRA)
    for index, raw in enumerate(top.items("rounds", [])):
        f = Fields(raw, f"rounds[{index}]", allowed=allowed)
        copy = _round(f, owners)
        if copy.round.id in seen:
            raise FileProblem(f.at("id"), "err_file_id_twice", id=copy.round.id)
        seen.add(copy.round.id)
        copies.append(copy)
    return copies


def _round(f: Fields, owners: dict[str, tuple[Leader, Framework]]) -> RoundCopy:
    leader_id = f.uuid("leader_id")
    if leader_id not in owners:
        raise FileProblem(f.at("leader_id"), "err_file_not_a_leader", id=leader_id)
    leader, framework = owners[leader_id]
    values = read_values(specs.ROUND, f, skip=("leader_id", "disciplines"))
    item = Round(**values, disciplines=tuple(f.texts("disciplines", limit=100)),
                 leader_id=leader.id)  # fmt: skip
    with problems_at(f.where):
        validation.check_round(framework, item)
    respondents, numbers = [], set()
    for i, raw in enumerate(f.items("respondents", [])):
        r = Fields(raw, f"{f.at('respondents')}[{i}]", allowed=RESPONDENT_FIELDS)
        number = r.whole("number")
        if number is None or number < 1 or number in numbers:
            raise FileProblem(r.at("number"), "err_file_round_number", number=number)
        numbers.add(number)
        group = r.text("group", limit=20)
        with problems_at(r.at("group")):
            validation.check_round_group(group)
        answers = []
        for j, a in enumerate(r.items("answers", [])):
            af = Fields(a, f"{r.at('answers')}[{j}]", allowed=ANSWER_FIELDS)
            behaviour, score = af.text("behaviour", limit=100), af.whole("score", None)
            with problems_at(af.where):
                validation.check_round_score(framework, behaviour, score)
            answers.append((behaviour, score))
        if len({b for b, _ in answers}) != len(answers):
            raise FileProblem(r.at("answers"), "err_file_round_answer_twice")
        respondents.append((number, group, r.text("hash", limit=100), tuple(answers)))
    texts = []
    for i, raw in enumerate(f.items("texts", [])):
        x = Fields(raw, f"{f.at('texts')}[{i}]", allowed=TEXT_FIELDS)
        group, question, text = (
            x.text("group", limit=20),
            x.text("question", limit=20),
            x.text("text"),
        )
        with problems_at(x.where):
            validation.check_round_group(group)
            if question not in ROUND_QUESTIONS:
                raise ValidationError("err_file_round_question", question=question)
        texts.append((group, question, text))
    return RoundCopy(item, tuple(respondents), tuple(texts))


def apply_rounds(store: Store, copies: list[RoundCopy], counts: dict[str, dict[str, int]]) -> None:
    """Write the file's rounds (inside the caller's transaction): the newer round wins;
    respondents and texts the journal lacks are added."""
    for copy in copies:
        existing = store.rounds.get(copy.round.id)
        if existing is not None and existing.leader_id != copy.round.leader_id:
            raise FileProblem("", "err_file_record_other_leader", id=copy.round.id)
        added = _missing_answers(store, copy, existing)
        if existing is None:
            store.rounds.save(copy.round)
            counts["added"]["rounds"] += 1
        elif copy.round.updated_at > existing.updated_at and copy.round != existing:
            store.rounds.save(replace(copy.round, created_at=existing.created_at))
            counts["updated"]["rounds"] += 1
        elif any(added):
            counts["updated"]["rounds"] += 1
        else:
            counts["present"]["rounds"] += 1
        store.rounds.add(copy.round.id, *added)


def _missing_answers(store: Store, copy: RoundCopy, existing: Round | None) -> tuple:
    """The respondents (renumbered after the journal's) and texts the journal lacks."""
    round_id = copy.round.id
    stored = store.rounds.hash_counts(round_id) if existing else Counter()
    first = store.rounds.next_number(round_id) if existing else 1
    people, answers, seen = [], [], Counter()
    for original, group, key, scores in sorted(copy.respondents):
        seen[key] += 1
        if seen[key] <= stored[key]:
            continue
        number = first + len(people) if existing else original  # a new round keeps its numbers
        people.append((number, group, key))
        answers.extend((number, behaviour, score) for behaviour, score in scores)
    have = Counter(store.rounds.texts(round_id)) if existing else Counter()
    texts = list((Counter(copy.texts) - have).elements())
    return people, answers, texts
