"""360 rounds (#12): the leader asks her manager, peers, employees and others about the
behaviours of her level, imports their answers from the survey tool, and sees the gaps without
exposing anyone.

- :mod:`.service` creates, lists and closes rounds (validated, written through the journal's
  store);
- :mod:`.questions` says what a round asks and reads answers (labels in either language);
- :mod:`.questionnaire` writes the questionnaire (``.xlsx``, ``.csv``, ``.html``, ``.txt``);
- :mod:`.reading` reads an answers file (``.xlsx``, ``.csv``) with limits against hostile files;
- :mod:`.importing` plans an import (all or nothing, idempotent) and writes it;
- :mod:`.results` computes the figures under statistical disclosure control;
- :mod:`.report` renders the results as HTML and JSON.

Only this package's service and importer write, and only through ``journal.store.rounds``.
"""

from __future__ import annotations

from .service import close_round, create_round, find_round, list_rounds

__all__ = ["close_round", "create_round", "find_round", "list_rounds"]
