"""The translator's own dictionary: words "added to my dictionary", one a line in a UTF-8 file of the user's data
folder (`paths.user_dictionary_path`), shared by the window and the CLI.

Another program (a second window, `tarjama-cli`) may add a word at the same moment, so an addition reads the file
again under a lock, merges, and replaces it whole (`atomic_file.replacing`): no word is lost and no reader ever
sees half a file. A reader notices another program's additions by the file's modification time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tarjama.atomic_file import replacing
from tarjama.errors import QT_TRANSLATE_NOOP

try:
    import fcntl
except ImportError:  # Windows: the rename alone keeps the file whole
    fcntl = None  # type: ignore[assignment]


class UserDictionary:
    """The words of the file at `path` (none while it does not exist); `add` writes one in."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._words: frozenset[str] = frozenset()
        self._lowered: frozenset[str] = frozenset()
        self._any_case: frozenset[str] = frozenset()
        self._read_at: float | None = None

    def words(self) -> frozenset[str]:
        """The words as they were written, read again when the file changed since it was last read."""
        try:
            changed = self.path.stat().st_mtime_ns
        except OSError:
            changed = None
        if changed != self._read_at:
            self._set(self._read() if changed is not None else frozenset())
            self._read_at = changed
        return self._words

    def __contains__(self, word: str) -> bool:
        """Whether `word` is in the dictionary; a word added in lower case accepts any case ("ceasefire" lets
        "Ceasefire" and "CEASEFIRE" pass), one added with capitals only as written or in capitals."""
        words = self.words()
        return word in words or word.lower() in self._lowered or (word.isupper() and word.lower() in self._any_case)

    def add(self, word: str) -> None:
        """Add `word` (stripped); a word already there is not written twice."""
        word = word.strip()
        if not word or "\n" in word:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            words = self._read() | {word}
            with replacing(self.path, "w", QT_TRANSLATE_NOOP("Errors", "dictionary"), encoding="utf-8") as out:
                out.write("".join(f"{known}\n" for known in sorted(words)))
        self._read_at = None  # read back, with whatever others added

    def _read(self) -> frozenset[str]:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return frozenset()
        return frozenset(line.strip() for line in text.splitlines() if line.strip())

    def _set(self, words: frozenset[str]) -> None:
        self._words = words
        self._lowered = frozenset(word for word in words if word.islower())
        self._any_case = frozenset(word.lower() for word in words)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold `.NAME.lock` beside the file while it is read and replaced, so two writers take turns."""
        if fcntl is None:
            yield
            return
        fd = os.open(self.path.with_name(f".{self.path.name}.lock"), os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
