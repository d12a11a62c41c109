"""Page objects: the widget tests act and read through these, never through private attributes.

A test says what a leader does (``page.rate("people.g1", 4)``, ``page.save()``) and reads what
she sees (``page.status.text``). Only these classes know how a page is put together: each finds
its parts by the stable ``lg-…`` CSS classes the widget gives them (the selectors of the browser
test too), walking ``.children`` (see ``page_base.py``). A layout change then touches this file,
not the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import ipywidgets as widgets
from page_base import (
    DONT_KNOW,
    FormPage,
    Message,
    Page,
    css_classes,
    descendants,
    enabled,
    fills,
    is_hidden,
    label_of,
    options_of,
    presses,
    rating_class,
    shows,
    status_of,
    text_of,
)

from lgtrack.sharing import KINDS

__all__ = [
    "ActionRow",
    "AppPage",
    "CoachPage",
    "CohortPage",
    "EffectsPage",
    "DONT_KNOW",
    "DevelopmentPage",
    "FeedbackPage",
    "FrameworkBrowserPage",
    "GoalRow",
    "GoalsPage",
    "JournalBrowserPage",
    "Message",
    "ReflectPage",
    "RoundsPage",
    "SetupPage",
    "SharePage",
    "css_classes",
    "rating_class",
]


class SetupPage(FormPage):
    root = prefix = "lg-setup"
    type_name = fills("name")
    name = shows("name")
    choose_level = fills("level")
    level = shows("level")
    level_options = options_of("level")
    level_hidden = is_hidden("level")
    choose_language = fills("lang")


class ReflectPage(FormPage):
    root = prefix = "lg-reflect"
    choose_day = fills("day")
    day = shows("day")
    write_next_step = fills("next-step")
    next_step = shows("next-step")
    write_tags = fills("tags")
    tags = shows("tags")
    new_prompt = presses("new-prompt")
    prompt_html = shows("prompt")
    side_panel_html = shows("context")

    @property
    def prompt(self) -> str:
        """The prompt shown, as plain text."""
        return self.widget.prompt

    def also_about(self, *disciplines: str, ticked: bool = True) -> None:
        """Tick (or untick) further disciplines the reflection is about."""
        for discipline in disciplines:
            self.part("also-" + discipline.replace(".", "-")).value = ticked

    @property
    def also_offered(self) -> list[str]:
        """The further disciplines one can tick (labels as shown; hidden ones left out)."""
        boxes = self.part("disciplines").children
        return [box.description for box in boxes if box.layout.display != "none"]

    @property
    def also_ticked(self) -> list[str]:
        """The labels of the further disciplines ticked."""
        return [box.description for box in self.part("disciplines").children if box.value]

    @property
    def rating_headings(self) -> list[str]:
        """The discipline headings over the rating rows (none for a single discipline)."""
        return [
            text_of(w.value) for w in descendants(self.widget)
            if isinstance(w, widgets.HTML) and "lg-ratings-discipline" in w.value
        ]  # fmt: skip


class FeedbackPage(FormPage):
    root = prefix = "lg-feedback"
    choose_day = fills("day")
    day = shows("day")
    choose_role = fills("role")
    role = shows("role")
    role_options = options_of("role")
    type_name = fills("name")
    name = shows("name")
    recent_html = shows("list")


class GoalRow(Page):
    """One open goal on the goals page: ``goal`` is the goal it shows."""

    root, prefix = "lg-goal-row", "lg-goal"
    summary_html = shows("summary")
    press_check_in = presses("checkin")
    check_in_label = label_of("checkin")
    progress_label = label_of("checkin-progress")

    @property
    def goal(self):
        return self.widget.goal

    @property
    def bar(self) -> widgets.IntProgress:
        return self.part("progress")

    def check_in(self, progress: int, note: str = "") -> None:
        self.part("checkin-progress").value = progress
        self.part("checkin-note").value = note
        self.press_check_in()

    def close(self, status: str) -> None:
        """``achieved`` or ``dropped``."""
        self.part(status).click()


class GoalsPage(FormPage):
    root, prefix = "lg-goals", "lg-goal"
    type_title = fills("title")
    title = shows("title")
    choose_due = fills("due")
    due = shows("due")
    behaviours = shows("behaviours")
    save = presses("add")
    save_label = label_of("add")
    save_enabled = enabled("add")
    list_status = status_of("list-status")
    closed_html = shows("closed")

    def fill(self, *, title: str, discipline: str, behaviours: Iterable[str] = (),
             why: str = "", success: str = "", due: date | None = None) -> None:  # fmt: skip
        self.choose_discipline(discipline)
        self.choose_behaviours(behaviours)
        for name, value in (("title", title), ("why", why), ("success", success), ("due", due)):
            self.part(name).value = value

    def choose_behaviours(self, behaviours: Iterable[str]) -> None:
        self.part("behaviours").value = tuple(behaviours)

    @property
    def behaviour_choices(self) -> list[str]:
        return [value for _, value in self.part("behaviours").options]

    @property
    def open_goals(self) -> list[GoalRow]:
        return [GoalRow(row) for row in self.find_all("lg-goal-row")]


class JournalBrowserPage(Page):
    root = prefix = "lg-journal"
    # the list, newest first, in pages
    open = fills("list")  # open the entry with this id (None closes it)
    selected = shows("list")
    next_page = presses("next")
    previous_page = presses("prev")
    can_go_back = enabled("prev")
    can_go_on = enabled("next")
    # the filters
    choose_discipline = fills("discipline")
    discipline = shows("discipline")
    choose_behaviour = fills("behaviour")
    behaviour_options = options_of("behaviour")
    filter_tag = fills("tag")
    search = fills("search")
    clear_filters = presses("clear")
    # the open entry
    editor_hidden = is_hidden("edit")
    detail_html = shows("detail")
    edit_text = shows("edit-text")
    save_changes = presses("edit-save")
    delete = presses("delete")
    confirm_delete = presses("delete-confirm")
    cancel_delete = presses("delete-cancel")
    confirm_hidden = is_hidden("delete-confirm")
    delete_label = label_of("delete")
    confirm_label = label_of("delete-confirm")
    status = status_of()

    @property
    def shown(self) -> list[str]:
        """Ids of the entries on the current page, newest first."""
        return self.widget.shown

    @property
    def page_number(self) -> int:
        return self.widget.page

    @property
    def entry_labels(self) -> list[str]:
        return [label for label, _ in self.part("list").options]

    @property
    def page_label(self) -> str:
        return text_of(self.part("page").value)

    def filter_dates(self, since: date | None, until: date | None) -> None:
        self.part("since").value = since
        self.part("until").value = until

    # what the list shows: reflections, goals or feedback
    choose_kind = fills("kind")
    kind = shows("kind")
    kind_options = options_of("kind")
    tag_enabled = enabled("tag")

    def edit(self, **changes: object) -> None:
        """Change the given fields of the open entry (not saved yet): a reflection's text,
        next_step, tags, private; a goal's title, why, success, due, private; a feedback's
        text, name, private."""
        for name, value in changes.items():
            if value is not None:
                self.part(f"edit-{name.replace('_', '-')}").value = value


class DevelopmentPage(Page):
    """My development. ``html(name)`` reads a text view: ``title``, ``table``,
    ``coverage-lists``, ``next-level-list``, ``cadence-line`` or ``note`` (without profile)."""

    root = prefix = "lg-development"
    choose_period = fills("period")
    choose_discipline = fills("discipline")
    discipline_options = options_of("discipline")
    choose_window = fills("window")
    show_next_level = fills("overlay")
    next_level_shown = shows("overlay")
    next_level_offered = enabled("overlay")
    next_level_label = label_of("overlay")
    next_level_hidden = is_hidden("next-level-box")

    def html(self, name: str) -> str:
        return self.part(name).value

    def outputs(self, view: str) -> list[dict]:
        """What the figure view's output area shows (one image, or nothing)."""
        return list(self.part(view.replace("_", "-")).outputs)

    def figure(self, view: str):
        return self.widget.figure(view)

    def narrow_figure(self, view: str):
        """The figure ``view`` shows on a phone's screen."""
        return self.widget.figure(view, "narrow")

    @property
    def period_labels(self) -> list[str]:
        return [label for label, _ in self.part("period").options]

    @property
    def tab_titles(self) -> tuple[str, ...]:
        return tuple(self.part("tabs").titles)


class FrameworkBrowserPage(Page):
    """The framework. ``html(name)``: ``title``, ``lead``, ``general`` (behaviours), ``mine``
    or ``next`` (the level columns)."""

    root = prefix = "lg-framework"
    choose_discipline = fills("discipline")
    discipline = shows("discipline")
    discipline_options = options_of("discipline")

    def html(self, name: str) -> str:
        return self.part(name).value


class ActionRow(Page):
    """One open action on the coach's page: ``action`` is the action it shows."""

    root = prefix = "lg-coach-action"
    text_html = shows("text")

    @property
    def action(self):
        return self.widget.action

    def close(self, status: str) -> None:
        """``done`` or ``drop``."""
        self.part(status).click()


class CoachPage(Page):
    """The coach's page. ``html(name)``: ``empty-state``, ``overview`` or ``previous`` (the last
    session's notes); ``statuses``: the ``session``, ``actions`` and ``report`` lines."""

    root = prefix = "lg-coach"
    STATUSES = ("session", "actions", "report")
    choose_leader = fills("leader")
    leader_options = options_of("leader")
    choose_day = fills("day")
    session_day = shows("day")
    action_text = shows("action-new")
    press_add = presses("action-add")
    write_report = presses("report")

    def html(self, name: str) -> str:
        return self.part(name).value

    def hidden(self, name: str) -> bool:
        return self.part(name).layout.display == "none"

    @property
    def leader(self):
        """The leader shown (None when the journal has none)."""
        return self.widget.leader

    @property
    def last_report(self):
        return self.widget.last_report

    @property
    def tab_titles(self) -> tuple[str, ...]:
        return tuple(self.part("tabs").titles)

    def write_note(self, field: str, text: str) -> None:
        """``field``: ``goal``, ``reality``, ``options``, ``will`` or ``notes``."""
        self.part(field).value = text

    def note(self, field: str) -> str:
        return self.part(field).value

    def write_notes(self, day: date, **notes: str) -> None:
        """Write the session notes of ``day`` and save them."""
        self.choose_day(day)
        for field, text in notes.items():
            self.write_note(field, text)
        self.part("save").click()

    def add_action(self, text: str, due: date | None = None) -> None:
        self.part("action-new").value = text
        self.part("action-due").value = due
        self.press_add()

    @property
    def open_actions(self) -> list[ActionRow]:
        return [ActionRow(row) for row in self.find_all("lg-coach-action")]

    @property
    def statuses(self) -> dict[str, Message]:
        return {name: Message(self.part(f"{name}-status").value) for name in self.STATUSES}


class SharePage(Page):
    root = prefix = "lg-share"
    choose_since = fills("from")
    choose_until = fills("to")
    share_text = fills("text")
    type_name = fills("name")
    type_path = fills("path")
    type_recipient = fills("recipient")
    type_passphrase = fills("passphrase")
    passphrase = shows("passphrase")
    path = shows("path")
    write_file = presses("write")
    write_enabled = enabled("write")
    write_label = label_of("write")
    send_to_programme = presses("deliver")
    delivery_hidden = is_hidden("delivery")
    programme_inboxes = options_of("inbox")
    choose_programme = fills("inbox")
    preview_html = shows("preview")
    title_html = shows("title")
    status = status_of()

    @property
    def bundle(self) -> dict | None:
        """The bundle the preview shows (None while the choices are not valid)."""
        return self.widget.bundle

    @property
    def scope(self):
        return self.widget.scope

    def choose_period(self, since: date | None, until: date | None) -> None:
        self.choose_since(since)
        self.choose_until(until)

    def tick_discipline(self, discipline: str, ticked: bool = True) -> None:
        self._discipline_boxes()[discipline].value = ticked

    def choose_disciplines(self, chosen: Iterable[str]) -> None:
        """Tick exactly the ``chosen`` disciplines (in the order the page shows them)."""
        chosen = set(chosen)
        for discipline, box in self._discipline_boxes().items():
            box.value = discipline in chosen

    def tick_kind(self, kind: str, ticked: bool = True) -> None:
        self.part(kind).value = ticked

    def choose_kinds(self, chosen: Iterable[str]) -> None:
        chosen = set(chosen)
        for kind in KINDS:
            self.tick_kind(kind, kind in chosen)

    def for_cohort(self, ticked: bool = True) -> None:
        """Tick "for a leadership programme": a cohort bundle without any text (#13)."""
        self.part("cohort").value = ticked

    def tick_round(self, round_id: str, ticked: bool = True) -> None:
        """Tick a 360 round: its shown figures go too (#12)."""
        self.part(f"round-{round_id[:8]}").value = ticked

    def round_ticked(self, round_id: str) -> bool:
        return self.part(f"round-{round_id[:8]}").value

    def _discipline_boxes(self) -> dict[str, widgets.Checkbox]:
        marker = f"{self.prefix}-d-"
        return {
            css.removeprefix(marker): widget
            for widget in descendants(self.widget)
            for css in css_classes(widget)
            if css.startswith(marker)
        }


class RoundsPage(Page):
    """The 360 page (#12): choose or create a round, write files, import answers, results."""

    root = prefix = "lg-rounds"
    choose_round = fills("round")
    round_options = options_of("round")
    type_name = fills("name")
    create = presses("create")
    type_out = fills("out")
    write = presses("write")
    type_path = fills("path")
    choose_group = fills("group")
    import_answers = presses("import")
    status = status_of()

    @property
    def results_text(self) -> str:
        """The results as a reader sees them."""
        return text_of(self.part("results").value)


class EffectsPage(Page):
    """The effektbillede section of "Min udvikling" (#13)."""

    root = prefix = "lg-effects"
    save = presses("save")
    status = status_of()
    reminder = status_of("reminder")

    def rate_effect(self, effect: str, score: int | str | None) -> None:
        """Answer ``score`` (1–5, :data:`DONT_KNOW`, or None) for effect ``effect`` (``e1``)."""
        self.find(f"lg-effect-{effect}").value = score

    @property
    def effects(self) -> list[str]:
        return [
            next(c.removeprefix("lg-effect-") for c in css_classes(toggle)
                 if c.startswith("lg-effect-e"))
            for toggle in self.find_all("lg-effect-rating")
        ]  # fmt: skip

    @property
    def figure(self):
        return self.widget.figure


class CohortPage(Page):
    """The facilitator's cohort page (#13)."""

    root = prefix = "lg-cohort"
    choose_cohort = fills("choose")
    cohort_options = options_of("choose")
    body_html = shows("body")
    empty_html = shows("empty")
    empty_hidden = is_hidden("empty")
    write_report = presses("report")
    status = status_of()

    @property
    def dashboard(self) -> dict | None:
        return self.widget.dashboard


class AppPage(Page):
    root = prefix = "lg-app"
    choose_language = fills("lang")
    language = shows("lang")
    title_html = shows("title")
    PAGES = {
        "reflect": ReflectPage,
        "goals": GoalsPage,
        "feedback": FeedbackPage,
        "journal": JournalBrowserPage,
        "development": DevelopmentPage,
        "framework": FrameworkBrowserPage,
        "share": SharePage,
    }

    @property
    def body(self) -> list[widgets.Widget]:
        """What the app shows under its header: the setup, the tabs, or a single page."""
        return list(self.part("body").children)

    def setup(self) -> SetupPage:
        return SetupPage(self.find("lg-setup"))

    def page(self, name: str) -> Page:
        """Tab ``name``, as its page object."""
        return self.PAGES[name](self.widget.page(name))

    @property
    def language_shown(self) -> bool:
        return self.part("lang").layout.display != "none"

    @property
    def tab_titles(self) -> tuple[str, ...]:
        return tuple(self.widget.tabs.titles)
