"""`tarjama-cli`: the headless face of Tarjama, calling the same core services as the window.

Each group of commands lives in its own module with a `register(subparsers)` function; this module assembles them
and turns domain errors, failures and Ctrl+C into messages and exit codes.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence

from tarjama.cli import (
    analysis_commands,
    glossary_commands,
    model_commands,
    project_commands,
    qa_commands,
    report_commands,
    tm_commands,
)
from tarjama.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, display_options
from tarjama.cli.terminal import Out
from tarjama.errors import TarjamaError
from tarjama.mt.bundled import install_bundled_models, report_bundled_installs

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "build_parser", "main"]

COMMAND_GROUPS = (
    project_commands, model_commands, tm_commands, report_commands, analysis_commands, glossary_commands, qa_commands
)

EPILOG = f"""\
Run `tarjama-cli COMMAND --help` for the arguments of a command.

Output: results on stdout; messages and progress bars on stderr. On a terminal, Arabic
is shown in display order (each tab-separated column reordered on its own); piped or
redirected, text is written as stored. --json output is never reordered.

Exit status:
  {EXIT_OK}    success
  {EXIT_FAILED}    the work failed (a disk or network error; qa: errors were found)
  {EXIT_BAD_INPUT}    bad input or usage: a missing or unreadable file, a wrong argument
  {EXIT_INTERRUPTED}  stopped by Ctrl+C; no file is ever left half-written"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tarjama-cli",
        description="Review Arabic→English translation projects without the window: import a document,\n"
        "pre-translate it, edit and approve segments, check them, and export the translation.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    display_options(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    report_bundled_installs(install_bundled_models())  # the offline edition's packages, on its first command
    out = Out(sys.stdout, sys.stderr, bidi=not args.no_bidi, shape=args.shape)
    try:
        code = args.handler(args, out)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (`tarjama-cli segments p | head`), which needs no message. Point stdout at
        # the null device so that Python's own flush at exit does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        out.note(f"Interrupted; nothing was half-written: {args.interrupted}")
        return EXIT_INTERRUPTED
    except TarjamaError as exc:
        out.note(f"tarjama-cli: {exc}")
        return EXIT_FAILED if exc.work_failed else EXIT_BAD_INPUT
    except OSError as exc:
        out.note(f"tarjama-cli: {os_error_text(exc)}")
        return EXIT_BAD_INPUT if exc.errno in _REFUSED else EXIT_FAILED
    return EXIT_OK if code is None else code


#: What the system refuses because of the file asked for (bad input, exit 2), rather than a failing disk or a full
#: one (exit 1).
_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.EISDIR, errno.ENOTDIR}


def os_error_text(exc: OSError) -> str:
    """What the system said, as every other message reads: "{path}: {problem}" (Python's own text puts the path
    last, quoted, after an errno number a translator has no use for)."""
    if exc.filename is None or not exc.strerror:
        return str(exc)
    target = f" -> {exc.filename2}" if exc.filename2 is not None else ""
    return f"{exc.filename}{target}: {exc.strerror}"


if __name__ == "__main__":
    sys.exit(main())
