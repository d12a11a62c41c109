"""Every notebook served as an app (Voilà) in a real browser at desktop and phone width.

axe-core (pinned in package.json, installed by ``npm ci``) checks each page with every tab
opened, at 1280 and at 390 px: no critical and no serious violation (WCAG 2.1 AA). At 390 px no
page is wider than the screen. One Voilà server serves the whole notebooks directory against a
demo journal; see ``browser_support`` for how Chromium and Voilà are run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from browser_support import (
    axe_violations,
    chromium_page,
    deadline,
    debian_chromium,
    log_tail,
    require_axe,
    require_chromium,
    voila_server,
)

from lgtrack import EntryFilter, Journal
from lgtrack.demo import build_demo

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(path.name for path in NOTEBOOKS_DIR.glob("*.ipynb"))
WIDTHS = (1280, 390)
APP = ".lg-app-title, .lg-coach-title, .lg-cohort-title"
TAB = ".lm-TabBar-tab, .p-TabBar-tab"
TEST_TIMEOUT_S = 180
CUT_TAB_LABELS = """[...document.querySelectorAll('.lm-TabBar-tabLabel')]
    .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
    .map(e => e.textContent)"""
SAVE_BUTTONS = {"01_reflect.ipynb": ".lg-reflect-save", "03_feedback.ipynb": ".lg-feedback-save"}


@pytest.fixture(scope="module")
def chromium() -> Path:
    return require_chromium(debian_chromium(), "the accessibility browser test")


@pytest.fixture(scope="module")
def axe() -> Path:
    return require_axe("the accessibility browser test")


@pytest.fixture(scope="module")
def server(chromium, axe, tmp_path_factory):
    """One Voilà server for every notebook, on a demo journal; yields (URL, log path)."""
    workdir = tmp_path_factory.mktemp("voila-a11y")
    home = workdir / "journal"
    with Journal.open(home) as journal:
        build_demo(journal, today=date.today())
    with voila_server(NOTEBOOKS_DIR, home=home, workdir=workdir) as url:
        yield url, workdir / "voila.log"


def server_home(log: Path) -> Path:
    """The journal the server's kernels write to (beside its log)."""
    return log.parent / "journal"


def open_notebook(page, url: str, name: str) -> None:
    """Open ``name`` and wait for its page; fail at once with the error if a cell fails."""
    error = '[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output.jp-mod-error'
    page.goto(f"{url}voila/render/{name}")
    page.wait_for_selector(f"{APP}, {error}", timeout=120_000)
    if page.locator(APP).count() == 0:
        pytest.fail(f"{name} failed in Voilà: " + page.locator(error).first.inner_text()[-1500:])
    page.wait_for_timeout(300)  # let the last widgets render


def each_tab(page):
    """Open every tab in turn (tabs inside tabs too), yielding the label of the one opened."""
    yield "(first view)"
    seen = 0
    while seen < page.locator(TAB).count():
        tab = page.locator(TAB).nth(seen)
        seen += 1
        if not tab.is_visible():
            continue
        label = tab.inner_text().strip()
        tab.click()
        page.wait_for_timeout(300)
        yield label


def page_problems(page, axe: Path, width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(200)
    problems = []
    for tab in each_tab(page):
        where = f"{width} px, tab {tab!r}"
        problems += [f"{where}: {found}" for found in axe_violations(page, axe)]
        if width < 600:
            wide = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if wide[0] > wide[1]:
                problems.append(f"{where}: the page is {wide[0]} px wide in {wide[1]} px")
            cut = page.evaluate(CUT_TAB_LABELS)
            if cut:
                problems.append(f"{where}: tab labels cut off: {cut}")
    return problems


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_passes_axe_and_fits_a_phone(name, server, chromium, axe, tmp_path):
    url, log = server
    with (
        deadline(TEST_TIMEOUT_S, f"the accessibility test of {name}"),
        chromium_page(chromium) as page,
    ):
        try:
            open_notebook(page, url, name)
            problems = [p for width in WIDTHS for p in page_problems(page, axe, width)]
            page.screenshot(path=str(tmp_path / "narrow.png"), full_page=True)
        except Exception as exc:
            pytest.fail(f"{exc}\n--- voila log ---\n{log_tail(log, 30)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(SAVE_BUTTONS))
def test_on_a_phone_the_ratings_come_before_save(name, server, chromium, tmp_path):
    url, log = server
    with deadline(TEST_TIMEOUT_S, f"the phone layout of {name}"), chromium_page(chromium) as page:
        try:
            page.set_viewport_size({"width": 390, "height": 900})
            open_notebook(page, url, name)
            rating = page.locator(".lg-rating").first.bounding_box()
            save = page.locator(SAVE_BUTTONS[name]).bounding_box()
            page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
        except Exception as exc:
            pytest.fail(f"{exc}\n--- voila log ---\n{log_tail(log, 30)}")
    assert rating["y"] + rating["height"] <= save["y"], (rating, save)
    assert save["x"] + save["width"] <= 390 and rating["x"] + rating["width"] <= 390


def focused(page, script: str) -> bool:
    """Whether the element with the keyboard focus passes ``script`` (a JS predicate of ``e``)."""
    return page.evaluate(f"(e => !!e && ({script}))(document.activeElement)")


def tab_to(page, script: str, limit: int = 150) -> None:
    """Press Tab until the focused element passes ``script``; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, script):
            return
    pytest.fail(f"Tab never reached an element where {script}")


def test_a_reflection_written_with_the_keyboard_alone_is_saved(server, chromium, tmp_path):
    """Text typed, a rating chosen the WAI-ARIA way (the group is one Tab stop, the arrow keys
    move the choice and check it), saved with Enter."""
    url, log = server
    text = "Tastaturtest: skrevet og gemt uden mus"
    focused_label = "document.activeElement.closest('label').textContent"
    with deadline(TEST_TIMEOUT_S, "the keyboard test"), chromium_page(chromium) as page:
        try:
            open_notebook(page, url, "01_reflect.ipynb")
            tab_to(page, "e.closest('.lg-reflect-text') && e.tagName === 'TEXTAREA'")
            page.keyboard.type(text)
            tab_to(page, "e.type === 'radio'")  # the first rating group: its first choice
            group = page.locator(".lg-rating").first
            first = page.evaluate(focused_label)
            page.keyboard.press("Space")
            page.keyboard.press("ArrowRight")
            second = page.evaluate(focused_label), focused(page, "e.checked")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            chosen = page.evaluate(focused_label), focused(page, "e.checked")
            # What a screen reader says: the one checked radio, by its name, in a named group.
            checked = group.get_by_role("radio", checked=True).count()
            announced = group.get_by_role("radio", name=chosen[0].strip(), checked=True).count()
            role = group.get_by_role("radiogroup").get_attribute("aria-label")
            page.keyboard.press("Tab")  # the group is one Tab stop: Tab leaves it
            left = focused(page, "!e.closest('.lg-rating') || e.closest('.lg-rating') !== "
                                 "document.querySelector('.lg-rating')")  # fmt: skip
            tab_to(page, "e.classList.contains('lg-reflect-save')")
            page.keyboard.press("Enter")
            page.locator(".lg-reflect-status .lg-msg-ok").wait_for()
        except Exception as exc:
            pytest.fail(f"{exc}\n--- voila log ---\n{log_tail(log, 30)}")
    assert first.startswith("1 ")
    assert second[0].startswith("2 ") and second[1], "ArrowRight moves the choice and checks it"
    assert chosen[0].startswith("4 ") and chosen[1], "ArrowDown moves on"
    assert checked == 1 and announced == 1 and role
    assert left, "Tab leaves the group instead of visiting each choice"
    with Journal.open(server_home(log), create=False) as journal:
        found = journal.reflections(EntryFilter(contains="Tastaturtest"))
    assert [r.text for r in found] == [text]
    assert [rating.score for rating in found[0].ratings] == [4]


# What a phone's browser shows of each chart: the figure its <picture> picked (the narrow one
# on a phone), the SVG's text sizes as rendered: font-size in the SVG's units × the width the
# image takes on the page / the width of its viewBox. The page text is the larger of the body's
# and the rendered notebook text's font size.
CHART_TEXT = """() => {
  const size = e => e ? parseFloat(getComputedStyle(e).fontSize) : 0;
  const page = Math.max(size(document.body), size(document.querySelector('.jp-RenderedHTMLCommon')));
  const shown = [...document.querySelectorAll('.lg-development .lg-figure-img')]
    .filter(img => img.offsetParent !== null && img.getBoundingClientRect().width > 0);
  return {page, charts: shown.map(img => {
    const source = img.parentElement.querySelector('source');
    const bytes = Uint8Array.from(atob(img.currentSrc.split(',')[1]), c => c.charCodeAt(0));
    const svg = new DOMParser()
      .parseFromString(new TextDecoder().decode(bytes), 'image/svg+xml').documentElement;
    const scale = img.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')];
    return {
      view: img.closest('.widget-output').className,
      narrow: source !== null && img.currentSrc === source.srcset,
      width: img.getBoundingClientRect().width,
      scaled: texts.some(t => /scale/.test(t.getAttribute('transform') || '')),
      sizes: texts.map(t => parseFloat(t.style.fontSize) * scale),
      alt: img.alt,
    };
  })};
}"""
DEVELOPMENT_TABS = ".lg-development-tabs .lm-TabBar-tab"


def chart_texts(page) -> tuple[float, list[dict]]:
    """The page text size and every chart shown on any tab of the development page."""
    charts = []
    for index in range(page.locator(DEVELOPMENT_TABS).count()):
        page.locator(DEVELOPMENT_TABS).nth(index).click()
        page.wait_for_timeout(300)
        found = page.evaluate(CHART_TEXT)
        charts += found["charts"]
    return found["page"], charts


def test_on_a_phone_the_charts_are_narrow_and_their_text_as_large_as_the_page(server, chromium):
    url, log = server
    with deadline(TEST_TIMEOUT_S, "the phone charts"), chromium_page(chromium) as page:
        try:
            page.set_viewport_size({"width": 390, "height": 900})
            open_notebook(page, url, "06_development.ipynb")
            page_text, phone = chart_texts(page)
            page.set_viewport_size({"width": 1280, "height": 900})
            page.wait_for_timeout(300)
            _, desktop = chart_texts(page)
        except Exception as exc:
            pytest.fail(f"{exc}\n--- voila log ---\n{log_tail(log, 30)}")
    assert page_text >= 13
    assert len(phone) >= 6, phone  # a chart on every tab, coverage with the next level's too
    for chart in phone:
        assert chart["narrow"] and chart["width"] <= 390 and chart["alt"], chart
        assert chart["sizes"] and not chart["scaled"], chart
        assert min(chart["sizes"]) >= page_text, (chart["view"], min(chart["sizes"]), page_text)
    assert len(desktop) == len(phone)
    assert not any(chart["narrow"] for chart in desktop)  # the wide figures on a desktop
