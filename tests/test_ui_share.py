"""The share widget, headless: choose a scope, see what leaves, write the file."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from pages import SharePage
from sharing_support import leader_journal

from lgtrack.exchange import import_file
from lgtrack.keys import journal_keys
from lgtrack.sharing import bundle_checksum, verify_document
from lgtrack.ui.share import ShareWidget
from lgtrack.validation import MAX_SHORT

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def sample():
    sample = leader_journal()
    yield sample
    sample.journal.close()


@pytest.fixture
def page(sample, tmp_path) -> SharePage:
    return SharePage(ShareWidget(sample.journal, folder=tmp_path))


def test_the_preview_shows_counts_and_texts_from_the_start(page):
    html = page.preview_html
    assert "lg-share-counts" in html and "Personaleledelse og udvikling" in html
    assert "Periode: begyndelsen – nu" in html
    assert "Tekst der deles" in html and "Følg op på fredag" in html
    assert "PRIVAT" not in html
    assert page.bundle["scope"]["text"] is True
    assert page.write_enabled


def test_setting_the_scope_updates_the_preview(page):
    page.choose_since(date(2026, 3, 1))
    page.choose_until(date(2026, 3, 31))
    page.choose_disciplines(["people"])
    page.tick_kind("feedback", False)
    page.share_text(False)
    page.type_name("IH")
    bundle = page.bundle
    assert bundle["scope"] == {
        "from": "2026-03-01", "to": "2026-03-31", "disciplines": ["people"], "text": False,
        "include": ["reflections", "goals"],
    }  # fmt: skip
    assert bundle["reflections"] == [] and [g["title"] for g in bundle["goals"]] == [
        "Ugentlige 1:1"
    ]
    html = page.preview_html
    assert "Periode: 2026-03-01 – 2026-03-31" in html and "Fritekst: nej" in html
    assert "Ugentlige 1:1" in html and "Følg op" not in html and "Ida Holm" not in html
    assert page.scope.disciplines == ("people",)


def test_write_creates_the_previewed_file(page, sample, tmp_path):
    written = []
    page.widget.on_written(written.append)
    page.type_path("til-coach.json")
    page.write_file()
    path = tmp_path / "til-coach.json"
    bundle = json.loads(path.read_text(encoding="utf-8"))
    assert bundle == page.bundle and bundle["checksum"] == bundle_checksum(bundle)
    # signed with the leader's own journal key, like the command line's bundles
    assert verify_document(bundle) == journal_keys(sample.journal).public_key
    assert written == [path]
    assert page.status.kind == "ok" and "til-coach.json" in page.status.text
    assert "3 refleksioner, 2 mål, 1 feedback" in page.status.text
    text = path.read_text(encoding="utf-8")
    for marker in ("PRIVAT-R", "PRIVAT-G", "PRIVAT-F", "PRIVAT-NAVN"):
        assert marker not in text
    from lgtrack import Journal

    with Journal.open(":memory:") as coach:
        assert import_file(coach, path).added["reflections"] == 3


def test_private_entries_are_never_in_the_preview_or_the_file(page, sample, tmp_path):
    journal = sample.journal
    shared = journal.get_reflection(sample.ids["r_strategic"])
    journal.update_reflection(replace(shared, private=True))
    page.refresh()
    assert "Strategidag" not in page.preview_html
    assert page.widget.write() == tmp_path / page.path
    assert "Strategidag" not in (tmp_path / page.path).read_text(encoding="utf-8")


def test_hostile_text_is_escaped_in_the_preview(sample, tmp_path):
    journal = sample.journal
    reflection = journal.get_reflection(sample.ids["r_people"])
    journal.update_reflection(replace(reflection, text=HOSTILE, next_step="<script>x</script>"))
    journal.set_profile("<b>Ida</b>", "teamleder")
    html = SharePage(ShareWidget(journal, folder=tmp_path)).preview_html
    assert "<img" not in html and "<script>" not in html and "<b>Ida</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;script&gt;" in html


def test_invalid_choices_disable_writing(page, tmp_path):
    page.choose_disciplines([])
    assert page.bundle is None and not page.write_enabled
    assert "lg-msg-error" in page.preview_html and "mindst én disciplin" in page.preview_html
    assert page.widget.write() is None
    page.tick_discipline("self")
    page.choose_period(date(2026, 5, 1), date(2026, 4, 1))
    assert page.bundle is None
    assert "Perioden begynder (2026-05-01) efter den slutter (2026-04-01)" in page.preview_html
    page.choose_until(None)
    page.type_name(" ")
    assert page.bundle is None and "navn" in page.preview_html
    page.type_name("I" * (MAX_SHORT + 1))
    assert page.bundle is None and "højst være på 500 tegn" in page.preview_html
    page.type_name("IH")
    assert page.bundle is not None and page.write_enabled
    assert list(tmp_path.iterdir()) == []


def test_a_bad_path_is_reported_not_raised(page, tmp_path):
    page.type_path("  ")
    page.write_file()
    assert page.status.kind == "error" and "filnavn" in page.status.text
    page.type_path(str(tmp_path / "missing" / "b.json"))
    page.write_file()
    assert page.status.kind == "error"
    assert f"Mappen {tmp_path / 'missing'} findes ikke" in page.status.text
    assert list(tmp_path.iterdir()) == []


def test_the_period_and_name_errors_speak_the_leaders_language(sample, tmp_path):
    page = SharePage(ShareWidget(sample.journal, folder=tmp_path, lang="en"))
    page.choose_period(date(2026, 5, 1), date(2026, 4, 1))
    assert "The period starts (2026-05-01) after it ends (2026-04-01)" in page.preview_html
    page.choose_since(None)
    page.type_path(str(tmp_path / "missing" / "b.json"))
    page.write_file()
    assert "does not exist" in page.status.text


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


def test_the_two_day_pickers_fit_beside_each_other(page):
    # At their default 300 px each, "To" overlapped the preview column.
    assert page.part("from").layout.width == page.part("to").layout.width == "11em"
    # and the preview and the path fill their column without spilling over the page edge
    assert page.part("preview").layout.width == page.part("path").layout.width == "auto"


def test_what_is_wrong_with_the_choices_is_said_again_in_the_new_language(page):
    page.choose_kinds([])
    assert "mindst én disciplin" in page.preview_html
    page.set_lang("en")
    assert "at least one discipline" in page.preview_html


def test_the_widget_speaks_english(sample, tmp_path):
    page = SharePage(ShareWidget(sample.journal, folder=tmp_path, lang="en"))
    assert "Share with your coach" in page.title_html
    assert page.write_label == "Write file"
    assert "Text that is shared" in page.preview_html
    page.set_lang("da")
    assert page.write_label == "Skriv filen" and "Tekst der deles" in page.preview_html


def test_the_page_encrypts_for_the_coachs_key(page, tmp_path):
    from lgtrack import Journal
    from lgtrack.sharing.envelope import decrypt_with_identity, is_encrypted

    with Journal.open(":memory:") as coach:
        keys = journal_keys(coach)
    page.type_path("til-coach.age")
    page.type_recipient(keys.recipient)
    page.write_file()
    data = (tmp_path / "til-coach.age").read_bytes()
    assert page.status.kind == "ok" and "krypteret og skrevet" in page.status.text
    assert is_encrypted(data) and b"Strategidag" not in data
    opened = json.loads(decrypt_with_identity(data, keys.identity, "til-coach.age"))
    assert opened == page.bundle


def test_the_page_encrypts_with_a_passphrase_and_forgets_it(page, tmp_path):
    from lgtrack.sharing.envelope import decrypt_with_passphrase, needs_passphrase

    page.type_path("til-coach.age")
    page.type_passphrase("kort")
    page.write_file()
    assert page.status.kind == "error" and "mindst 8 tegn" in page.status.text
    assert not (tmp_path / "til-coach.age").exists()
    page.type_passphrase("kaffe på tredje sal")
    page.write_file()
    data = (tmp_path / "til-coach.age").read_bytes()
    assert page.status.kind == "ok" and needs_passphrase(data) and page.passphrase == ""
    opened = decrypt_with_passphrase(data, "kaffe på tredje sal", "til-coach.age")
    assert json.loads(opened) == page.bundle


def test_a_wrong_key_on_the_page_writes_nothing(page, tmp_path):
    page.type_path("til-coach.age")
    page.type_recipient("age1ikkeennøgle")
    page.write_file()
    assert page.status.kind == "error" and "krypteringsnøgle" in page.status.text
    assert not (tmp_path / "til-coach.age").exists()
