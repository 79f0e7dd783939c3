"""Which QA checks run and which findings hold up an approval: plain data the window keeps and the CLI passes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tarjama.qa.issues import CheckName, QaIssue, Severity


@dataclass(frozen=True)
class QaSettings:
    """Every check is on unless listed in `disabled_checks` (so a check added later is on by default); findings of a
    severity in `blocking_severities` make the window ask for confirmation before it approves a segment."""

    disabled_checks: frozenset[CheckName] = frozenset()
    blocking_severities: frozenset[Severity] = field(default_factory=lambda: frozenset({Severity.ERROR}))

    def enabled(self, check: CheckName) -> bool:
        return check not in self.disabled_checks

    def blocking(self, issues: Iterable[QaIssue]) -> list[QaIssue]:
        """The findings that should stop an approval until the translator confirms it."""
        return [issue for issue in issues if issue.severity in self.blocking_severities]
