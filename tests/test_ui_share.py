"""The share widget, headless: choose a scope, see what leaves, write the file."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sharing_support import leader_journal

from lgtrack.exchange import import_file
from lgtrack.sharing import bundle_checksum
from lgtrack.ui.share import ShareWidget
from lgtrack.validation import MAX_SHORT

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def sample():
    sample = leader_journal()
    yield sample
    sample.journal.close()


@pytest.fixture
def widget(sample, tmp_path):
    return ShareWidget(sample.journal, folder=tmp_path)


def test_the_preview_shows_counts_and_texts_from_the_start(widget):
    html = widget.preview_html
    assert "lg-share-counts" in html and "Personaleledelse og udvikling" in html
    assert "Periode: begyndelsen – nu" in html
    assert "Tekst der deles" in html and "Følg op på fredag" in html
    assert "PRIVAT" not in html
    assert widget.bundle["scope"]["text"] is True
    assert not widget._write.disabled


def test_setting_the_scope_updates_the_preview(widget):
    widget._since.value = date(2026, 3, 1)
    widget._until.value = date(2026, 3, 31)
    for discipline, box in widget._disciplines.items():
        box.value = discipline == "people"
    widget._kinds["feedback"].value = False
    widget._text.value = False
    widget._name.value = "IH"
    bundle = widget.bundle
    assert bundle["scope"] == {
        "from": "2026-03-01", "to": "2026-03-31", "disciplines": ["people"], "text": False,
        "include": ["reflections", "goals"],
    }  # fmt: skip
    assert bundle["reflections"] == [] and [g["title"] for g in bundle["goals"]] == [
        "Ugentlige 1:1"
    ]
    html = widget.preview_html
    assert "Periode: 2026-03-01 – 2026-03-31" in html and "Fritekst: nej" in html
    assert "Ugentlige 1:1" in html and "Følg op" not in html and "Ida Holm" not in html
    assert widget.scope.disciplines == ("people",)


def test_write_creates_the_previewed_file(widget, sample, tmp_path):
    written = []
    widget.on_written(written.append)
    widget._path.value = "til-coach.json"
    widget._write.click()
    path = tmp_path / "til-coach.json"
    bundle = json.loads(path.read_text(encoding="utf-8"))
    assert bundle == widget.bundle and bundle["checksum"] == bundle_checksum(bundle)
    assert written == [path]
    assert "lg-msg-ok" in widget._status.value and "til-coach.json" in widget._status.value
    assert "3 refleksioner, 2 mål, 1 feedback" in widget._status.value
    text = path.read_text(encoding="utf-8")
    for marker in ("PRIVAT-R", "PRIVAT-G", "PRIVAT-F", "PRIVAT-NAVN"):
        assert marker not in text
    from lgtrack import Journal

    with Journal.open(":memory:") as coach:
        assert import_file(coach, path).added["reflections"] == 3


def test_private_entries_are_never_in_the_preview_or_the_file(widget, sample, tmp_path):
    journal = sample.journal
    shared = journal.get_reflection(sample.ids["r_strategic"])
    journal.update_reflection(replace(shared, private=True))
    widget.refresh()
    assert "Strategidag" not in widget.preview_html
    assert widget.write() == tmp_path / widget._path.value
    assert "Strategidag" not in (tmp_path / widget._path.value).read_text(encoding="utf-8")


def test_hostile_text_is_escaped_in_the_preview(sample, tmp_path):
    journal = sample.journal
    reflection = journal.get_reflection(sample.ids["r_people"])
    journal.update_reflection(replace(reflection, text=HOSTILE, next_step="<script>x</script>"))
    journal.set_profile("<b>Ida</b>", "teamleder")
    html = ShareWidget(journal, folder=tmp_path).preview_html
    assert "<img" not in html and "<script>" not in html and "<b>Ida</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;script&gt;" in html


def test_invalid_choices_disable_writing(widget, tmp_path):
    for box in widget._disciplines.values():
        box.value = False
    assert widget.bundle is None and widget._write.disabled
    assert "lg-msg-error" in widget.preview_html and "mindst én disciplin" in widget.preview_html
    assert widget.write() is None
    widget._disciplines["self"].value = True
    widget._since.value, widget._until.value = date(2026, 5, 1), date(2026, 4, 1)
    assert widget.bundle is None
    assert "Perioden begynder (2026-05-01) efter den slutter (2026-04-01)" in widget.preview_html
    widget._until.value = None
    widget._name.value = " "
    assert widget.bundle is None and "navn" in widget.preview_html
    widget._name.value = "I" * (MAX_SHORT + 1)
    assert widget.bundle is None and "Navnet er for langt" in widget.preview_html
    widget._name.value = "IH"
    assert widget.bundle is not None and not widget._write.disabled
    assert list(tmp_path.iterdir()) == []


def test_a_bad_path_is_reported_not_raised(widget, tmp_path):
    widget._path.value = "  "
    widget._write.click()
    assert "lg-msg-error" in widget._status.value and "filnavn" in widget._status.value
    widget._path.value = str(tmp_path / "missing" / "b.json")
    widget._write.click()
    assert "lg-msg-error" in widget._status.value
    assert f"Mappen {tmp_path / 'missing'} findes ikke" in widget._status.value
    assert list(tmp_path.iterdir()) == []


def test_the_period_and_name_errors_speak_the_leaders_language(sample, tmp_path):
    widget = ShareWidget(sample.journal, folder=tmp_path, lang="en")
    widget._since.value, widget._until.value = date(2026, 5, 1), date(2026, 4, 1)
    assert "The period starts (2026-05-01) after it ends (2026-04-01)" in widget.preview_html
    widget._since.value = None
    widget._path.value = str(tmp_path / "missing" / "b.json")
    widget._write.click()
    assert "does not exist" in widget._status.value


def test_without_a_folder_the_file_goes_beside_the_journal_not_the_notebooks(tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    monkeypatch.chdir(notebooks)  # Voilà runs the kernel in the notebook folder, maybe in git
    home = tmp_path / "home"
    sample = leader_journal(home=str(home))
    try:
        widget = ShareWidget(sample.journal)
        written = widget.write()
    finally:
        sample.journal.close()
    assert written is not None and written.parent == home.resolve()
    assert list(notebooks.iterdir()) == []


def test_the_two_day_pickers_fit_beside_each_other(widget):
    # At their default 300 px each, "To" overlapped the preview column.
    assert widget._since.layout.width == widget._until.layout.width == "11em"
    # and the preview and the path fill their column without spilling over the page edge
    assert widget._preview_box.layout.width == widget._path.layout.width == "auto"


def test_what_is_wrong_with_the_choices_is_said_again_in_the_new_language(widget):
    for box in widget._kinds.values():
        box.value = False
    assert "mindst én disciplin" in widget.preview_html
    widget.set_lang("en")
    assert "at least one discipline" in widget.preview_html


def test_the_widget_speaks_english(sample, tmp_path):
    widget = ShareWidget(sample.journal, folder=tmp_path, lang="en")
    assert "Share with your coach" in widget._title.value
    assert widget._write.description == "Write file"
    assert "Text that is shared" in widget.preview_html
    widget.set_lang("da")
    assert widget._write.description == "Skriv filen" and "Tekst der deles" in widget.preview_html
