"""The demo journal (``build_demo``, ``lgtrack demo``) and opening the notebooks (``lgtrack lab``).

The demo must look like two real years of a team leader's journal, be the same every time for
the same seed and day, and never land in a real journal by surprise.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path
from statistics import mean

import pytest

from lgtrack import EntryFilter, Journal, Rating, Reflection, ValidationError
from lgtrack.cli import demo as demo_cli
from lgtrack.cli import main
from lgtrack.demo import DEMO_LEVEL, build_demo

TODAY = date(2026, 11, 30)
ALL = EntryFilter(include_private=True)


def built(seed: int = 7, today: date = TODAY) -> Journal:
    journal = Journal.open(":memory:")
    build_demo(journal, today=today, seed=seed)
    return journal


def everything(journal: Journal) -> list[dict]:
    """Every record the journal holds, as plain data (what an export would carry)."""
    records = [
        *journal.leaders(),
        *journal.reflections(ALL),
        *journal.goals(ALL),
        *journal.feedback(ALL),
    ]
    return [asdict(record) for record in records]


@pytest.fixture(scope="module")
def demo() -> Journal:
    return built()


def self_ratings(journal: Journal) -> list[tuple[date, Rating]]:
    return [(r.day, x) for r in journal.reflections(ALL) for x in r.ratings]


# -- determinism ----------------------------------------------------------------------------------


def test_the_same_seed_and_day_give_identical_records_ids_and_times():
    first, second = everything(built()), everything(built())
    assert first == second
    assert len(first) > 100


def test_another_seed_or_day_gives_another_journal():
    assert everything(built(seed=8)) != everything(built())
    assert everything(built(today=TODAY + timedelta(days=7))) != everything(built())


def test_ids_are_uuids_derived_from_the_seed(demo):
    ids = [record["id"] for record in everything(demo)]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(value).version == 5 for value in ids)


def test_the_journal_clock_is_restored_after_building():
    journal = Journal.open(":memory:")
    clock = journal.clock
    build_demo(journal, today=TODAY)
    assert journal.clock is clock


# -- realism --------------------------------------------------------------------------------------


def test_the_profile_is_an_invented_team_leader_on_stuk(demo):
    me = demo.me()
    assert me.name == "Demo Leder" and me.level == DEMO_LEVEL and me.framework_id == "stuk"
    assert me.lang == "da"


def test_two_years_of_roughly_weekly_reflections(demo):
    days = sorted(r.day for r in demo.reflections(ALL))
    assert 90 <= len(days) <= 110
    assert days[0] <= TODAY - timedelta(days=700) and days[-1] >= TODAY - timedelta(days=14)
    assert days[-1] <= TODAY
    summer_weeks = [d for d in days if d.isocalendar()[1] in (28, 29, 30)]
    assert summer_weeks == [], "no reflections in the summer holiday"
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    assert max(gaps) <= 35


def test_reflections_rate_the_team_leader_behaviours_of_their_disciplines(demo):
    fw = demo.framework()
    for reflection in demo.reflections(ALL):
        own = {b.id for d in reflection.disciplines for b in fw.discipline(d).levels[DEMO_LEVEL]}
        offered = {
            b.id
            for d in reflection.disciplines
            for b in fw.discipline(d).behaviours_for(DEMO_LEVEL)
        }
        assert own <= {x.behaviour for x in reflection.ratings} <= offered
        assert reflection.text and reflection.next_step and reflection.prompt and reflection.tags
    disciplines = {d for r in demo.reflections(ALL) for d in r.disciplines}
    assert disciplines == set(fw.discipline_ids)


def test_some_ratings_are_dont_know_and_the_rest_are_on_the_scale(demo):
    scores = [x.score for _, x in self_ratings(demo)]
    dont_know = scores.count(None)
    assert 0.02 * len(scores) < dont_know < 0.1 * len(scores)
    assert {s for s in scores if s is not None} <= set(range(1, 6))


def half_year_means(journal: Journal) -> dict[str, tuple[float, float]]:
    """Each behaviour's mean self-rating in the first and in the last six months."""
    first, last = TODAY - timedelta(days=730 - 182), TODAY - timedelta(days=182)
    halves: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for day, rating in self_ratings(journal):
        if rating.score is not None and not first <= day < last:
            halves[rating.behaviour][day >= last].append(rating.score)
    return {b: (mean(one), mean(two)) for b, (one, two) in halves.items() if one and two}


def test_ratings_drift_up_where_the_leader_works_and_plateau_elsewhere(demo):
    means = half_year_means(demo)
    improved = [b for b, (early, late) in means.items() if late - early >= 0.8]
    flat = [b for b, (early, late) in means.items() if abs(late - early) < 0.3]
    assert {"people.teamleder.2", "operational.teamleder.1"} <= set(improved)
    assert len(improved) >= 3 and len(flat) >= 5


def test_some_reflections_are_private(demo):
    everything_ = demo.reflections(ALL)
    shared = demo.reflections(EntryFilter(include_private=False))
    assert 0 < len(everything_) - len(shared) < 0.15 * len(everything_)


def test_texts_are_danish_and_varied(demo):
    texts = [r.text for r in demo.reflections(ALL)]
    assert len(set(texts)) > 0.9 * len(texts)
    assert any(ch in "".join(texts) for ch in "æøå")


def test_goals_in_every_status_with_check_ins_over_time(demo):
    goals = demo.goals(ALL)
    statuses = [g.status for g in goals]
    assert statuses.count("achieved") >= 2 and statuses.count("dropped") == 1
    assert statuses.count("open") >= 3
    overdue = [g for g in goals if g.status == "open" and g.due < TODAY]
    assert len(overdue) == 1
    for goal in goals:
        days = [c.day for c in goal.checkins]
        assert days == sorted(days) and goal.created_at.date() <= days[0] <= TODAY
        if goal.status == "achieved":
            assert goal.progress == 100 and goal.closed_on == days[-1]
        if goal.status == "open":
            assert goal.progress < 100 and goal.closed_on is None
    assert any(g.private for g in goals)


def test_feedback_from_several_roles_sometimes_differs_from_self_view(demo):
    feedback = demo.feedback(ALL)
    assert {f.role for f in feedback} >= {"manager", "peer", "employee", "coach"}
    others = defaultdict(list)
    for item in feedback:
        for rating in item.ratings:
            if rating.score is not None and item.role in ("employee", "peer"):
                others[rating.behaviour].append(rating.score)
    self_view = {b: mean(pair) for b, pair in half_year_means(demo).items()}
    gaps = {b: mean(scores) - self_view[b] for b, scores in others.items()}
    assert min(gaps.values()) <= -0.8, "a blind spot: others see less than the leader"
    assert max(gaps.values()) >= 0.8, "a hidden strength: others see more than the leader"
    assert any(r.score is None for f in feedback for r in f.ratings)


# -- never over a real journal -------------------------------------------------------------


def test_build_demo_refuses_a_journal_with_a_profile_and_changes_nothing():
    journal = Journal.open(":memory:")
    journal.set_profile("AB", "kontorchef")
    journal.add_reflection(Reflection(day=TODAY, disciplines=("self",), text="Min egen"))
    with pytest.raises(ValidationError, match="already has a profile or entries"):
        build_demo(journal, today=TODAY)
    assert [r.text for r in journal.reflections()] == ["Min egen"]
    assert journal.me().name == "AB"


def test_replace_all_swaps_the_contents_for_the_demo():
    journal = Journal.open(":memory:")
    journal.set_profile("AB", "kontorchef")
    build_demo(journal, today=TODAY, replace_all=True)
    assert journal.me().name == "Demo Leder" and len(journal.leaders()) == 1
    assert everything(journal) == everything(built())


# -- lgtrack demo ----------------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str) -> None:
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("lgtrack: fejl: "), err


@pytest.fixture
def user_dirs(tmp_path, monkeypatch) -> Path:
    """A fake user data directory (platformdirs reads XDG_DATA_HOME) and no LGTRACK_HOME."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("LGTRACK_HOME", raising=False)
    return tmp_path / "xdg" / "lgtrack"


def test_demo_writes_into_its_own_directory_not_the_real_journal(capsys, user_dirs):
    code, out, err = run(capsys, "demo", "--today", "2026-11-30")
    assert code == 0, err
    assert str(user_dirs / "demo") in out and "lgtrack lab --home" in out
    assert (user_dirs / "demo" / "journal.sqlite").is_file()
    assert not (user_dirs / "journal.sqlite").exists()
    with Journal.open(user_dirs / "demo", create=False) as journal:
        assert everything(journal) == everything(built())


def test_demo_refuses_a_journal_with_entries_unless_forced(capsys, tmp_path):
    home = str(tmp_path / "j")
    with Journal.open(home) as journal:
        journal.set_profile("AB", "teamleder")
    code, _, err = run(capsys, "demo", "--home", home, "--today", "2026-11-30")
    assert_one_line_error(code, err)
    assert "--force" in err
    with Journal.open(home, create=False) as journal:
        assert journal.me().name == "AB" and journal.reflections() == []
    code, _, err = run(capsys, "demo", "--home", home, "--today", "2026-11-30", "--force")
    assert code == 0, err
    with Journal.open(home, create=False) as journal:
        assert journal.me().name == "Demo Leder"


def test_demo_never_replaces_the_journal_at_the_default_location(capsys, tmp_path, monkeypatch):
    real = tmp_path / "real"
    monkeypatch.setenv("LGTRACK_HOME", str(real))
    with Journal.open(real) as journal:
        journal.set_profile("AB", "teamleder")
    code, _, err = run(capsys, "demo", "--home", str(real), "--force")
    assert_one_line_error(code, err)
    with Journal.open(real, create=False) as journal:
        assert journal.me().name == "AB"


def test_demo_rejects_an_impossible_day_without_creating_anything(capsys, tmp_path):
    code, _, err = run(capsys, "demo", "--home", str(tmp_path / "j"), "--today", "2026-02-30")
    assert_one_line_error(code, err)
    assert not (tmp_path / "j").exists()


# -- lgtrack lab -----------------------------------------------------------------------------------


def choose(given=None, *, real=False, demo=False) -> demo_cli.HomeChoice:
    return demo_cli.choose_home(
        given,
        real_home=Path("/r"),
        real_has_profile=real,
        demo_home=Path("/d"),
        demo_has_profile=demo,
    )


def test_choose_home_prefers_home_then_the_real_journal_then_the_demo():
    assert choose("/given", real=True) == demo_cli.HomeChoice(Path("/given"), "given")
    assert choose(real=True) == demo_cli.HomeChoice(Path("/r"), "journal")
    assert choose() == demo_cli.HomeChoice(Path("/d"), "demo", build_demo=True)
    assert choose(demo=True) == demo_cli.HomeChoice(Path("/d"), "demo", build_demo=False)


def test_has_profile_reads_without_creating(tmp_path):
    assert not demo_cli.has_profile(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()
    with Journal.open(tmp_path / "empty"):
        pass
    assert not demo_cli.has_profile(tmp_path / "empty")
    with Journal.open(tmp_path / "mine") as journal:
        journal.set_profile("AB", "teamleder")
    assert demo_cli.has_profile(tmp_path / "mine")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "journal.sqlite").write_bytes(b"not a database")
    assert not demo_cli.has_profile(tmp_path / "junk")


def test_lab_command_for_jupyterlab_and_voila(tmp_path):
    (tmp_path / demo_cli.START_NOTEBOOK).write_text("{}")
    lab = demo_cli.lab_command(tmp_path, no_browser=True, port=8899, as_root=True, python="py")
    assert lab[:3] == ["py", "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path}" in lab
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in lab
    assert {"--allow-root", "--no-browser", "--port=8899"} <= set(lab)
    assert "--allow-root" not in demo_cli.lab_command(tmp_path, as_root=False)
    voila = demo_cli.lab_command(tmp_path, voila=True, python="py")
    assert voila == ["py", "-m", "voila", str(tmp_path / "00_start_here.ipynb")]


@pytest.fixture
def notebooks(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / demo_cli.START_NOTEBOOK).write_text("{}")
    monkeypatch.setattr(demo_cli, "find_notebooks", lambda: folder)
    return folder


@pytest.fixture
def served(monkeypatch) -> list:
    calls: list = []
    monkeypatch.setattr(
        demo_cli, "_serve", lambda argv, env, cwd: calls.append((argv, env, cwd)) or 0
    )
    return calls


def test_lab_without_a_journal_opens_the_demo_built_once(capsys, user_dirs, notebooks, served):
    code, out, _ = run(capsys, "lab", "--no-browser")
    assert code == 0
    assert "Ingen journal endnu" in out and str(user_dirs / "demo") in out
    argv, env, cwd = served[0]
    assert env["LGTRACK_HOME"] == str(user_dirs / "demo") and cwd == notebooks
    assert "--no-browser" in argv
    with Journal.open(user_dirs / "demo", create=False) as journal:
        first = everything(journal)
    assert len(first) > 100
    run(capsys, "lab")
    with Journal.open(user_dirs / "demo", create=False) as journal:
        assert everything(journal) == first, "the demo is built once, then reused"


def test_lab_opens_the_real_journal_when_there_is_one(capsys, user_dirs, notebooks, served):
    with Journal.open(user_dirs) as journal:
        journal.set_profile("AB", "teamleder")
    code, out, _ = run(capsys, "lab", "--voila")
    assert code == 0 and "demo" not in out
    argv, env, _ = served[0]
    assert env["LGTRACK_HOME"] == str(user_dirs)
    assert argv[1:4] == ["-m", "voila", str(notebooks / "00_start_here.ipynb")]
    assert not (user_dirs / "demo").exists()


def test_lab_dry_run_prints_the_command_and_starts_nothing(capsys, tmp_path, notebooks, served):
    code, out, _ = run(
        capsys, "lab", "--home", str(tmp_path / "given"), "--dry-run", "--port", "9000"
    )
    assert code == 0 and served == []
    assert out.startswith(f"LGTRACK_HOME={tmp_path / 'given'} ")
    assert "-m jupyterlab" in out and "--port=9000" in out


def test_lab_says_so_when_the_notebooks_are_not_installed(capsys, monkeypatch, served):
    monkeypatch.setattr(demo_cli, "find_notebooks", lambda: None)
    code, _, err = run(capsys, "lab")
    assert_one_line_error(code, err)
    assert "notebooks" in err and served == []


def test_the_notebooks_are_found_next_to_the_package_source():
    assert demo_cli.find_notebooks() == Path(__file__).resolve().parent.parent / "notebooks"


def test_lab_says_so_when_the_server_is_not_installed(capsys, notebooks, served, monkeypatch):
    find_spec = demo_cli.importlib.util.find_spec
    monkeypatch.setattr(
        demo_cli.importlib.util,
        "find_spec",
        lambda name: None if name == "voila" else find_spec(name),
    )
    code, _, err = run(capsys, "lab", "--voila")
    assert_one_line_error(code, err)
    assert "voila er ikke installeret" in err and "lgtrack[notebooks]" in err and served == []
