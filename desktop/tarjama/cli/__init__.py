"""`tarjama-cli`: the headless face of Tarjama, calling the same core services as the window.

Each group of commands lives in its own module with a `register(subparsers)` function; this module assembles them
and turns domain errors into messages and exit codes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tarjama.bundled_models import install_bundled_models, report_bundled_installs
from tarjama.cli import glossary_commands, model_commands, project_commands, qa_commands, report_commands, tm_commands
from tarjama.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from tarjama.errors import TarjamaError

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_OK", "build_parser", "main"]

COMMAND_GROUPS = (project_commands, model_commands, tm_commands, report_commands, glossary_commands, qa_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tarjama-cli", description="Review Arabic→English translation projects.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    report_bundled_installs(install_bundled_models())  # the offline edition's packages, on its first command
    try:
        code = args.handler(args)
    except TarjamaError as exc:
        print(f"tarjama-cli: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"tarjama-cli: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK if code is None else code


if __name__ == "__main__":
    sys.exit(main())
