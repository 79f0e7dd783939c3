"""Where every `tarjama-cli` command writes: data lines on stdout, messages and progress on stderr, JSON as is.

One object decides, per stream, whether a person is reading it. On a terminal, each line is put in visual order
(see `visual_order`) so Arabic reads right; tab-separated columns are reordered one field at a time, so each column
stays where a script or an eye expects it and an Arabic source never swaps places with its English target. Piped or
redirected, or with `--no-bidi` (for terminals that reorder by themselves, such as GNOME Terminal or Konsole), text
is written in logical order, byte for byte as stored. JSON is never reordered: it is for programs. With `--shape`,
reordered Arabic is also shaped (see `letter_shapes`) for terminals that do not join letters.

Progress bars (tqdm) appear only when stderr is a terminal, and are wiped when the work ends or is interrupted, so
the summary that follows starts on a clean line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO

from tqdm import tqdm

from tarjama.cli.letter_shapes import joined
from tarjama.cli.visual_order import visual


class Advance(Protocol):
    """Told how far the work has got: steps done so far, and the total when it becomes known (a download's)."""

    def __call__(self, done: int, total: int | None = None) -> None: ...


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _as_stored(text: str) -> str:
    return text


def _renderer(stream: TextIO, bidi: bool, shape: bool) -> Callable[[str], str]:
    """How text for `stream` must be written: as stored, or line by line and field by field in display order."""
    if not (bidi and _is_terminal(stream)):
        return _as_stored
    field_order = (lambda field: visual(joined(field))) if shape else visual
    return lambda text: "\n".join("\t".join(map(field_order, line.split("\t"))) for line in text.split("\n"))


class Out:
    """The output of one command run, written to `stdout` and `stderr` as their readers need it."""

    def __init__(self, stdout: TextIO, stderr: TextIO, *, bidi: bool = True, shape: bool = False) -> None:
        self._stdout = stdout
        self._stderr = stderr
        self._for_stdout = _renderer(stdout, bidi, shape)
        self._for_stderr = _renderer(stderr, bidi, shape)
        self._progress = _is_terminal(stderr)

    def line(self, text: str = "") -> None:
        """A line of the command's result, on stdout."""
        self._stdout.write(self._for_stdout(text) + "\n")

    def note(self, text: str) -> None:
        """A message for the person at the keyboard (an error, a hint, a summary to keep out of the data)."""
        self._stderr.write(self._for_stderr(text) + "\n")
        self._stderr.flush()

    def json(self, data: object) -> None:
        """Data for programs, on stdout, in logical order whatever stdout is."""
        json.dump(data, self._stdout, ensure_ascii=False, indent=2)
        self._stdout.write("\n")

    def _bar(self, what: str, **options: object) -> tqdm:
        """A tqdm bar on stderr, drawn only on a terminal and wiped when closed."""
        return tqdm(
            desc=self._for_stderr(what),
            file=self._stderr,
            disable=not self._progress,
            leave=False,
            dynamic_ncols=True,
            **options,
        )

    @contextmanager
    def progress(self, what: str, total: int | None = None, *, unit: str = "units") -> Iterator[Advance]:
        """A bar for work of `total` steps (None: unknown until told, so a count and a rate). `unit` "B" counts
        bytes, shown as kB, MB…"""
        scale = {"unit": "B", "unit_scale": True, "unit_divisor": 1024} if unit == "B" else {"unit": f" {unit}"}
        with self._bar(what, total=total, **scale) as bar:

            def advance(done: int, total: int | None = None) -> None:
                if total is not None:
                    bar.total = total
                bar.update(done - bar.n)

            yield advance

    @contextmanager
    def activity(self, what: str) -> Iterator[None]:
        """`what`… on stderr while work that reports no progress runs (reading and segmenting a document)."""
        with self._bar(what, bar_format="{desc}…"):
            yield
