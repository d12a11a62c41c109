"""What every page needs for phone-size screens and WCAG 2.1 AA (issue #11).

One style sheet, shown once per app (:func:`page_style`): contrast of at least 4.5:1 where the
widget library's own colours fall short (tab labels, green buttons), visually hidden labels for
controls whose visible label is a separate heading, and a layout that wraps on a narrow screen
instead of spilling over its right edge. :func:`name_control` gives a control its accessible
name without changing what the page shows.
"""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

from .._markup import html
from ._common import classed

SR_LABEL = "lg-sr-label"  # a control whose own label is read by screen readers but not shown
_PAGES = (".lg-app", ".lg-coach")
_RULES = (
    # The label element ipywidgets draws for ``description``, hidden the way screen readers
    # still read it (display:none would hide it from them too).
    ".lg-sr-label .widget-label{position:absolute!important;width:1px!important;"
    "height:1px!important;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;margin:0;"
    "padding:0;min-width:0!important}",
    # Tab labels: grey on grey is 3:1; dark text on light grey, and labels never cut.
    "{p} .lm-TabBar-tab{{color:#212121;opacity:1;max-width:none;min-width:0;flex:0 0 auto}}",
    "{p} .lm-TabBar-tab .lm-TabBar-tabLabel{{color:#212121}}",
    "{p} .lm-TabBar{{min-height:fit-content;height:auto!important}}",
    "{p} .lm-TabBar-content{{flex-wrap:wrap}}",
    # The library's green buttons: white on #4caf50 is 2.8:1; on #2e7d32 it is 5.1:1.
    "{p} .widget-button.mod-success{{background-color:#2e7d32}}",
    "{p} .lg-figure-img{{max-width:100%;height:auto}}",
    # A rating's choices side by side, wrapping on a narrow screen.
    "{p} .lg-rating .widget-radio-box{{flex-direction:row;flex-wrap:wrap;gap:0 1em}}",
    "{p} .widget-tab-contents,{p} .widget-box{{max-width:100%;box-sizing:border-box}}",
    # Phones: rows wrap, inputs take the width they get rather than their desktop width.
    "@media (max-width:600px){{{p} .widget-hbox{{flex-wrap:wrap}}"
    "{p} .widget-inline-hbox{{flex-wrap:wrap;max-width:100%}}"
    "{p} .widget-dropdown,{p} .widget-select,{p} .widget-text,{p} .widget-textarea,"
    "{p} .widget-datepicker{{max-width:100%!important}}"
    "{p} .widget-dropdown select,{p} .widget-select select{{max-width:100%}}"
    # The coach's tables fit the screen by wrapping their words, not by a scroll bar.
    "{p} .lg-coach-overview table{{width:100%;table-layout:fixed}}"
    "{p} .lg-coach-overview td,{p} .lg-coach-overview th{{overflow-wrap:anywhere;hyphens:auto}}}}",
)


def _css() -> str:
    rules = []
    for rule in _RULES:
        if "{p}" in rule:
            rules.extend(rule.format(p=page) for page in _PAGES)
        else:
            rules.append(rule)
    return "".join(rules)


def page_style() -> widgets.HTML:
    """The style sheet as a widget to put once on a page (it shows nothing itself)."""
    css = _css()
    assert not set(css) & set("<>&'\""), "html() would escape it"  # a selector without >
    style = widgets.HTML(html("<style>{}</style>", css))
    style.layout.display = "none"
    return classed(style, "lg-style")


def name_control(control: widgets.Widget, name: str) -> None:
    """Give ``control`` the accessible name ``name`` (its visible label is a separate heading):
    ipywidgets' own ``<label for=…>``, hidden from sight."""
    control.description = name
    classed(control, SR_LABEL)


def name_controls(pairs: Iterable[tuple[str, widgets.Widget]]) -> None:
    """:func:`name_control` for each (name, control) of a form whose labels are headings."""
    for name, control in pairs:
        name_control(control, name)
