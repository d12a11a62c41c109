"""The floor for ``lgtrack list reflections``: a bare ``python3 + sqlite3`` process running the same
query for the same columns and printing each row, tab-separated. Imports nothing but the standard
library's ``sqlite3`` and ``sys``; the SQL is a copy of what lgtrack runs
(``ReflectionRepository.lines`` and ``where_clause``), kept here so that the floor stays bare.

    python benchmarks/bare_list.py JOURNAL.sqlite last10
    python benchmarks/bare_list.py JOURNAL.sqlite tag sygefravær
    python benchmarks/bare_list.py JOURNAL.sqlite range 2020-01-01 2020-12-31
    python benchmarks/bare_list.py JOURNAL.sqlite contains tillidsrepræsentanten
"""

import sqlite3
import sys

LINE = """SELECT r.day, r.id, r.private,
  (SELECT group_concat(discipline, ',') FROM (
      SELECT discipline FROM reflection_disciplines WHERE reflection_id = r.id
      ORDER BY discipline)),
  (SELECT group_concat('#' || tag, ' ') FROM (
      SELECT tag FROM reflection_tags WHERE reflection_id = r.id ORDER BY tag)),
  CASE WHEN r.text != '' THEN r.text WHEN r.next_step != '' THEN r.next_step ELSE (
      SELECT group_concat(behaviour || '=' || ifnull(score, '?'), ' ') FROM (
          SELECT behaviour, score FROM ratings WHERE reflection_id = r.id ORDER BY position))
  END
FROM reflections r"""
SEARCHED = "(r.prompt || ' ' || r.text || ' ' || r.next_step)"


def where(what, values, me):
    if what == "last10":
        return "r.leader_id = ?", [me], " LIMIT 10"
    if what == "tag":
        tagged = "r.id IN (SELECT reflection_id FROM reflection_tags WHERE tag = ?)"
        return f"+r.leader_id = ? AND {tagged}", [me, values[0]], ""
    if what == "range":
        return "r.day >= ? AND r.day <= ? AND r.leader_id = ?", [*values, me], ""
    if what == "contains":
        needle = values[0].casefold()
        pieces = dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2))
        match = " AND ".join('"' + p.replace('"', '""') + '"' for p in pieces)
        fts = "r.rowid IN (SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?)"
        found = f"instr(lgtrack_fold({SEARCHED}), ?) > 0"
        return f"r.leader_id = ? AND {fts} AND {found}", [me, match, needle], ""
    raise SystemExit(f"unknown query {what!r}")


def main():
    db, what, *values = sys.argv[1:]
    conn = sqlite3.connect(db)
    conn.create_function("lgtrack_fold", 1, str.casefold, deterministic=True)
    me = conn.execute("SELECT id FROM leaders WHERE is_me = 1").fetchone()[0]
    condition, params, limit = where(what, values, me)
    sql = f"{LINE} WHERE {condition} ORDER BY r.day DESC, r.created_at DESC, r.rowid DESC{limit}"
    write = sys.stdout.write
    for row in conn.execute(sql, params):
        write("\t".join(map(str, row)) + "\n")


if __name__ == "__main__":
    main()
