"""Domain exceptions, and the messages they carry.

Every message is meant to be shown to a translator as it is, so it names the file and says what to do. A message is
kept as an English template with its values (:class:`Message`) rather than as finished text, so that the window can
show it in the UI's language while the CLI and logs print the English: `str(error)` is the English text. Each
template is written at its raise site inside :func:`QT_TRANSLATE_NOOP`, which is how pyside6-lupdate finds it for
`translations/tarjama_ar.ts` without the core importing Qt.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

#: The translation context of every core message in the `.ts` (what `QCoreApplication.translate` is given).
CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for lupdate under `context` and return it unchanged: translation happens later, in the UI.

    `context` must be :data:`CONTEXT` written out as a literal, since lupdate reads the source and cannot follow a
    name."""
    return text


#: How an error about one file or address reads: the subject, then what is wrong with it.
ABOUT = QT_TRANSLATE_NOOP("Errors", "{path}: {problem}")


@dataclass(frozen=True)
class Message:
    """An English template (`str.format` syntax) and the values for its placeholders.

    Values stay what they are (paths, numbers, the operating system's own error text) and are never translated; a
    value may itself be a :class:`Message`, translated in its turn (e.g. the problem in "{path}: {problem}")."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        # A template without values is used as it is, so plain English given by older raise sites may hold braces.
        return self.template.format(**self.values) if self.values else self.template


def as_message(problem: str | Message, values: Mapping[str, object]) -> Message:
    """`problem` as a message: a template with its values, or a message built elsewhere (which has its own)."""
    return problem if isinstance(problem, Message) else Message(problem, values)


class TarjamaError(Exception):
    """Base of every error the app reports to the user instead of crashing.

    Most are about what the user gave (a file, an argument): fixing the input fixes them. The few where the input
    was fine and the work itself could not be done (the network or a server failed) say so with `work_failed`, so
    that the CLI can tell a script which it was (exit 1 rather than 2)."""

    work_failed: bool = False

    def __init__(self, template: str, /, **values: object) -> None:
        self.message = Message(template, values)
        super().__init__(str(self.message))


class PathError(TarjamaError):
    """An error about one file (or address): "{path}: {problem}", where the problem is a message of its own."""

    def __init__(self, path: str | Path, problem: str | Message, /, **values: object) -> None:
        self.path = Path(path)
        self.problem = as_message(problem, values)
        super().__init__(ABOUT, path=self.path, problem=self.problem)

    def __reduce__(self) -> tuple[type[PathError], tuple[Path, Message]]:
        """Pickled as its file and its problem: a TMX file is read in a second process, whose errors come back."""
        return self.__class__, (self.path, self.problem)


class BadInputError(PathError):
    """A file the user gave us cannot be used; nothing was changed."""


class ProjectError(PathError):
    """A project file cannot be opened or changed as asked."""


class AlreadyExistsError(ProjectError):
    """A new project was to be created where a file already is (perhaps published a moment ago by another
    program): a caller that only wanted the project to exist may open it instead."""


class ReadOnlyError(ProjectError):
    """A store that may be read but not changed (a read-only file, folder or disk): the change was refused before
    anything was written. Bad input, since copying the file somewhere writable is the translator's fix."""


class DiskFullError(ProjectError):
    """The disk holding a store had no room for a change: the work failed and nothing of it was kept."""

    work_failed = True


class DiskIoError(ProjectError):
    """The system could not read or write a store's disk (removed, failing, a dropped network share)."""

    work_failed = True


class SegmentError(TarjamaError):
    """An operation on a segment that its current state does not allow (e.g. merging across paragraphs)."""


class SegmentChangedError(SegmentError):
    """A change was based on a version of a segment that another program (or another store of the project) has
    since replaced: nothing was written, so that change is not lost without a word. The caller decides; the window
    asks the translator whether to keep the other change or write over it."""

    def __init__(self, template: str, /, *, segment_id: int, **values: object) -> None:
        self.segment_id = segment_id
        super().__init__(template, **values)


def not_found(path: str | Path) -> BadInputError:
    """The file the translator named is gone; said the same way for every kind of file."""
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "was not found; it may have been moved, renamed or deleted"))


def unreadable(path: str | Path, exc: OSError) -> BadInputError:
    """The file exists but the system refused to read it; the system's reason stays as it gave it."""
    return BadInputError(
        path,
        QT_TRANSLATE_NOOP("Errors", "could not be read ({reason}); check that it is not open elsewhere and that you "
                                    "may read it"),
        reason=exc.strerror or exc,
    )


def marked_none() -> Message:
    """"none", where a message lists what it found and found nothing."""
    return Message(QT_TRANSLATE_NOOP("Errors", "none"))


def missing_folder(path: str | Path, folder: str | Path) -> ProjectError:
    """A new project, memory or glossary was to be created in a folder that is not there."""
    return ProjectError(path, QT_TRANSLATE_NOOP("Errors", "cannot be created: the folder {folder} does not exist."),
                        folder=folder)


@contextmanager
def reading(path: str | Path, is_a_folder: str) -> Iterator[None]:
    """Turn what the system says while a file the translator chose is read into a message about that file.

    `is_a_folder` is the marked problem for a folder given where a file was wanted (it names the kind of file)."""
    try:
        yield
    except FileNotFoundError as exc:
        raise not_found(path) from exc
    except IsADirectoryError as exc:
        raise BadInputError(path, is_a_folder) from exc
    except OSError as exc:
        raise unreadable(path, exc) from exc
