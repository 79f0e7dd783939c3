"""Errors of the machine-translation core.

Each message is shown to a translator as it is: it names the file, package or address concerned and says what to
do next. They all derive from :class:`tarjama.errors.TarjamaError`, so the window and the CLI can report them
without knowing this package.
"""

from __future__ import annotations

from tarjama.errors import ABOUT, QT_TRANSLATE_NOOP, Message, PathError, TarjamaError, as_message


class MTError(TarjamaError):
    """Base of every machine-translation error."""


class PackageError(PathError, MTError):
    """A `.argosmodel` file (or an installed package folder) cannot be used; the packages folder is unchanged."""


class PackageNotFoundError(MTError):
    """No installed package matches what was asked for (a name to remove, or a language pair to translate)."""


class DownloadError(MTError):
    """The package index or a package could not be fetched; nothing was installed.

    A failure of the network or of the server, not of what the user typed: retrying later may work."""

    work_failed = True

    def __init__(self, url: str, problem: str | Message, /, **values: object) -> None:
        self.url = url
        self.problem = as_message(problem, values)
        super().__init__(ABOUT, path=url, problem=self.problem)


class UnsupportedAddressError(DownloadError):
    """The address given is not one Tarjama downloads from (not http or https): the input is wrong, not the network."""

    work_failed = False


class DownloadCancelled(MTError):
    """The user cancelled a download; the partial file was deleted and nothing was installed."""


class EngineError(PathError, MTError):
    """An installed package could not be loaded or run by the translation engine."""


class TranslationCancelled(MTError):
    """Translation stopped at a batch boundary because the caller cancelled it.

    ``partial`` maps segment indices to the results finished before the cancellation, so a caller that did not
    collect them from the progress callback still keeps the work done.
    """

    def __init__(self, partial: dict[int, object]) -> None:
        self.partial = partial
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "Translation cancelled after {count} segment(s); the rest were not translated."
            ),
            count=len(partial),
        )
