"""HTML is escaped by default: no module builds markup by hand, and hostile text in any field
comes out as text in the report and in every widget.

The source scan holds the package to one way into HTML (``lgtrack._markup.html`` and the
report's Jinja2 templates, both escaping every value): a module that escapes by hand, builds
tags in an f-string or marks data as markup fails here, with the file and line.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import ipywidgets as widgets
import pytest
from markupsafe import Markup, escape

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack._markup import html, join, trusted
from lgtrack.coaching import Action, CoachSession, add_action, save_session
from lgtrack.report import build_overview, render_report

PACKAGE = Path(__file__).resolve().parents[1] / "lgtrack"
HELPER = "_markup.py"
# Markup the code vouches for: a page Jinja2 rendered with autoescape, figures it drew as SVG.
TRUSTED_IN = {"report/_templates.py", "report/document.py"}
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*[\s/>]")

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
HOSTILE = '<img src=x onerror=alert(1)> "><script>alert(2)</script>'
HOSTILE_TAG = '<img/src=x/onerror=alert(1)>"><script>'  # a tag has no whitespace


# -- the source: one way into HTML -------------------------------------------------------------


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return f"{_name(func.value)}.{func.attr}"
    return ""


def _problem(node: ast.AST, module: str) -> str | None:
    """What is wrong with ``node`` as a way of making HTML, or None."""
    if (isinstance(node, ast.Import) and any(a.name == "html" for a in node.names)) or (
        isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == "html"
    ):
        return "imports the html module"
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if _literal(v))
        return "builds HTML in an f-string" if TAG.search(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        sides = (node.left, node.right)
        tagged = any(_literal(side) and TAG.search(side.value) for side in sides)
        return "builds HTML with + or %" if tagged else None
    return _call_problem(node, module) if isinstance(node, ast.Call) else None


def _call_problem(call: ast.Call, module: str) -> str | None:
    name = _name(call.func)
    template = call.args[0] if call.args else None
    if name in ("esc", "html.escape", "escape", "markupsafe.escape"):
        return f"escapes by hand with {name}()"
    if name.endswith(".format") and _literal(call.func.value) and TAG.search(call.func.value.value):
        return "builds HTML with str.format"
    if module == HELPER:
        return None
    if name in ("Markup", "markupsafe.Markup") and template is not None and not _literal(template):
        return "marks a value as Markup (only markup written in the code may be)"
    if name == "html" and (template is None or not _literal(template)):
        return "html() with a template that is not written in the code"
    if name == "trusted" and module not in TRUSTED_IN:
        return f"trusted() outside {sorted(TRUSTED_IN)}"
    return None


def problems_in(source: str, module: str) -> list[str]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        problem = _problem(node, module)
        if problem:
            found.append(f"{module}:{node.lineno}: {problem} (use lgtrack._markup.html)")
    return found


def test_no_module_builds_html_by_hand():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        found += problems_in(path.read_text(encoding="utf-8"), module)
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "import html\n",
        "from html import escape\n",
        "x = esc(name)\n",
        "x = html.escape(name)\n",
        "x = f'<b>{name}</b>'\n",
        "x = '<b>' + name + '</b>'\n",
        "x = '<p>{}</p>'.format(name)\n",
        "x = '<p>%s</p>' % name\n",
        "x = Markup(name)\n",
        "x = html(template, name)\n",
        "x = trusted(name)\n",
    ],
)
def test_the_scan_would_catch_html_built_by_hand(source):
    assert problems_in(source, "ui/page.py"), source


def test_the_scan_lets_escaping_construction_pass():
    source = (
        "a = html('<b>{}</b>', name)\n"
        "b = Markup('<style>p{}</style>')\n"
        "c = f'{name}: {count}'\n"
        "d = join([a, b], '\\n')\n"
    )
    assert problems_in(source, "ui/page.py") == []


def test_the_report_templates_ship_with_the_package():
    templates = {p.name for p in (PACKAGE / "report" / "templates").iterdir()}
    assert {"report.html", "report.css", "sections.html"} <= templates


# -- the helper ---------------------------------------------------------------------------------


def test_html_escapes_every_value_but_markup():
    shown = html('<a title="{}">{}</a>{}', HOSTILE, HOSTILE, html("<b>{}</b>", "ok"))
    assert isinstance(shown, Markup)
    assert shown == f'<a title="{escape(HOSTILE)}">{escape(HOSTILE)}</a><b>ok</b>'
    assert "<img" not in shown and "<script" not in shown


def test_join_escapes_plain_parts_and_keeps_markup():
    assert join([html("<i>{}</i>", "a"), "<b>"], "<br>") == "<i>a</i><br>&lt;b&gt;"
    assert isinstance(join([]), Markup)


def test_concatenating_plain_text_to_markup_escapes_it():
    assert html("<p>{}</p>", "x") + HOSTILE == f"<p>x</p>{escape(HOSTILE)}"
    assert trusted("<svg></svg>") == "<svg></svg>"


# -- hostile text in every field ----------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag and attribute name of a page (script and style bodies are skipped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def tags_of(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


def assert_inert(page: str) -> None:
    """Nothing hostile became markup: no img or script tag, no event handler attribute."""
    parsed = tags_of(page)
    assert not parsed.tags & {"img", "script"}, parsed.tags & {"img", "script"}
    assert not [name for name in parsed.attributes if name.startswith("on")]


def test_the_inertness_check_would_catch_hostile_markup():
    for bad in (HOSTILE, HOSTILE_TAG, '<svg onload="x">'):
        with pytest.raises(AssertionError):
            assert_inert(bad)
    assert_inert(escape(HOSTILE) + escape(HOSTILE_TAG))


def value(field: str) -> str:
    """A hostile text that names its field, so that each field can be found escaped."""
    return f"{field} {HOSTILE}"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    yield journal
    journal.close()


@pytest.fixture
def hostile(journal) -> Journal:
    """A journal whose owner has hostile text in every field a person types."""
    me = journal.set_profile(value("leader.name"), "teamleder", lang="da", unit=value("unit"))
    for week in range(3):
        day = TODAY - timedelta(days=2 + 7 * week)
        journal.add_reflection(
            Reflection(day=day, disciplines=("people",), text=value("reflection.text"),
                       next_step=value("reflection.next_step"), prompt=value("reflection.prompt"),
                       tags=(f"tag{HOSTILE_TAG}",), ratings=(Rating("people.g1", 3),))
        )  # fmt: skip
        journal.add_feedback(
            Feedback(day=day, role="peer", name=value("feedback.name"), discipline="people",
                     text=value("feedback.text"), ratings=(Rating("people.g1", 1),))
        )  # fmt: skip
    goal = journal.add_goal(
        Goal(discipline="people", title=value("goal.title"), success=value("goal.success"),
             behaviours=("people.g1",), due=TODAY + timedelta(days=10))
    )  # fmt: skip
    journal.check_in(goal.id, 30, note=value("checkin.note"), day=TODAY - timedelta(days=1))
    closed = journal.add_goal(Goal(discipline="self", title=value("closed.title")))
    journal.close_goal(closed.id, "dropped", day=TODAY - timedelta(days=1))
    save_session(
        journal,
        CoachSession(leader_id=me.id, day=TODAY - timedelta(days=20), goal=value("grow.goal"),
                     reality=value("grow.reality"), options=value("grow.options"),
                     will=value("grow.will"), notes=value("grow.notes")),
    )  # fmt: skip
    add_action(journal, Action(leader_id=me.id, text=value("action.text")))
    return journal


REPORT_FIELDS = (
    "leader.name", "unit", "reflection.text", "reflection.next_step", "feedback.name",
    "feedback.text", "goal.title", "checkin.note", "grow.goal", "grow.reality", "grow.options",
    "grow.will", "grow.notes", "action.text",
)  # fmt: skip


@pytest.mark.parametrize("lang", ["da", "en"])
def test_hostile_text_in_every_field_is_text_in_the_report(hostile, lang):
    me = hostile.me()
    page = render_report(build_overview(hostile, me.id, TODAY), lang)
    assert_inert(page)
    for field in REPORT_FIELDS:
        assert escape(value(field)) in page, field
    assert f"<h1>{escape(value('leader.name'))}</h1>" in page


def html_values(widget: widgets.Widget) -> list[str]:
    """The value of every HTML widget inside ``widget``."""
    found = [widget.value] if isinstance(widget, widgets.HTML | widgets.HTMLMath) else []
    for child in getattr(widget, "children", ()) or ():
        found += html_values(child)
    return found


def every_page(journal: Journal, tmp_path) -> dict[str, widgets.Widget]:
    from lgtrack import ui
    from lgtrack.ui.coach import CoachWidget
    from lgtrack.ui.development import DevelopmentWidget
    from lgtrack.ui.share import ShareWidget

    clock = lambda: NOW  # noqa: E731
    browser = ui.JournalBrowser(journal)
    browser.select(browser.shown[0])  # the entry in full: prompt, text, next step, tags
    reflect = ui.ReflectionWidget(journal, clock=clock)
    reflect.select("people")  # the side panel: goals, feedback and reflections in people
    return {
        "app": ui.App(journal, clock=clock),
        "reflect": reflect,
        "goals": ui.GoalsWidget(journal, clock=clock),
        "feedback": ui.FeedbackWidget(journal, clock=clock),
        "journal": browser,
        "development": DevelopmentWidget(journal, clock=clock),
        "share": ShareWidget(journal, clock=clock, folder=tmp_path),
        "coach": CoachWidget(journal, clock=clock, report_dir=tmp_path),
    }


WIDGET_FIELDS = {
    "app": ("leader.name",),
    "reflect": ("reflection.text", "reflection.next_step", "feedback.name", "feedback.text",
                "goal.title"),
    "goals": ("goal.title", "goal.success", "closed.title"),
    "feedback": ("feedback.name", "feedback.text"),
    "journal": ("reflection.text", "reflection.next_step", "reflection.prompt"),
    "share": ("leader.name", "unit", "reflection.text", "reflection.next_step",
              "reflection.prompt", "feedback.name", "feedback.text", "goal.title", "goal.success",
              "checkin.note"),
    "coach": REPORT_FIELDS[2:],
}  # fmt: skip


def test_hostile_text_in_every_field_is_text_in_every_widget(hostile, tmp_path):
    pages = every_page(hostile, tmp_path)
    for name, page in pages.items():
        shown = "\n".join(html_values(page))
        assert_inert(shown)
        for field in WIDGET_FIELDS.get(name, ()):
            assert escape(value(field)) in shown, (name, field)
    journal_page = "\n".join(html_values(pages["journal"]))
    assert f"#tag{escape(HOSTILE_TAG)}" in journal_page


def test_the_coach_report_link_and_status_are_escaped(hostile, tmp_path):
    from lgtrack.ui.coach import CoachWidget

    widget = CoachWidget(hostile, clock=lambda: NOW, report_dir=tmp_path / "<b>reports")
    widget._report.click()
    status = widget._report_status.value
    assert_inert(status)
    assert "&lt;b&gt;reports" in status and "<b>reports" not in status
    assert 'class="lg-coach-report-download"' in status and 'href="data:text/html;base64,' in status


# -- start-up stays lean ------------------------------------------------------------------------


def test_jinja2_is_loaded_for_a_report_only(tmp_path):
    home = str(tmp_path / "journal")
    script = (
        "import sys\n"
        "from lgtrack.cli import main\n"
        f"home = {home!r}\n"
        "main(['init', '--name', 'A.B.', '--level', 'teamleder', '--home', home])\n"
        "main(['reflect', '--discipline', 'self', '--text', 'x', '--home', home])\n"
        "main(['list', 'reflections', '--json', '--home', home])\n"
        "import lgtrack.report\n"
        "print('BEFORE', sorted(m for m in ('jinja2', 'markupsafe') if m in sys.modules))\n"
        "from datetime import date\n"
        "from lgtrack import Journal\n"
        "journal = Journal.open(':memory:')\n"
        "me = journal.set_profile('A.B.', 'teamleder')\n"
        "lgtrack.report.render_report(lgtrack.report.build_overview(journal, me.id, "
        "date(2026, 11, 30)), 'da')\n"
        "print('AFTER', 'jinja2' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    # import lgtrack.report brings markupsafe (light); Jinja2 waits for the first render.
    assert "BEFORE ['markupsafe']" in done.stdout
    assert "AFTER True" in done.stdout
