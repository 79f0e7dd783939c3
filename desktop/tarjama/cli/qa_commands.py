"""`tarjama-cli qa`: run the QA checks on a project and list the findings, for people or as JSON."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tarjama.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, command
from tarjama.cli.terminal import Out
from tarjama.project.store import ProjectStore
from tarjama.qa import CheckName, QaIssue, QaSettings, Severity, TermSource, check_project

EXIT_CODES = (
    f"Exit status: {EXIT_OK} when the check ran and found no error (warnings and notes may be listed); {EXIT_FAILED} "
    f"when it found at least one error; {EXIT_BAD_INPUT} when the project or glossary cannot be read."
)


def _term_source(store: ProjectStore, path: Path | None) -> TermSource:
    """The glossary named on the command line, which must exist, or else the project's own (none yet is fine)."""
    from tarjama.glossary.store import Glossary, load_term_finder, project_glossary_path

    if path is None:
        return load_term_finder(project_glossary_path(store))
    with Glossary.open(path) as glossary:
        return glossary.term_finder()


def _issue_json(issue: QaIssue) -> dict[str, object]:
    return {
        "segment_id": issue.segment_id,
        "check": issue.check.value,
        "severity": issue.severity.value,
        "message": issue.message,
    }


#: How the summary counts findings of each severity: (one, more).
_COUNTED = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("note", "notes"),
}


def finding_line(issue: QaIssue) -> str:
    """One finding as the CLI prints it: segment, severity, check, message (tab-separated)."""
    return f"{issue.segment_id}\t{issue.severity.value}\t{issue.check.value}\t{issue.message}"


def findings_summary(issues: Sequence[QaIssue]) -> str:
    """How many findings of each severity, in how many segments: the line after the findings."""
    if not issues:
        return "No findings."
    counts = Counter(issue.severity for issue in issues)
    parts = [f"{n} {_COUNTED[severity][n != 1]}" for severity in Severity if (n := counts[severity])]
    segments = len({issue.segment_id for issue in issues})
    return f"{', '.join(parts)} in {segments} segment{'s' if segments != 1 else ''}."


def cmd_qa(args: argparse.Namespace, out: Out) -> int:
    settings = QaSettings(disabled_checks=frozenset(args.skip))
    with ProjectStore.open(args.project) as store:
        issues = check_project(store, _term_source(store, args.glossary), settings)
    if args.json:
        out.json([_issue_json(issue) for issue in issues])
    else:
        for issue in issues:
            out.line(finding_line(issue))
        out.note(findings_summary(issues))
    return EXIT_FAILED if any(issue.severity == Severity.ERROR for issue in issues) else EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "qa",
        cmd_qa,
        "Check a project's translations: numbers, glossary terms, punctuation, spacing, length, consistency, "
        "inline tags.",
        details="Prints one finding per line: segment, severity, check, message (tab-separated). Findings set aside "
        "in the window are left out.",
    )
    p.epilog = EXIT_CODES
    p.add_argument("project", type=Path, help="the project file (*.tarjama)")
    p.add_argument("--json", action="store_true", help="print the findings as a JSON list (never reordered)")
    p.add_argument(
        "--glossary", type=Path, help="the glossary to check terms against (default: the one the project uses)"
    )
    p.add_argument(
        "--skip",
        action="append",
        type=CheckName,
        choices=list(CheckName),
        default=[],
        metavar="CHECK",
        help=f"leave out a check (repeatable): {', '.join(CheckName)}",
    )
