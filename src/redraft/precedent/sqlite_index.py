"""The precedent index in one SQLite file (standard library sqlite3, FTS5).

Tables:

* ``document``: one row per indexed document (identity, content hash, symbol, date,
  organ, language, title);
* ``wording``: one row per *distinct* wording, keyed by
  :func:`~redraft.precedent.normalize.text_key` of its words, with its first printed
  form (``raw``: the words are read from it again when needed, which halves the
  file) and ``uses``, the number of paragraphs holding it: a paragraph repeated in
  every session's resolution is stored, sketched and full-text indexed once;
* ``paragraph``: document, label, kind, wording, and the printed text when it
  differs from the wording's first printed form (typography apart);
* ``sketch``: each wording's bottom-k shingle sketch (``SKETCH`` values), a
  ``WITHOUT ROWID`` table keyed by shingle: the prefilter of near matches;
* ``wording_fts``: a contentless FTS5 table over the wordings' words, for phrase
  search.

Finding the wordings close to a paragraph: the paragraph's shingles are counted in
``sketch`` (one indexed ``GROUP BY``), the rarest are looked up (rare shingles have
short posting lists; the common ones, "of the United Nations", are skipped once
enough rare ones are found), and wordings sharing the most sketch values are the
candidates, scored exactly by :mod:`redraft.precedent.classify`.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .found import Candidate, CorpusInfo, SourceParagraph
from .index import Lookup
from .normalize import shingles, sketch, text_key, tokens

if TYPE_CHECKING:
    from .model import IndexedDocument

#: Shingle hashes kept per wording.
SKETCH = 24
#: Posting rows a lookup may read per query paragraph (rarest shingles first)...
POSTING_BUDGET = 4000
#: ... but at least this many of its shingles are looked up, however common.
MIN_SHINGLES = 4
#: Shared sketch values a candidate needs (a short query may have a single shingle).
MIN_HITS = 1
#: SQLite's limit on bound parameters is 32766; stay well below.
_CHUNK = 900

FORMAT = "1"
_KIND = "redraft precedent index"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS document(
  id INTEGER PRIMARY KEY, identity TEXT UNIQUE NOT NULL, content_hash TEXT NOT NULL,
  symbol TEXT NOT NULL, date TEXT NOT NULL, organ TEXT NOT NULL, language TEXT NOT NULL,
  title TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS wording(
  id INTEGER PRIMARY KEY, key INTEGER UNIQUE NOT NULL, length INTEGER NOT NULL,
  uses INTEGER NOT NULL, raw TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS paragraph(
  id INTEGER PRIMARY KEY, document INTEGER NOT NULL, wording INTEGER NOT NULL,
  label TEXT NOT NULL, kind TEXT NOT NULL, raw TEXT);
CREATE INDEX IF NOT EXISTS paragraph_wording ON paragraph(wording);
CREATE INDEX IF NOT EXISTS paragraph_document ON paragraph(document);
CREATE TABLE IF NOT EXISTS sketch(
  shingle INTEGER NOT NULL, wording INTEGER NOT NULL, PRIMARY KEY(shingle, wording)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS wording_fts USING fts5(
  words, content='',
  tokenize="unicode61 remove_diacritics 2 tokenchars '''-/.'");
"""


def _chunks(items: Sequence[object]) -> Iterator[Sequence[object]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _marks(items: Sequence[object]) -> str:
    return ",".join("?" * len(items))


class SqliteIndex:
    """A :class:`~redraft.precedent.index.PrecedentIndex` in one SQLite file
    (``":memory:"`` for a throw-away index of a folder)."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.db = connection
        self.path = path
        self._keys: dict[int, tuple[int, str]] = {}  # during an update: key -> (id, raw)
        self._next = 0  # during an update: the next wording id

    # -- opening ------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> SqliteIndex:
        """Open an index; with ``create``, make it when it does not exist. A file that
        is not an index raises :class:`InputError` (one line, nothing overwritten)."""
        name = str(path)
        if name != ":memory:":
            target = Path(path)
            if target.is_dir():
                raise InputError(f"{path}: is a folder, not a precedent index")
            if not target.exists() and not create:
                raise InputError(f"{path}: no such precedent index")
        try:
            db = sqlite3.connect(name, isolation_level=None)
            index = cls(db, name)
            index._check_or_create(create)
        except sqlite3.DatabaseError as error:
            raise InputError(f"{path}: not a precedent index ({error})") from None
        return index

    def _check_or_create(self, create: bool) -> None:
        db = self.db
        db.execute("PRAGMA synchronous=NORMAL")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if "setting" in tables:
            kind = self.get_setting("kind")
            if kind != _KIND:
                raise InputError(f"{self.path}: not a precedent index")
            if self.get_setting("format") != FORMAT:
                raise InputError(
                    f"{self.path}: made by another version of redraft (index format "
                    f"{self.get_setting('format')}, this one reads {FORMAT}): build it again"
                )
            return
        if tables or not create:
            raise InputError(f"{self.path}: not a precedent index")
        with self._transaction():
            for statement in _SCHEMA.split(";\n"):
                if statement.strip():
                    db.execute(statement)
            self.set_setting("kind", _KIND)
            self.set_setting("format", FORMAT)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- settings -----------------------------------------------------------------
    def get_setting(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM setting WHERE key=?", (key,)).fetchone()
        return str(row[0]) if row else ""

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO setting(key, value) VALUES(?, ?)", (key, value))

    # -- what it holds --------------------------------------------------------------
    def info(self) -> CorpusInfo:
        documents = self.db.execute("SELECT COUNT(*) FROM document").fetchone()[0]
        paragraphs = self.db.execute("SELECT COUNT(*) FROM paragraph").fetchone()[0]
        languages = [
            row[0]
            for row in self.db.execute("SELECT DISTINCT language FROM document ORDER BY 1")
            if row[0]
        ]
        return CorpusInfo(int(documents), int(paragraphs), tuple(languages))

    def fingerprints(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT identity, content_hash FROM document"))

    def size_bytes(self) -> int:
        if self.path == ":memory:":
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            size = self.db.execute("PRAGMA page_size").fetchone()[0]
            return int(pages) * int(size)
        return Path(self.path).stat().st_size

    # -- updating -----------------------------------------------------------------
    def update(
        self, documents: Iterable[IndexedDocument], remove: Iterable[str] = ()
    ) -> tuple[int, int]:
        added = removed = 0
        with self._transaction():
            # Every wording held, by key: one read instead of a query per paragraph.
            self._keys = {
                key: (wording, raw)
                for key, wording, raw in self.db.execute("SELECT key, id, raw FROM wording")
            }
            self._next = 1 + (self.db.execute("SELECT MAX(id) FROM wording").fetchone()[0] or 0)
            for identity in remove:
                removed += self._delete(identity)
            for document in documents:
                self._delete(document.identity)
                self._insert(document)
                added += 1
            self._collect_garbage()
            self._keys = {}
        return added, removed

    def _delete(self, identity: str) -> int:
        row = self.db.execute("SELECT id FROM document WHERE identity=?", (identity,)).fetchone()
        if row is None:
            return 0
        doc = row[0]
        uses = self.db.execute(
            "SELECT wording, COUNT(*) FROM paragraph WHERE document=? GROUP BY wording", (doc,)
        ).fetchall()
        self.db.executemany(
            "UPDATE wording SET uses = uses - ? WHERE id = ?", [(n, w) for w, n in uses]
        )
        self.db.execute("DELETE FROM paragraph WHERE document=?", (doc,))
        self.db.execute("DELETE FROM document WHERE id=?", (doc,))
        return 1

    def _insert(self, document: IndexedDocument) -> None:
        cursor = self.db.execute(
            "INSERT INTO document(identity, content_hash, symbol, date, organ, language, title)"
            " VALUES(?, ?, ?, ?, ?, ?, ?)",
            (
                document.identity,
                document.content_hash,
                document.symbol,
                document.date,
                document.organ,
                document.language,
                document.title,
            ),
        )
        doc = cursor.lastrowid
        new_wordings: list[tuple[int, int, str, int, str]] = []
        paragraphs = []
        uses: Counter[int] = Counter()
        for paragraph in document.paragraphs:
            key = text_key(paragraph.words)
            known = self._keys.get(key)
            if known is None:
                known = self._keys[key] = (self._next, paragraph.text)
                joined = " ".join(paragraph.words)
                new_wordings.append((self._next, key, joined, len(paragraph.words), paragraph.text))
                self._next += 1
            wording, first_raw = known
            uses[wording] += 1
            raw = None if paragraph.text == first_raw else paragraph.text
            paragraphs.append((doc, wording, paragraph.label, paragraph.kind, raw))
        self._add_wordings(new_wordings)
        self.db.executemany(
            "INSERT INTO paragraph(document, wording, label, kind, raw) VALUES(?, ?, ?, ?, ?)",
            paragraphs,
        )
        self.db.executemany(
            "UPDATE wording SET uses = uses + ? WHERE id = ?", [(n, w) for w, n in uses.items()]
        )

    def _add_wordings(self, rows: list[tuple[int, int, str, int, str]]) -> None:
        """New wordings with their sketches and full-text entries, in three statements."""
        self.db.executemany(
            "INSERT INTO wording(id, key, length, uses, raw) VALUES(?, ?, ?, 0, ?)",
            [(wording, key, length, raw) for wording, key, _, length, raw in rows],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO sketch(shingle, wording) VALUES(?, ?)",
            [
                (value, wording)
                for wording, _, joined, _, _ in rows
                for value in sketch(shingles(joined.split(" ")), SKETCH)
            ],
        )
        self.db.executemany(
            "INSERT INTO wording_fts(rowid, words) VALUES(?, ?)",
            [(wording, joined) for wording, _, joined, _, _ in rows],
        )

    def _collect_garbage(self) -> None:
        """Forget the wordings no paragraph holds any more (with their sketch and
        full-text entries)."""
        unused = self.db.execute("SELECT id, raw FROM wording WHERE uses <= 0").fetchall()
        for wording, raw in unused:
            words = tokens(raw)
            joined = " ".join(words)
            self.db.execute(
                "INSERT INTO wording_fts(wording_fts, rowid, words) VALUES('delete', ?, ?)",
                (wording, joined),
            )
            values = sketch(shingles(words), SKETCH)
            self.db.executemany(
                "DELETE FROM sketch WHERE shingle=? AND wording=?",
                [(value, wording) for value in values],
            )
            self.db.execute("DELETE FROM wording WHERE id=?", (wording,))
        if unused:
            self._keys = {}

    # -- looking up -----------------------------------------------------------------
    def lookup(self, queries: Sequence[Sequence[str]], limit: int) -> list[Lookup]:
        keys = [text_key(words) for words in queries]
        exact = self._ids_by_key(keys)
        query_shingles = [shingles(words) if words else set() for words in queries]
        counts = self._posting_counts({s for group in query_shingles for s in group})
        chosen = [self._rarest(group, counts) for group in query_shingles]
        postings = self._postings({s for group in chosen for s in group})
        ranked: list[list[tuple[int, int]]] = []
        for index, group in enumerate(chosen):
            # wording ids stay strings until the few kept are known (tens of thousands
            # of posting rows for a draft of 100 paragraphs)
            found = " ".join(postings[value] for value in group if value in postings)
            hits = Counter(found.split())
            hits.pop(str(exact.get(keys[index], "")), None)
            best = hits.most_common(limit)
            # a wording sharing a quarter of the best one's sketch hits is worth scoring;
            # fewer is chance ("of the United Nations" in the sketch of both)
            floor = max(MIN_HITS, best[0][1] // 4) if best else 0
            ranked.append([(int(text), n) for text, n in best if n >= floor])
        words = self._words({text for hits in ranked for text, _ in hits})
        return [
            Lookup(
                exact.get(key),
                tuple(Candidate(text, words[text], count) for text, count in hits),
            )
            for key, hits in zip(keys, ranked, strict=True)
        ]

    def _ids_by_key(self, keys: Sequence[int]) -> dict[int, int]:
        found: dict[int, int] = {}
        unique = sorted(set(keys))
        for chunk in _chunks(unique):
            sql = f"SELECT key, id FROM wording WHERE key IN ({_marks(chunk)})"
            found.update(self.db.execute(sql, tuple(chunk)))
        return found

    def _posting_counts(self, values: set[int]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for chunk in _chunks(sorted(values)):
            sql = (
                f"SELECT shingle, COUNT(*) FROM sketch WHERE shingle IN ({_marks(chunk)})"
                " GROUP BY shingle"
            )
            counts.update(self.db.execute(sql, tuple(chunk)))
        return counts

    @staticmethod
    def _rarest(values: set[int], counts: Mapping[int, int]) -> list[int]:
        """The query's shingles worth looking up: rarest first, within the budget."""
        present = sorted((counts[v], v) for v in values if v in counts)
        out: list[int] = []
        spent = 0
        for count, value in present:
            if len(out) >= MIN_SHINGLES and spent + count > POSTING_BUDGET:
                break
            out.append(value)
            spent += count
        return out

    def _postings(self, values: set[int]) -> dict[int, str]:
        """Each shingle's wordings, as their ids separated by spaces: one row per
        shingle, read in key order (no sort), rather than one row per posting."""
        postings: dict[int, str] = {}
        for chunk in _chunks(sorted(values)):
            sql = (
                f"SELECT shingle, group_concat(wording, ' ') FROM sketch"
                f" WHERE shingle IN ({_marks(chunk)}) GROUP BY shingle"
            )
            postings.update(self.db.execute(sql, tuple(chunk)))
        return postings

    def _words(self, ids: set[int]) -> dict[int, tuple[str, ...]]:
        out: dict[int, tuple[str, ...]] = {}
        for chunk in _chunks(sorted(ids)):
            sql = f"SELECT id, raw FROM wording WHERE id IN ({_marks(chunk)})"
            for wording, raw in self.db.execute(sql, tuple(chunk)):
                out[wording] = tuple(tokens(raw))
        return out

    def occurrences(self, text_ids: Iterable[int]) -> dict[int, list[SourceParagraph]]:
        out: dict[int, list[SourceParagraph]] = defaultdict(list)
        for chunk in _chunks(sorted(set(text_ids))):
            for source in self._paragraphs(f"p.wording IN ({_marks(chunk)})", tuple(chunk)):
                out[source.text_id].append(source)
        return out

    def phrase(self, words: Sequence[str]) -> list[SourceParagraph]:
        if not words:
            return []
        query = '"' + " ".join(words).replace('"', '""') + '"'
        try:
            ids = [
                row[0]
                for row in self.db.execute(
                    "SELECT rowid FROM wording_fts WHERE wording_fts MATCH ?", (query,)
                )
            ]
        except sqlite3.OperationalError as error:  # FTS5 syntax: not expected once quoted
            raise InputError(f"cannot search for {' '.join(words)!r}: {error}") from None
        found: list[SourceParagraph] = []
        for chunk in _chunks(ids):
            found.extend(self._paragraphs(f"p.wording IN ({_marks(chunk)})", tuple(chunk)))
        return found

    def _paragraphs(self, where: str, args: tuple[object, ...]) -> list[SourceParagraph]:
        sql = (
            "SELECT p.wording, d.symbol, p.label, d.date, d.organ, d.language,"
            " COALESCE(p.raw, w.raw), d.identity"
            " FROM paragraph p JOIN document d ON d.id = p.document"
            f" JOIN wording w ON w.id = p.wording WHERE {where}"
            " ORDER BY d.date DESC, d.symbol, p.id"  # newest first, then reading order
        )
        return [SourceParagraph(*row) for row in self.db.execute(sql, args)]

    def vacuum(self) -> None:
        """Compact the file (after a large update) and merge the full-text segments."""
        self.db.execute("INSERT INTO wording_fts(wording_fts) VALUES('optimize')")
        if self.path != ":memory:":
            self.db.execute("VACUUM")
