"""Reviewing a project's segments: editing, approving, splitting and merging them, by the rules both shells follow.

The window and `tarjama-cli` decide these the same way because the rules are here, once:

- An approval is checked by QA first (`check_approval`). Findings the translator set aside, and checks turned off,
  do not count; findings at a blocking severity (errors, unless the QA settings say otherwise) refuse the approval
  until the translator approves anyway. The window lists the findings in its QA pane and asks ("Approve anyway");
  the CLI prints them and exits 1 unless given `--force`. An approval that changes nothing is not checked.
- A merge needs a next segment in the same paragraph (`Review.merge_partner`); a split, two non-empty parts of the
  source (`ProjectStore.split_segment`).
- Replacing text in targets follows `tarjama.project.replace` (approved segments are left alone unless included).
- An approval fills the segment's repetitions that are not approved yet (`tarjama.project.repetitions`), unless the
  translator turned that off (`settings.PROPAGATE_REPETITIONS`, the window's menu, `--no-propagate`).

What stays in a shell is presentation and undo: the window's undo commands write through its session, which calls
the store and this service; the store keeps each change one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tarjama.domain import Segment, Status
from tarjama.errors import QT_TRANSLATE_NOOP, SegmentError
from tarjama.project.comments import CommentService
from tarjama.project.repetitions import RepetitionFill, fill_repetitions
from tarjama.qa import QaContext, QaIssue, QaSettings, TermSource, check_segment
from tarjama.settings import PROPAGATE_REPETITIONS

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore


@dataclass(frozen=True)
class ApprovalCheck:
    """What QA says about approving one segment with a given text."""

    #: The segment as the approval would save it: the new target, approved.
    segment: Segment
    #: Every finding on it that was not set aside: what the window's QA pane lists for the segment.
    findings: tuple[QaIssue, ...]
    #: Those of the findings that refuse the approval until the translator approves anyway.
    blocking: tuple[QaIssue, ...]

    @property
    def refused(self) -> bool:
        return bool(self.blocking)


def check_approval(segment: Segment, target: str, context: QaContext) -> ApprovalCheck | None:
    """QA on `segment` as it would be approved with `target`, against the project-wide facts in `context` (its
    settings say which checks run and which severities block; its `ignored`, which findings were set aside).

    None when approving changes nothing (the segment is approved with this text already): there is nothing to check,
    and a QA pane keeps what it listed."""
    if (target, segment.status) == (segment.target, Status.APPROVED):
        return None
    candidate = replace(segment, target=target, status=Status.APPROVED)
    findings = tuple(check_segment(candidate, context))
    return ApprovalCheck(candidate, findings, tuple(context.settings.blocking(findings)))


class ApprovalRefused(SegmentError):
    """QA found findings that block approving a segment, and nothing was saved; `check` holds them."""

    def __init__(self, check: ApprovalCheck, file: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "QA found errors in segment {segment} of {file}, so it was not approved and "
                                        "nothing was saved. Correct the translation, or approve it anyway."),
            segment=check.segment.id, file=file,
        )
        self.check = check


def project_qa_context(
    store: ProjectStore, glossary: TermSource | None = None, settings: QaSettings | None = None
) -> QaContext:
    """The facts QA compares a segment with, read from the project as it is now: every segment, the findings set
    aside, and the glossary (by default the project's own, as `tarjama-cli qa` and the window use). What a single
    approval outside the window is checked against; the window gathers its own on a worker thread."""
    if glossary is None:
        from tarjama.glossary.store import load_term_finder, project_glossary_path

        glossary = load_term_finder(project_glossary_path(store))
    return QaContext.for_segments(store.segments(), glossary, settings, store.ignored_qa())


def _qa_gate(context: QaContext, file: str) -> Callable[[Segment, str], None]:
    """What `ProjectStore.update_segment` calls before it approves a segment: refuses what QA blocks."""

    def gate(current: Segment, target: str) -> None:
        check = check_approval(current, target, context)
        if check is not None and check.refused:
            raise ApprovalRefused(check, file)

    return gate


class Review:
    """The review actions on one open project, each one transaction of its store.

    `qa_context` gives the facts an approval is checked against, asked for only when an approval is checked; by
    default they are read from the project then (`project_qa_context`)."""

    def __init__(self, store: ProjectStore, *, qa_context: Callable[[], QaContext] | None = None) -> None:
        self.store = store
        self._qa_context = qa_context or (lambda: project_qa_context(store))

    def edit(self, segment_id: int, target: str, *, reason: str = "edit", expected: str | None = None) -> Segment:
        """Give a segment a new target: a draft to approve later (new again when emptied), as in every CAT tool."""
        return self.store.update_segment(segment_id, target=target, reason=reason, expected=expected)

    def approve(
        self, segment_id: int, target: str | None = None, *, force: bool = False, expected: str | None = None
    ) -> Segment:
        """Approve a segment, with `target` as its text if given; returns it as saved.

        QA checks the text first, inside the same transaction and on the row about to be written, so what was
        checked is what is approved: ApprovalRefused (holding the findings) when findings block it, with nothing
        saved, not even the new text. `force` approves anyway, without checking: the translator has seen the
        findings, or asked not to be held up by them."""
        # The facts are gathered before the transaction: they may take reading the whole project.
        gate = None if force else _qa_gate(self._qa_context(), self.store.path.name)
        return self.store.update_segment(
            segment_id, target=target, status=Status.APPROVED, expected=expected, before_write=gate
        )

    def approve_and_propagate(
        self,
        segment_id: int,
        target: str | None = None,
        *,
        force: bool = False,
        expected: str | None = None,
        propagate: bool = PROPAGATE_REPETITIONS,
    ) -> tuple[Segment, RepetitionFill]:
        """`approve`, then (when `propagate`) `fill_repetitions`: what `tarjama-cli edit --approve` does. The window
        makes the two one undo step of its own, calling the same two."""
        segment = self.approve(segment_id, target, force=force, expected=expected)
        return segment, self.fill_repetitions(segment) if propagate else RepetitionFill()

    def fill_repetitions(self, approved: Segment, segments: Iterable[Segment] | None = None) -> RepetitionFill:
        """Fill the repetitions of a segment just approved that are not approved yet with its translation (see
        `tarjama.project.repetitions`); `segments`, the project as the caller holds it (read from the store when
        not given)."""
        return fill_repetitions(self.store, approved, self.store.segments() if segments is None else segments)

    def merge_partner(self, segment: Segment) -> Segment:
        """The segment a merge would join to `segment`: the next one in its paragraph, as stored. SegmentError,
        with the words to show, when there is none; the window asks before it makes the merge an undo step."""
        return self.store.next_in_paragraph(segment)

    def split(self, segment_id: int, offset: int, *, new_id: int | None = None) -> tuple[Segment, Segment]:
        """Split a segment's source at `offset` (see `ProjectStore.split_segment`: the target stays, as a draft,
        with the first part); `new_id` lets undo and redo give the second part the id it had, and its comments."""
        with self.store.batch():
            first, second = self.store.split_segment(segment_id, offset, new_id=new_id)
            if new_id is not None:
                CommentService(self.store).follow_split(first.id, second.id)
        return self.store.segment(first.id), self.store.segment(second.id)

    def merge(self, segment_id: int) -> tuple[Segment, Segment]:
        """Merge a segment with the next one in its paragraph (see `ProjectStore.merge_with_next`); returns (merged,
        removed as it was); the removed segment's comments go to the merged one."""
        with self.store.batch():
            merged, removed = self.store.merge_with_next(segment_id)
            CommentService(self.store).follow_merge(merged.id, removed.id)
        return self.store.segment(merged.id), removed
