"""Running the checks: on one segment (as the window approves it) or on a whole project (the QA pane, the CLI)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tarjama.domain import Segment
from tarjama.inline_tags import has_marks, plain, plain_positions
from tarjama.qa.checks import TARGET_CHECKS, empty_target, tags
from tarjama.qa.context import QaContext, TermSource
from tarjama.qa.issues import QaIssue
from tarjama.qa.settings import QaSettings

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore


def _without_marks(segment: Segment) -> tuple[Segment, list[int]]:
    """The segment with plain source and target, and where each character of that target is in the real one."""
    if not (has_marks(segment.source) or has_marks(segment.target)):
        return segment, []
    target, positions = plain_positions(segment.target)
    return replace(segment, source=plain(segment.source), target=target), positions


def _in_target(issue: QaIssue, positions: list[int], target_length: int) -> QaIssue:
    """A finding on the plain target with its spans moved onto the target as written (marks inside a span stay
    inside it, so highlighting a bold word covers its chip)."""
    if not positions or not issue.spans:
        return issue

    def moved(at: int) -> int:
        return positions[at] if at < len(positions) else target_length

    spans = tuple((moved(start), positions[end - 1] + 1 if end > start else moved(start)) for start, end in issue.spans)
    return replace(issue, spans=spans)


def check_segment(segment: Segment, context: QaContext) -> list[QaIssue]:
    """The findings of the enabled checks on one segment, as it is given, without those set aside.

    Every check but `tags` sees the source and target without their tag marks, so a tagged segment has exactly the
    findings of its plain text (their spans put back on the text as written), plus those on its tags. To check a
    segment before approving it, pass it as it would be saved: `dataclasses.replace(segment, target=new_text,
    status=Status.APPROVED)`.
    """
    text, positions = _without_marks(segment)
    if text.target.strip():
        issues = [_in_target(issue, positions, len(segment.target)) for check in TARGET_CHECKS
                  for issue in check(text, context)]
        issues.extend(tags(segment, context))
    else:
        issues = list(empty_target(text, context))
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
