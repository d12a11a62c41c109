"""Every message in the profile's language, and the same message on every way in (issue #9).

An error carries a catalogue key and parameters; the command line, the widgets and the import
render it in the leader's language. The same invalid reflection, goal or feedback is refused
with the same words by the API, the widget, the import (after the place in the file) and the
command line.
"""

from __future__ import annotations

import ast
import json
import sqlite3
import string
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pages import FeedbackPage, GoalsPage, ReflectPage

from lgtrack import Feedback, Goal, Journal, Reflection
from lgtrack.cli import main
from lgtrack.errors import (
    FrameworkError,
    ImportFileError,
    LgtrackError,
    Message,
    NotFoundError,
    StoreError,
    ValidationError,
    field_term,
)
from lgtrack.exchange import export_json, import_file
from lgtrack.i18n import LANGUAGES, catalogue, t
from lgtrack.storage import database_path
from lgtrack.ui import FeedbackWidget, GoalsWidget, ReflectionWidget

PACKAGE = Path(__file__).resolve().parent.parent / "lgtrack"
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
DAY = date(2026, 11, 2)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(code: int, err: str) -> str:
    """The message of a refused command: exit 2, one line on stderr."""
    assert code == 2, err
    prefix = f"lgtrack: {t('cli_error', 'da')}: "
    if not err.startswith(prefix):
        prefix = f"lgtrack: {t('cli_error', 'en')}: "
    assert err.count("\n") == 1 and err.startswith(prefix), err
    return err.removeprefix(prefix).rstrip("\n")


@pytest.fixture(params=LANGUAGES)
def lang(request) -> str:
    return request.param


@pytest.fixture
def home(tmp_path, lang, capsys) -> str:
    """A journal on disk whose profile speaks ``lang``."""
    home = str(tmp_path / "journal")
    argv = ["init", "--name", "AB", "--level", "teamleder", "--lang", lang, "--home", home]
    assert main(argv) == 0
    capsys.readouterr()
    return home


@pytest.fixture
def journal(home):
    opened = Journal.open(home, create=False, clock=lambda: NOW)
    yield opened
    opened.close()


def export_with(tmp_path: Path, kind: str, **changes: str) -> Path:
    """An lgtrack export holding one valid record of ``kind``, with ``changes`` made to it."""
    with Journal.open(":memory:", clock=lambda: NOW) as source:
        source.set_profile("AB", "teamleder", lang="da")
        if kind == "reflections":
            source.add_reflection(Reflection(DAY, ("self",), text="Godt møde"))
        elif kind == "goals":
            source.add_goal(Goal("self", "Fast refleksionstid"))
        else:
            source.add_feedback(Feedback(DAY, "peer", "self", text="Tak for i dag"))
        document = json.loads(export_json(source, now=NOW))
    document[kind][0].update(changes)
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# -- the same invalid reflection, goal and feedback, refused identically everywhere ---------------

NUL_TEXT = "Møde\x00slut"


def nul_in(field: str) -> ValidationError:
    return ValidationError("err_text_nul", what=field_term(field))


def test_a_nul_in_a_reflection_is_refused_with_the_same_words_everywhere(
    journal, home, tmp_path, lang, capsys
):
    expected = nul_in("text").render(lang)
    with pytest.raises(ValidationError) as api:
        journal.add_reflection(Reflection(DAY, ("self",), text=NUL_TEXT))
    assert api.value.render(lang) == expected

    page = ReflectPage(ReflectionWidget(journal))
    page.choose_discipline("self")
    page.write(NUL_TEXT)
    page.save()
    assert page.status.kind == "error"
    assert page.status.text.endswith(t("ui.not_saved", lang, reason=expected))  # after the icon

    code, _, err = run(
        capsys, "reflect", "--discipline", "self", "--text", NUL_TEXT, "--home", home
    )
    assert one_error_line(code, err) == expected

    path = export_with(tmp_path, "reflections", text=NUL_TEXT)
    code, _, err = run(capsys, "import", str(path), "--home", home)
    in_file = Message(
        "err_import_refused", name="backup.json", problem=f"reflections[0].text: {expected}"
    )
    assert one_error_line(code, err) == in_file.render(lang)
    assert journal.reflections() == []


def test_a_too_long_or_empty_reflection_reads_the_same_from_api_widget_cli_and_import(
    journal, home, tmp_path, lang, capsys
):
    long_text = "æ" * 100_001
    too_long = ValidationError(
        "err_text_too_long", what=field_term("text"), limit=100_000, length=100_001
    ).render(lang)
    for text, expected in (
        (long_text, too_long),
        ("   ", ValidationError("err_empty_reflection").render(lang)),
    ):
        with pytest.raises(ValidationError) as api:
            journal.add_reflection(Reflection(DAY, ("self",), text=text))
        assert api.value.render(lang) == expected

        page = ReflectPage(ReflectionWidget(journal))
        page.choose_discipline("self")
        page.write(text)
        page.save()
        assert page.status.text.endswith(t("ui.not_saved", lang, reason=expected))

        path = export_with(tmp_path, "reflections", text=text)
        code, _, err = run(capsys, "import", str(path), "--home", home)
        in_file = Message(
            "err_import_refused", name="backup.json", problem=f"reflections[0]: {expected}"
        )
        if text == long_text:  # a field's own limit is found while reading the field
            in_file = Message(
                "err_import_refused",
                name="backup.json",
                problem=f"reflections[0].text: {expected}",
            )
        assert one_error_line(code, err) == in_file.render(lang)
    code, _, err = run(
        capsys, "reflect", "--discipline", "self", "--text", long_text, "--home", home
    )
    assert one_error_line(code, err) == too_long
    assert journal.reflections() == []


def test_a_nul_in_a_goal_title_is_refused_with_the_same_words_everywhere(
    journal, home, tmp_path, lang, capsys
):
    expected = nul_in("title").render(lang)
    with pytest.raises(ValidationError) as api:
        journal.add_goal(Goal("self", NUL_TEXT))
    assert api.value.render(lang) == expected

    page = GoalsPage(GoalsWidget(journal))
    page.fill(title=NUL_TEXT, discipline="self")
    page.save()
    assert page.status.text.endswith(t("ui.not_saved", lang, reason=expected))  # after the icon

    argv = ("goal", "add", "--discipline", "self", "--title", NUL_TEXT, "--home", home)
    assert one_error_line(*run(capsys, *argv)[::2]) == expected

    path = export_with(tmp_path, "goals", title=NUL_TEXT)
    code, _, err = run(capsys, "import", str(path), "--home", home)
    assert f"goals[0].title: {expected}" in one_error_line(code, err)
    assert journal.goals() == []


def test_a_nul_in_feedback_is_refused_with_the_same_words_everywhere(
    journal, home, tmp_path, lang, capsys
):
    expected = nul_in("text").render(lang)
    with pytest.raises(ValidationError) as api:
        journal.add_feedback(Feedback(DAY, "peer", "self", text=NUL_TEXT))
    assert api.value.render(lang) == expected

    page = FeedbackPage(FeedbackWidget(journal))
    page.choose_role("peer")
    page.choose_discipline("self")
    page.write(NUL_TEXT)
    page.save()
    assert page.status.text.endswith(t("ui.not_saved", lang, reason=expected))  # after the icon

    argv = ("feedback", "add", "--from", "peer", "--discipline", "self", "--text", NUL_TEXT)
    assert one_error_line(*run(capsys, *argv, "--home", home)[::2]) == expected

    path = export_with(tmp_path, "feedback", text=NUL_TEXT)
    with pytest.raises(ImportFileError) as imported:
        import_file(journal, path)
    assert f"feedback[0].text: {expected}" in imported.value.render(lang)
    assert journal.feedback() == []


def test_a_behaviour_of_another_discipline_reads_the_same_from_api_cli_and_import(
    journal, home, tmp_path, lang, capsys
):
    from lgtrack import Rating

    bad = Reflection(DAY, ("self",), ratings=(Rating("strategic.g1", 3),))
    with pytest.raises(ValidationError) as api:
        journal.add_reflection(bad)
    expected = api.value.render(lang)
    code, _, err = run(capsys, "reflect", "--discipline", "self", "--rate", "strategic.g1=3",
                       "--home", home)  # fmt: skip
    assert one_error_line(code, err) == expected
    path = export_with(tmp_path, "reflections", ratings=[{"behaviour": "strategic.g1", "score": 3}])
    code, _, err = run(capsys, "import", str(path), "--home", home)
    assert f"reflections[0]: {expected}" in one_error_line(code, err)


# -- each error path in the profile's language ----------------------------------------------------

DANISH = {
    "unknown discipline": "ukendt disciplin 'selv'",
    "another discipline": "hører til disciplinen 'strategic'",
    "not found": "intet mål med id'et '0123456789'",
    "bad import file": "backup.json: filen er tom; intet er importeret",
    "empty reflection": "refleksionen er tom",
}
ENGLISH = {
    "unknown discipline": "unknown discipline 'selv'",
    "another discipline": "belongs to discipline 'strategic'",
    "not found": "no goal with id '0123456789'",
    "bad import file": "backup.json: the file is empty; nothing was imported",
    "empty reflection": "an empty reflection",
}
ARGV = {
    "unknown discipline": ["reflect", "--discipline", "selv", "--text", "x"],
    "another discipline": ["reflect", "--discipline", "self", "--rate", "strategic.g1=3"],
    "not found": ["goal", "checkin", "0123456789", "--progress", "5"],
    "bad import file": ["import", "{empty}"],
    "empty reflection": ["reflect", "--discipline", "self", "--text", "  "],
}


@pytest.mark.parametrize("case", sorted(ARGV))
def test_each_error_is_danish_with_a_danish_profile_and_english_with_an_english_one(
    home, tmp_path, lang, capsys, case
):
    empty = tmp_path / "backup.json"
    empty.write_text("", encoding="utf-8")
    argv = [word.format(empty=empty) for word in ARGV[case]]
    message = one_error_line(*run(capsys, *argv, "--home", home)[::2])
    assert (DANISH if lang == "da" else ENGLISH)[case] in message
    assert (ENGLISH if lang == "da" else DANISH)[case] not in message


def test_a_store_error_is_in_the_profiles_language(home, lang, capsys):
    with sqlite3.connect(database_path(home)) as conn:  # a journal from a newer lgtrack
        conn.execute("PRAGMA user_version = 999")
    code, _, err = run(capsys, "list", "reflections", "--home", home)
    message = one_error_line(code, err)
    with pytest.raises(StoreError) as opened:
        Journal.open(home, create=False)
    assert message == opened.value.render(lang)
    assert message != opened.value.render("en" if lang == "da" else "da")


def test_without_a_journal_the_command_line_speaks_danish_unless_told(tmp_path, capsys):
    home = str(tmp_path / "none")
    argv = ["init", "--name", "A", "--level", "chef", "--home", home]
    assert "ukendt niveau 'chef'" in one_error_line(*run(capsys, *argv)[::2])
    argv += ["--lang", "en"]
    assert "unknown level 'chef'" in one_error_line(*run(capsys, *argv)[::2])


def test_success_lines_are_in_the_profiles_language(home, tmp_path, lang, capsys):
    path = export_with(tmp_path, "reflections")
    code, out, _ = run(capsys, "import", str(path), "--home", home)
    assert code == 0
    expected = "Importeret: 1 refleksion," if lang == "da" else "imported 1 reflection,"
    assert out.startswith(expected), out


def test_a_framework_error_reads_in_both_languages(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\nname: {da: X}\n", encoding="utf-8")
    from lgtrack.framework import load_framework

    with pytest.raises(FrameworkError) as caught:
        load_framework(bad)
    assert caught.value.render("da") == "bad.yaml: (top): den påkrævede nøgle 'version' mangler"
    assert str(caught.value) == "bad.yaml: (top): missing required key 'version'"


def test_a_syntax_error_names_the_line_in_the_readers_language(tmp_path):
    from lgtrack.framework import load_framework

    bad = tmp_path / "broken.yaml"
    bad.write_text("format: 1\nid: [x\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as caught:
        load_framework(bad)
    assert caught.value.render("da").startswith("broken.yaml: linje ")
    assert str(caught.value).startswith("broken.yaml: line ")


# -- the error objects ------------------------------------------------------------------------


def test_an_error_keeps_its_key_and_parameters_and_renders_lists_joined():
    error = NotFoundError("err_no_leader", key="abc", known=["A (1)", "B (2)"])
    assert (error.key, error.params["key"]) == ("err_no_leader", "abc")
    assert (
        error.render("da")
        == "der er ingen leder, hvis id begynder med 'abc' (ledere: A (1), B (2))"
    )
    assert (
        str(error)
        == error.render("en")
        == ("no leader with an id starting 'abc' (leaders: A (1), B (2))")
    )


def test_a_nested_message_renders_in_the_same_language():
    inner = ValidationError("err_unknown_discipline", discipline="x", known=("self",))
    outer = ImportFileError("err_import_refused", name="f.json", problem=inner)
    assert outer.render("da") == "f.json: ukendt disciplin 'x' (kendte: self); intet er importeret"
    assert str(outer) == "f.json: unknown discipline 'x' (known: self); nothing was imported"


def test_an_import_error_is_one_clean_line_even_with_hostile_text():
    error = ImportFileError("err_import_refused", name="f.json", problem="a\nb\x1b[2J" + "x" * 400)
    for lang in LANGUAGES:
        text = error.render(lang)
        assert "\n" not in text and "\x1b" not in text and len(text) <= 300


# -- the catalogue holds every key the code raises -------------------------------------------------

_ERROR_CLASSES = {
    "LgtrackError",
    "FrameworkError",
    "ValidationError",
    "NotFoundError",
    "ImportFileError",
    "StoreError",
    "PdfError",
    "Message",
    "_Refused",
}
# Calls whose second argument is the key: FileProblem(where, key), refuse(name, key), fail(path, key)
_KEY_SECOND = {"FileProblem", "refuse", "fail"}


def _name_of(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _key_arguments(*, errors_only: bool = False) -> list[tuple[str, ast.expr]]:
    """Every argument that names a message key, with where it is (``file:line``); with
    ``errors_only``, only those of errors (not of a :class:`Message` inside one)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name_of(node.func)
            if errors_only and name == "Message":
                continue
            position = 0 if name in _ERROR_CLASSES else 1 if name in _KEY_SECOND else None
            if position is not None and len(node.args) > position:
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                found.append((where, node.args[position]))
    return found


def test_no_error_is_raised_with_an_english_sentence():
    sentences = [where for where, arg in _key_arguments() if isinstance(arg, ast.JoinedStr)]
    sentences += [
        where
        for where, arg in _key_arguments()
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value
    ]
    assert not sentences, f"errors raised with a sentence instead of a catalogue key: {sentences}"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_the_code_raises_is_in_the_catalogue_in_both_languages():
    keys = {
        (where, arg.value)
        for where, arg in _key_arguments()
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }
    assert len(keys) > 100  # the scan finds the raise sites
    missing = sorted((where, key) for where, key in keys if key not in catalogue())
    assert not missing, f"keys raised but not in messages.yaml: {missing}"
    for _, key in keys:
        entry = catalogue()[key]
        assert all(entry.get(lang, "").strip() for lang in LANGUAGES), key
        assert _fields(entry["da"]) == _fields(entry["en"]), key


def test_error_keys_start_with_err():
    raised = {
        arg.value
        for _, arg in _key_arguments(errors_only=True)
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }
    assert not sorted(key for key in raised if not key.startswith("err_"))


@pytest.mark.parametrize(
    "what",
    ["date", "due date", "closing date", "session date", "check-in date", "name", "unit", "text",
     "prompt", "next step", "wellbeing", "energy", "tag", "title", "why", "success criteria",
     "note", "action", "goal", "reality", "options", "will", "notes", "--from date", "--to date"],
)  # fmt: skip
def test_every_field_named_in_a_check_has_a_danish_name(what):
    term = field_term(what)
    assert isinstance(term, Message), what
    assert term.render("da") != term.render("en") or what.startswith("--"), what


def test_an_unconverted_sentence_still_reads():
    assert str(LgtrackError("something went wrong")) == "something went wrong"
    assert LgtrackError("something went wrong").render("da") == "something went wrong"
