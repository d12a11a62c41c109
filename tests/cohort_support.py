"""Leaders' journals and cohort bundles for the cohort tests (invented data)."""

from __future__ import annotations

import hashlib
import random
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from lgtrack import Journal, Rating, Reflection
from lgtrack.cohort.bundle import build_cohort_bundle
from lgtrack.records import CohortParticipant, EffectAnswer
from lgtrack.sharing import bundle_checksum, write_bundle
from lgtrack.sharing.signing import sign_document

NOW = datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc)
# The facilitator's clock when she imports: after every bundle the tests make (a bundle dated more
# than a day ahead of her clock is refused).
FACILITATOR_NOW = datetime(2027, 7, 15, 9, 0, tzinfo=timezone.utc)
START = date(2027, 1, 4)
END = date(2027, 12, 17)
SECRET = "HEMMELIGT-ORD-42"  # in every leader's texts; never in a facilitator's journal


def leader_bundle(
    index: int, level: str = "teamleder", *, seed: int = 0, now: datetime = NOW, weeks: int = 20
) -> dict:
    """A leader's cohort bundle: weekly reflections with text and ratings, two effect answers."""
    rng = random.Random(seed * 1000 + index)
    journal = Journal.open(":memory:", clock=lambda: now)
    journal.set_profile(f"Deltager{index} Efternavn{SECRET}", level, unit=f"Enhed {SECRET}")
    framework = journal.framework()
    behaviours = framework.behaviours_for_level(level)
    for week in range(weeks):
        day = START + timedelta(days=7 * week)
        discipline = framework.discipline_ids[week % 5]
        ratings = tuple(
            Rating(b.id, rng.choice([None, 2, 3, 4, 5])) for b in behaviours[discipline][:3]
        )
        journal.add_reflection(
            Reflection(day=day, disciplines=(discipline,), text=f"Tekst {SECRET}",
                       next_step=f"Skridt {SECRET}", tags=("hemmeligt-tag",), ratings=ratings)
        )  # fmt: skip
    journal.add_effect_answer(EffectAnswer(day=START, scores={"e1": 2, "e2": 3, "e3": None}))
    journal.add_effect_answer(EffectAnswer(day=date(2027, 5, 3), scores={"e1": 4, "e2": 4}))
    bundle = build_cohort_bundle(journal, now=now)
    journal.close()
    # the same person in every call: her key is her profile's id, stable across her bundles
    bundle["participant"]["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"participant-{index}"))
    return resign(bundle, index)


def participant_key(index: int):
    """Participant ``index``'s own signing key: the same in every bundle she makes."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = hashlib.sha256(f"participant-key-{index}".encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def resign(bundle: dict, index: int) -> dict:
    """``bundle`` (changed) with its checksum made again and signed by participant ``index``."""
    bundle = {key: value for key, value in bundle.items() if key != "signature"}
    bundle["checksum"] = bundle_checksum(bundle)
    return sign_document(bundle, participant_key(index))


def write_bundles(folder: Path, levels: list[str], **kwargs) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, level in enumerate(levels):
        path = folder / f"p{index}.json"
        write_bundle(leader_bundle(index, level, **kwargs), path)
        paths.append(path)
    return paths


def participant(pid: str, level: str | None) -> CohortParticipant:
    return CohortParticipant(pid, "AB", level, "1.0", NOW, "0" * 64, NOW)
