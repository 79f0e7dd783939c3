"""What every `tarjama-cli` command shares: exit codes, how a subcommand is declared, and argument types."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from tarjama.cli.terminal import Out

#: 130 is what shells report for a program stopped by Ctrl+C (128 + SIGINT).
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

#: A command: returns nothing when it did its work, or an exit code when it ran but must report otherwise (QA
#: finding errors); raising a TarjamaError means bad input.
Handler = Callable[[argparse.Namespace, Out], int | None]

#: What Ctrl+C leaves behind, said after "Interrupted; nothing was half-written: ".
CHANGES_NOTHING = "this command changes no file."
SAVED_WHOLE = "the change is saved whole or not at all."
IMPORT_ROLLED_BACK = "an import is one transaction, so {} is as it was before."
EXPORT_ATOMIC = (
    "an export is written under a temporary name and renamed only when complete, so no partial file was left and "
    "an earlier file of that name is unchanged."
)

JSON_HELP = "print the result as JSON (for scripts; never reordered for display)"


def display_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """`--no-bidi` and `--shape`, accepted before the command (their home) and after it, where people tend to type
    them; only the top level sets their defaults, so a command's parser never overrides what was given before it."""
    default = False if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--no-bidi",
        action="store_true",
        default=default,
        help="write Arabic in logical order even on a terminal (for terminals that reorder it themselves)",
    )
    parser.add_argument(
        "--shape",
        action="store_true",
        default=default,
        help="on a terminal, also join Arabic letters (for terminals that show each letter on its own)",
    )


def command(
    sub: argparse._SubParsersAction,
    name: str,
    handler: Handler,
    help_text: str,
    *,
    details: str = "",
    interrupted: str = CHANGES_NOTHING,
) -> argparse.ArgumentParser:
    """A subcommand whose `--help` says what it does (`help_text`, also shown in the list of commands, then
    `details`), bound to the function that does it and to what Ctrl+C leaves behind (`interrupted`)."""
    parser = sub.add_parser(name, help=help_text, description=f"{help_text} {details}".strip())
    parser.set_defaults(handler=handler, interrupted=interrupted)
    display_options(parser, top_level=False)
    return parser


#: Declares one action of a store's command group: (name, handler, help text, command() options) -> its parser.
AddAction = Callable[..., argparse.ArgumentParser]


def store_commands(
    sub: argparse._SubParsersAction, name: str, help_text: str, description: str, option: str, option_help: str,
    option_type: Callable[[str], object] = Path,
) -> AddAction:
    """A command group over one store file (`tm`, `glossary`), whose every action takes `option` to name another
    store than the user's own (read by `option_type`: a path, or for the TM a team memory's address too); returns
    the function that declares an action, as `command` does (`of_store=False`: an action without the option)."""
    group = sub.add_parser(name, help=help_text, description=description)
    actions = group.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")

    def add(action: str, handler: Handler, action_help: str, *, of_store: bool = True,
            **options: str) -> argparse.ArgumentParser:
        parser = command(actions, action, handler, action_help, **options)
        if of_store:
            parser.add_argument(option, type=option_type, help=option_help)
        return parser

    return add


#: SQLite's integers are 64-bit: an id or count above this cannot even be looked up.
INT64_MAX = 2**63 - 1


def _whole_number(text: str, lowest: int, what: str) -> int:
    """`text` as an int from `lowest` to INT64_MAX, else a usage error (exit 2) saying what was expected.

    Bounded because a store cannot take a bigger number: SQLite raises OverflowError for one, a traceback rather
    than a message."""
    try:
        value = int(text)
    except ValueError:
        value = lowest - 1
    if not lowest <= value <= INT64_MAX:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise argparse.ArgumentTypeError(f"{shown!r} is not {what}; give a whole number from {lowest} to {INT64_MAX}")
    return value


def segment_id(text: str) -> int:
    """A segment id argument, as `segments` lists it."""
    return _whole_number(text, 1, "a segment id (as `tarjama-cli segments` lists them)")


def unit_id(text: str) -> int:
    """A translation-memory unit id argument, as `tm search --json` lists them."""
    return _whole_number(text, 1, "a unit id (as `tarjama-cli tm search --json` lists them)")


def document_id(text: str) -> int:
    """A document id argument, as `documents` lists it."""
    return _whole_number(text, 1, "a document id (as `tarjama-cli documents` lists them)")


def char_offset(text: str) -> int:
    """A character offset argument (whether it falls inside the segment is the store's to say)."""
    return _whole_number(text, 0, "a character offset")


def count(text: str) -> int:
    """A "at most this many" argument."""
    return _whole_number(text, 1, "a number of results")


def force_option(parser: argparse.ArgumentParser, *, project: bool = False) -> None:
    """`--force` for a command that writes a file the translator names, which is never replaced without it; a
    store (and, for an export from a project, a document imported into it) is not replaced even with it."""
    never = "a Tarjama project, memory or glossary"
    if project:
        never += ", or a document imported into the project"
    parser.add_argument(
        "--force",
        action="store_true",
        help=f"replace the file if it already exists (never {never})",
    )


def percentage(text: str) -> int:
    """A match percentage argument (0-101: 101 is a TM match whose context matches too)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 101:
        raise argparse.ArgumentTypeError(f"{text!r} is not a match percentage from 0 to 101")
    return value
