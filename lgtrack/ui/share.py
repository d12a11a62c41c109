"""Share with a coach: choose the scope, see exactly what leaves, then write the bundle file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .._files import write_atomically
from .._markup import Markup, html, join
from ..errors import LgtrackError
from ..i18n import t
from ..journal import Journal
from ..rounds import list_rounds
from ..sharing import KINDS, BundlePreview, ShareScope, build_bundle, bundle_text, preview_bundle
from ..sharing.envelope import encrypt_for, encrypt_with_passphrase
from ..sharing.inbox import cohort_inboxes, deliver, inbox_root
from ..sharing.preview import (
    count_rows,
    header_lines,
    one_line,
    round_lines,
    summary_text,
    text_label,
)
from ._a11y import name_controls
from ._common import Clock, LeaderPage, classed, resolve_lang, status_html

HTML_TEXT_CHARS = 300
# "auto" fills the column; "100%" plus the widget margin cut the right border at the page edge.
_WIDE = widgets.Layout(width="auto")
_DAY = widgets.Layout(width="11em")
_PREVIEW_BOX = (
    "border:1px solid #b0bec5;border-radius:4px;padding:0.5em 0.8em;"
    "max-height:28em;overflow:auto;background:#fafafa"
)


class ShareWidget(LeaderPage):
    """The leader's share page: period, disciplines, kinds, free text or not, a name; a live
    preview of the bundle; and a separate "Write file" button that writes what is previewed.
    """

    def __init__(
        self,
        journal: Journal,
        *,
        clock: Clock | None = None,
        lang: str | None = None,
        folder: str | os.PathLike | None = None,
        inboxes: str | os.PathLike | None = None,
    ):
        super().__init__(journal, clock, lang)
        self._folder = Path(folder) if folder is not None else default_share_dir(journal)
        # On a shared server (JupyterHub) the programme's inboxes: $LGTRACK_INBOX (#14).
        self._inbox_root = Path(inboxes) if inboxes is not None else inbox_root()
        self._bundle: dict[str, Any] | None = None
        self._preview: BundlePreview | None = None
        self._written_listeners: list[Callable[[Path], None]] = []
        self._build()
        self._render_labels()
        self.refresh()
        self.add_class("lg-share")

    # -- public API ------------------------------------------------------------------------

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self._render_labels()
        self.refresh()  # the preview, or what is wrong with the choices, in the new language

    @property
    def scope(self) -> ShareScope:
        """The scope the controls describe (checked when the bundle is built)."""
        return ShareScope(
            since=self._since.value,
            until=self._until.value,
            disciplines=tuple(d for d, box in self._disciplines.items() if box.value),
            text=self._text.value,
            include=tuple(kind for kind, box in self._kinds.items() if box.value),
        )

    @property
    def rounds(self) -> tuple[str, ...]:
        """The ids of the 360 rounds whose shown figures go too (none unless ticked)."""
        return tuple(round_id for round_id, box in self._rounds.items() if box.value)

    @property
    def bundle(self) -> dict[str, Any] | None:
        """The bundle the preview shows (None while the choices are not valid)."""
        return self._bundle

    @property
    def preview_html(self) -> str:
        return self._preview_box.value

    @property
    def for_cohort(self) -> bool:
        """True when the page makes a cohort bundle (no free text, for a programme, #13)."""
        return self._cohort.value

    def refresh(self) -> None:
        """Rebuild the bundle from the journal and the current choices, and show its preview."""
        self._bundle, self._preview = None, None
        self._status.value = ""
        for box in (*self._disciplines.values(), *self._kinds.values(), self._text,
                    *self._rounds.values()):  # fmt: skip
            box.disabled = self._cohort.value  # a cohort bundle: every discipline, never text
        if self._cohort.value:
            self._refresh_cohort()
            return
        problem = self._problem()
        if problem is None:
            try:
                with self._journal.snapshot():  # one consistent state (#10)
                    bundle = build_bundle(
                        self._journal, self.scope, now=self._clock(), name=self._name.value,
                        rounds=self.rounds,
                    )  # fmt: skip
            except LgtrackError as exc:
                problem = exc.render(self._lang)
            else:
                self._bundle = bundle
                self._preview = preview_bundle(bundle, self._framework)
        self._write.disabled = self._bundle is None
        self._show_delivery()
        self._render_preview(problem)

    def _refresh_cohort(self) -> None:
        from ..cohort.bundle import build_cohort_bundle
        from ..cohort.preview import cohort_preview_lines

        name = self._name.value.strip()
        initials = None if name == self._leader.name else name  # the profile's: its initials
        try:
            self._bundle = build_cohort_bundle(
                self._journal, now=self._clock(), initials=initials,
                since=self._since.value, until=self._until.value,
            )  # fmt: skip
        except LgtrackError as exc:
            self._write.disabled = True
            self._show_delivery()
            self._preview_box.value = status_html("error", exc.render(self._lang))
            return
        self._write.disabled = False
        self._show_delivery()
        lines = cohort_preview_lines(self._bundle, self._lang)
        self._preview_box.value = html(
            "<div class='lg-share-preview-body' style='{}'>{}</div>",
            _PREVIEW_BOX,
            join(html("<p>{}</p>", line) for line in lines),
        )

    def write(self) -> Path | None:
        """Write the previewed bundle to the file named in the widget; returns its path."""
        if self._bundle is None or (self._preview is None and not self._cohort.value):
            return None
        if not self._path.value.strip():
            self._status.value = status_html("error", t("ui.share.error.path", self._lang))
            return None
        path = Path(self._path.value.strip()).expanduser()
        path = path if path.is_absolute() else self._folder / path
        if not path.parent.is_dir():
            message = t("ui.share.error.folder", self._lang, folder=str(path.parent))
            self._status.value = status_html("error", message)
            return None
        try:
            data, encrypted = self._file_bytes()
            written = write_atomically(path, data)
        except (LgtrackError, OSError) as exc:
            lang = self._lang
            reason = exc.render(lang) if isinstance(exc, LgtrackError) else exc.strerror or str(exc)
            self._status.value = status_html("error", t("ui.not_saved", self._lang, reason=reason))
            return None
        if self._cohort.value:
            message = t("cohort.bundle_written", self._lang, path=str(written))
        else:
            summary = summary_text(self._preview, self._lang)
            key = "ui.share.written_encrypted" if encrypted else "ui.share.written"
            message = t(key, self._lang, path=str(written), summary=summary)
        self._passphrase.value = ""  # not kept in the page longer than needed
        self._status.value = status_html("ok", message)
        for callback in self._written_listeners:
            callback(written)
        return written

    def deliver(self) -> Path | None:
        """Put the previewed cohort bundle into the chosen programme inbox on this server (the
        facilitator alone can read it); returns the delivered file's path."""
        if self._bundle is None or not self._cohort.value or not self._inbox.value:
            return None
        try:
            data = bundle_text(self._bundle).encode("utf-8")
            delivered = deliver(self._inbox_root, self._inbox.value, data)
        except (LgtrackError, OSError) as exc:
            lang = self._lang
            reason = exc.render(lang) if isinstance(exc, LgtrackError) else exc.strerror or str(exc)
            self._status.value = status_html("error", t("ui.not_saved", lang, reason=reason))
            return None
        message = t("share.delivered", self._lang, path=str(delivered.parent))
        self._status.value = status_html("ok", message)
        return delivered

    def _file_bytes(self) -> tuple[bytes, bool]:
        """The file to write: the signed bundle, encrypted for the coach's key or with the
        passphrase when one is given; and whether it is encrypted."""
        data = bundle_text(self._bundle).encode("utf-8")
        if self._recipient.value.strip():
            return encrypt_for(data, self._recipient.value), True
        if self._passphrase.value:
            return encrypt_with_passphrase(data, self._passphrase.value), True
        return data, False

    def on_written(self, callback: Callable[[Path], None]) -> None:
        """Call ``callback(path)`` after each file is written."""
        self._written_listeners.append(callback)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._title.add_class("lg-share-title")
        self._intro = widgets.HTML()
        self._labels = {key: widgets.HTML() for key in _LABELS}
        # Two pickers side by side must fit the left column (their default 300 px each do not).
        self._since = classed(widgets.DatePicker(layout=_DAY), "lg-share-from")
        self._until = classed(widgets.DatePicker(layout=_DAY), "lg-share-to")
        self._disciplines = {
            d.id: classed(widgets.Checkbox(value=True, indent=False), f"lg-share-d-{d.id}")
            for d in self._framework.disciplines
        }
        self._kinds = {
            kind: classed(widgets.Checkbox(value=True, indent=False), f"lg-share-{kind}")
            for kind in KINDS
        }
        self._text = classed(widgets.Checkbox(value=True, indent=False), "lg-share-text")
        # 360 rounds' shown figures: off by default, each one chosen (#12)
        self._round_items = {r.id: r for r in list_rounds(self._journal)}
        self._rounds = {
            round_id: classed(
                widgets.Checkbox(value=False, indent=False), f"lg-share-round-{round_id[:8]}"
            )  # fmt: skip
            for round_id in self._round_items
        }
        # a cohort bundle for a leadership programme instead: numbers only (#13)
        self._cohort = classed(widgets.Checkbox(value=False, indent=False), "lg-share-cohort")
        self._name = classed(widgets.Text(value=self._leader.name), "lg-share-name")
        default_name = f"lgtrack-share-{self._clock().date().isoformat()}.json"
        self._path = classed(widgets.Text(value=default_name, layout=_WIDE), "lg-share-path")
        self._recipient = classed(widgets.Text(layout=_WIDE), "lg-share-recipient")
        self._passphrase = classed(widgets.Password(layout=_WIDE), "lg-share-passphrase")
        self._preview_box = classed(widgets.HTML(layout=_WIDE), "lg-share-preview")
        self._write = classed(
            widgets.Button(button_style="primary", icon="download"), "lg-share-write"
        )
        self._status = classed(widgets.HTML(), "lg-share-status")
        inboxes = cohort_inboxes(self._inbox_root)
        self._inbox = classed(
            widgets.Dropdown(options=inboxes, value=inboxes[0] if inboxes else None),
            "lg-share-inbox",
        )
        self._deliver = classed(
            widgets.Button(button_style="primary", icon="paper-plane"), "lg-share-deliver"
        )
        self._delivery = classed(widgets.VBox([self._inbox, self._deliver]), "lg-share-delivery")
        labels = self._labels
        choices = [
            widgets.HBox([widgets.VBox([labels["ui.share.from"], self._since]),
                          widgets.VBox([labels["ui.share.to"], self._until])]),
            labels["ui.share.disciplines"], *self._disciplines.values(),
            labels["ui.share.include"], widgets.HBox(list(self._kinds.values())),
            self._text, self._cohort, labels["ui.share.name"], self._name,
        ]  # fmt: skip
        if self._rounds:
            choices += [labels["ui.share.rounds"], *self._rounds.values()]
        left = widgets.VBox(choices, layout=widgets.Layout(flex="1 1 320px", padding="0 1em 0 0"))
        right = widgets.VBox(
            [labels["ui.share.preview"], self._preview_box, labels["ui.share.path"], self._path,
             labels["ui.share.recipient"], self._recipient, labels["ui.share.passphrase"],
             self._passphrase, self._write, self._delivery, self._status],
            layout=widgets.Layout(flex="2 1 420px"),
        )  # fmt: skip
        body = widgets.HBox([left, right], layout=widgets.Layout(flex_flow="row wrap"))
        self.children = [self._title, self._intro, body]
        for control in (self._since, self._until, self._text, self._name, self._cohort):
            control.observe(self._on_choice_value, "value")
        for box in (*self._disciplines.values(), *self._kinds.values(), *self._rounds.values()):
            box.observe(self._on_choice_value, "value")
        self._write.on_click(self._on_write_click)
        self._deliver.on_click(lambda _button: self.deliver())

    def _on_choice_value(self, _change: dict) -> None:
        self.refresh()

    def _show_delivery(self) -> None:
        """ "Send to the programme" only for a cohort bundle, on a server with an inbox."""
        shown = self._cohort.value and bool(self._inbox.options)
        self._delivery.layout.display = None if shown else "none"
        self._deliver.disabled = self._bundle is None

    def _on_write_click(self, _button: widgets.Button) -> None:
        self.write()

    def _problem(self) -> str | None:
        if not any(box.value for box in self._disciplines.values()) or not any(
            box.value for box in self._kinds.values()
        ):
            return t("ui.share.error.nothing", self._lang)
        since, until = self._since.value, self._until.value
        if since and until and since > until:
            return t("ui.share.error.period", self._lang, since=since, until=until)
        return None

    # -- rendering -------------------------------------------------------------------------

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3>", t("ui.share.title", lang))
        self._intro.value = html("<p>{}</p>", t("ui.share.intro", lang))
        for key, label in self._labels.items():
            label.value = html("<b>{}</b>", t(key, lang))
        controls = {"from": self._since, "to": self._until, "name": self._name, "path": self._path,
                    "recipient": self._recipient, "passphrase": self._passphrase,
                    "inbox": self._inbox}  # fmt: skip
        name_controls((t(f"ui.share.{key}", lang), control) for key, control in controls.items())
        for discipline in self._framework.disciplines:
            self._disciplines[discipline.id].description = discipline.name.get(lang)
        for kind, box in self._kinds.items():
            box.description = t(f"share.kind.{kind}", lang)
        self._text.description = t("ui.share.text", lang)
        for round_id, box in self._rounds.items():
            item = self._round_items[round_id]
            box.description = t("ui.share.round", lang, name=item.name,
                                status=t(f"round.status.{item.status}", lang))  # fmt: skip
        self._cohort.description = t("ui.share.cohort", lang)
        self._write.description = t("ui.share.write", lang)
        self._deliver.description = t("ui.share.deliver", lang)

    def _render_preview(self, problem: str | None = None) -> None:
        if problem is not None:
            self._preview_box.value = status_html("error", problem)
            return
        if self._preview is None:
            return
        self._preview_box.value = preview_html(self._preview, self._framework, self._lang)


def default_share_dir(journal: Journal) -> Path:
    """The journal's own folder: never the notebook folder, which may be in git."""
    if journal.path == ":memory:":
        return Path(tempfile.gettempdir())
    return Path(journal.path).resolve().parent


_LABELS = (
    "ui.share.from",
    "ui.share.to",
    "ui.share.disciplines",
    "ui.share.include",
    "ui.share.name",
    "ui.share.preview",
    "ui.share.path",
    "ui.share.recipient",
    "ui.share.passphrase",
    "ui.share.rounds",
)


def preview_html(preview: BundlePreview, framework, lang: str) -> Markup:
    """The preview as HTML; every text from the journal is escaped."""
    head = join(html("<div>{}</div>", line) for line in header_lines(preview, framework, lang))
    rows = count_rows(preview, framework, lang)
    table = join(_count_row("th" if n == 0 else "td", row) for n, row in enumerate(rows))
    if preview.texts:
        items = join(
            html(
                "<li class='lg-share-text-item'><b>{}:</b> {}</li>",
                text_label(x, lang),
                one_line(x.text, HTML_TEXT_CHARS),
            )
            for x in preview.texts
        )
        count = t("share.preview.texts", lang, count=len(preview.texts))
        texts = html("<p><b>{}</b></p><ul>{}</ul>", count, items)
    else:
        texts = html("<p><i>{}</i></p>", t("share.preview.no_texts", lang))
    if preview.rounds:
        lines = round_lines(preview, lang, width=HTML_TEXT_CHARS)
        texts = html("{}<p class='lg-share-rounds'>{}</p>", texts,
                     join(html("{}<br>", line) for line in lines))  # fmt: skip
    return html(
        # A region that scrolls takes the keyboard focus, so that keys can scroll it (WCAG).
        "<div class='lg-share-preview-body' style='{}' tabindex='0' role='region' aria-label='{}'>"
        "<p><b>{}</b></p>{}"
        "<table class='lg-share-counts' style='margin:0.6em 0'>{}</table>{}</div>",
        _PREVIEW_BOX,
        t("share.preview.title", lang),
        t("share.preview.title", lang),
        head,
        table,
        texts,
    )


def _count_row(tag: str, row: list[str]) -> Markup:
    """A row of the counts table: the discipline left, the numbers right."""
    cells = join(
        html(
            "<{tag} style='padding:0.1em 0.8em 0.1em 0;text-align:{align}'>{value}</{tag}>",
            tag=tag,
            align="left" if i == 0 else "right",
            value=value,
        )
        for i, value in enumerate(row)
    )
    return html("<tr>{}</tr>", cells)
