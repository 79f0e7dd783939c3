"""What every `tarjama-cli` command shares: exit codes, JSON on stdout, and progress for people on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

#: A command: returns nothing when it did its work, or an exit code when it ran but must report otherwise (QA
#: finding errors); raising a TarjamaError means bad input.
Handler = Callable[[argparse.Namespace], int | None]


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def progress_line(text: str) -> None:
    """Progress for people: on a terminal it rewrites one line on stderr; piped, it stays silent."""
    if sys.stderr.isatty():
        sys.stderr.write("\r" + text)
        sys.stderr.flush()


def count_progress(verb: str) -> Callable[[int], None]:
    return lambda count: progress_line(f"{verb} {count} units")


def command(sub: argparse._SubParsersAction, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    """A subcommand whose `--help` says what it does, bound to the function that does it."""
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=handler)
    return parser


def percentage(text: str) -> int:
    """A match percentage argument (0-101: 101 is a TM match whose context matches too)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 101:
        raise argparse.ArgumentTypeError(f"{text!r} is not a match percentage from 0 to 101")
    return value
