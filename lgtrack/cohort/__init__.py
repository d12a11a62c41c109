"""Leadership programmes (lederforløb): a facilitator follows a cohort in aggregate only (#13).

- :mod:`.bundle` — the participant's cohort bundle (``lgtrack share --cohort``): numbers,
  days, ids and initials, never a word of text; and its strict reading on the facilitator's side.
- :mod:`.importing` — ``lgtrack cohort import``: files or folders, idempotent, a participant
  updated in place.
- :mod:`.suppression` — k-anonymity with complementary suppression, for any table of cells.
- :mod:`.dashboard` — the cohort's figures (engagement, development, coverage, effects), each
  resting on at least k participants; :mod:`.report` — the sponsor's HTML report.

Nothing here is imported by ``import lgtrack``; the submodules load what they need.
"""
