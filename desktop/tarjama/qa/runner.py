"""Running the checks: on one segment (as the window approves it) or on a whole project (the QA pane, the CLI)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tarjama.domain import Segment
from tarjama.qa.checks import TARGET_CHECKS, empty_target
from tarjama.qa.context import QaContext, TermSource
from tarjama.qa.issues import QaIssue
from tarjama.qa.settings import QaSettings

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore


def check_segment(segment: Segment, context: QaContext) -> list[QaIssue]:
    """The findings of the enabled checks on one segment, as it is given, without those set aside.

    To check a segment before approving it, pass it as it would be saved: `dataclasses.replace(segment,
    target=new_text, status=Status.APPROVED)`.
    """
    if segment.target.strip():
        issues = [issue for check in TARGET_CHECKS for issue in check(segment, context)]
    else:
        issues = list(empty_target(segment, context))
    return [
        issue
        for issue in issues
        if context.settings.enabled(issue.check) and (issue.segment_id, issue.check) not in context.ignored
    ]


def check_project(
    store: ProjectStore, glossary: TermSource | None = None, settings: QaSettings | None = None
) -> list[QaIssue]:
    """The findings on every segment in document order, without those a translator set aside (`ignore_qa`)."""
    segments = store.segments()
    context = QaContext.for_segments(segments, glossary, settings, store.ignored_qa())
    return [issue for segment in segments for issue in check_segment(segment, context)]
