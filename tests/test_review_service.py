"""The review service (`tarjama.project.review`): QA before an approval, the merge check, and one read of the segment
per change, as both shells use them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tarjama.domain import ImportedDocument, Segment, Status
from tarjama.errors import SegmentError
from tarjama.project.review import ApprovalRefused, Review, check_approval, project_qa_context
from tarjama.project.schema import SEGMENT_QUERY
from tarjama.project.store import ProjectStore
from tarjama.qa import CheckName, QaContext, QaSettings, Severity

ATTACK = "وقع الهجوم في عام ٢٠١٦."
VISIT = "وصل الوزير إلى العاصمة."
BLAST = "قتل ٣ أشخاص في الانفجار."
WRONG_YEAR = "The attack happened in 2017."
RIGHT_YEAR = "The attack happened in 2016."


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    """Two paragraphs: the attack and the visit in the first, the blast in the second."""
    opened = ProjectStore.create(
        tmp_path / "news.tarjama", [ImportedDocument("news.txt", "txt", [f"{ATTACK} {VISIT}", BLAST])]
    )
    yield opened
    opened.close()


def everything(store: ProjectStore) -> tuple[list[Segment], list[list[object]]]:
    """What a refused change must leave as it was: every segment, and every segment's history."""
    segments = store.segments()
    return segments, [store.history(segment.id) for segment in segments]


# -- the QA rule for an approval --------------------------------------------------------------------------------


def test_an_error_refuses_an_approval_and_a_warning_does_not(store: ProjectStore) -> None:
    attack, visit, _ = store.segments()
    context = QaContext()
    refused = check_approval(attack, WRONG_YEAR, context)
    assert refused is not None and refused.refused
    assert [(f.check, f.severity) for f in refused.findings] == [
        (CheckName.NUMBER_MISSING, Severity.ERROR),
        (CheckName.NUMBER_EXTRA, Severity.WARNING),
    ]
    assert [f.check for f in refused.blocking] == [CheckName.NUMBER_MISSING]
    assert refused.segment == replace(attack, target=WRONG_YEAR, status=Status.APPROVED)

    allowed = check_approval(visit, "The minister arrived in the capital", context)
    assert allowed is not None and not allowed.refused
    assert [f.check for f in allowed.findings] == [CheckName.FINAL_PUNCTUATION], "listed, but no reason to refuse"


def test_findings_set_aside_and_checks_turned_off_do_not_refuse(store: ProjectStore) -> None:
    attack = store.segments()[0]
    ignored = QaContext(ignored={(attack.id, CheckName.NUMBER_MISSING.value): "the source has a typo"})
    assert not check_approval(attack, WRONG_YEAR, ignored).refused
    turned_off = QaContext(settings=QaSettings(disabled_checks=frozenset({CheckName.NUMBER_MISSING})))
    assert not check_approval(attack, WRONG_YEAR, turned_off).refused
    strict = QaContext(settings=QaSettings(blocking_severities=frozenset({Severity.ERROR, Severity.WARNING})))
    assert [f.check for f in check_approval(attack, RIGHT_YEAR.rstrip("."), strict).blocking] == [
        CheckName.FINAL_PUNCTUATION
    ]


def test_an_approval_that_changes_nothing_is_not_checked(store: ProjectStore) -> None:
    attack = Review(store).approve(store.segments()[0].id, WRONG_YEAR, force=True)
    assert check_approval(attack, WRONG_YEAR, QaContext()) is None
    assert check_approval(attack, RIGHT_YEAR, QaContext()) is not None, "a new text is checked"
    draft = replace(attack, status=Status.DRAFT)
    assert check_approval(draft, WRONG_YEAR, QaContext()) is not None, "approving the same text is checked"


# -- approving through the service ------------------------------------------------------------------------------


def test_a_refused_approval_saves_nothing_not_even_the_text(store: ProjectStore) -> None:
    attack = store.segments()[0]
    before = everything(store)
    with pytest.raises(ApprovalRefused) as refused:
        Review(store).approve(attack.id, WRONG_YEAR)
    assert [f.check for f in refused.value.check.blocking] == [CheckName.NUMBER_MISSING]
    assert str(refused.value) == (
        f"QA found errors in segment {attack.id} of news.tarjama, so it was not approved and nothing was saved. "
        "Correct the translation, or approve it anyway."
    )
    assert everything(store) == before


def test_force_approves_anyway_and_a_clean_text_is_approved(store: ProjectStore) -> None:
    attack, visit, blast = store.segments()
    review = Review(store)
    forced = review.approve(attack.id, WRONG_YEAR, force=True)
    assert (forced.target, forced.status) == (WRONG_YEAR, Status.APPROVED)
    clean = review.approve(blast.id, "Three people were killed in the blast.")
    assert clean.status == Status.APPROVED
    with_warning = review.approve(visit.id, "The minister arrived in the capital")
    assert with_warning.status == Status.APPROVED
    assert [s.status for s in store.segments()] == [Status.APPROVED] * 3


def test_approving_the_stored_text_checks_that_text(store: ProjectStore) -> None:
    attack = store.segments()[0]
    review = Review(store)
    review.edit(attack.id, WRONG_YEAR)
    with pytest.raises(ApprovalRefused):
        review.approve(attack.id)
    assert store.segment(attack.id).status == Status.DRAFT
    review.edit(attack.id, RIGHT_YEAR)
    assert review.approve(attack.id).status == Status.APPROVED


def test_the_project_context_holds_the_findings_set_aside(store: ProjectStore) -> None:
    attack = store.segments()[0]
    store.ignore_qa(attack.id, CheckName.NUMBER_MISSING.value, "the source has a typo")
    assert project_qa_context(store).ignored == {(attack.id, "number_missing"): "the source has a typo"}
    assert Review(store).approve(attack.id, WRONG_YEAR).status == Status.APPROVED


def test_the_qa_context_is_asked_for_only_when_an_approval_is_checked(store: ProjectStore) -> None:
    asked: list[int] = []

    def context() -> QaContext:
        asked.append(1)
        return QaContext()

    review = Review(store, qa_context=context)
    attack = store.segments()[0]
    review.edit(attack.id, RIGHT_YEAR)
    review.approve(attack.id, force=True)
    assert asked == []
    with pytest.raises(ApprovalRefused):
        review.approve(attack.id, WRONG_YEAR)
    assert asked == [1]


# -- the merge check --------------------------------------------------------------------------------------------


def test_the_merge_partner_is_the_next_segment_of_the_paragraph_only(store: ProjectStore) -> None:
    attack, visit, blast = store.segments()
    review = Review(store)
    assert review.merge_partner(attack) == visit
    with pytest.raises(SegmentError) as last:
        review.merge_partner(visit)
    message = "This is the last segment of its paragraph: there is no next segment to merge."
    assert str(last.value) == message
    with pytest.raises(SegmentError) as in_store:
        review.merge(blast.id)
    assert str(in_store.value) == message, "the window's check and the store's refusal say the same"
    merged, removed = review.merge(attack.id)
    assert (merged.source, removed) == (f"{ATTACK} {VISIT}", visit)


def test_a_split_keeps_the_target_with_the_first_part_as_a_draft(store: ProjectStore) -> None:
    attack = Review(store).approve(store.segments()[0].id, RIGHT_YEAR)
    first, second = Review(store).split(attack.id, len("وقع الهجوم "))
    assert (first.source, second.source) == ("وقع الهجوم", "في عام ٢٠١٦.")
    assert (first.target, first.status, second.target, second.status) == (RIGHT_YEAR, Status.DRAFT, "", Status.NEW)


# -- one read per change ----------------------------------------------------------------------------------------


def statements(store: ProjectStore, change) -> list[str]:  # noqa: ANN001 - a callable making the change
    ran: list[str] = []
    store._db.conn.set_trace_callback(ran.append)
    try:
        change()
    finally:
        store._db.conn.set_trace_callback(None)
    return [" ".join(statement.split()) for statement in ran]


def test_an_approval_reads_the_segment_once_and_returns_it_as_stored(store: ProjectStore) -> None:
    """Without a memory: one SELECT of the row, the UPDATE and the history row, and the segment returned is the one
    a fresh read gives."""
    attack = store.segments()[0]
    returned: list[Segment] = []
    ran = statements(store, lambda: returned.append(store.update_segment(attack.id, target=RIGHT_YEAR,
                                                                         status=Status.APPROVED)))
    assert [s.split()[0] for s in ran] == ["BEGIN", "SELECT", "UPDATE", "INSERT", "COMMIT"]
    assert ran[1].startswith(" ".join(SEGMENT_QUERY.split()))
    assert returned == [store.segment(attack.id)]
    entry = store.history(attack.id)[-1]
    assert (entry.target, entry.status, entry.reason, entry.saved_at) == (
        RIGHT_YEAR, Status.APPROVED, "edit", returned[0].updated_at
    )


@pytest.mark.parametrize(
    ("target", "status"),
    [("A draft.", None), (None, Status.APPROVED), (None, Status.REJECTED), ("", None), ("Approved.", Status.APPROVED)],
)
def test_what_update_segment_returns_is_what_is_stored(store: ProjectStore, target, status) -> None:  # noqa: ANN001
    blast = store.segments()[2]
    store.apply_machine_translations([(blast.id, *_machine("Three people died in the explosion.", 0.8))])
    assert store.update_segment(blast.id, target=target, status=status) == store.segment(blast.id)


def test_a_qa_check_with_the_change_still_reads_the_segment_once(store: ProjectStore) -> None:
    attack = store.segments()[0]
    review = Review(store, qa_context=QaContext)
    ran = statements(store, lambda: review.approve(attack.id, RIGHT_YEAR))
    assert sum(s.startswith("SELECT") for s in ran) == 1
    refused = statements(store, lambda: pytest.raises(ApprovalRefused, review.approve, attack.id, WRONG_YEAR))
    assert [s.split()[0] for s in refused] == ["BEGIN", "SELECT", "ROLLBACK"]


def _machine(text: str, confidence: float):  # noqa: ANN202 - (best, alternatives)
    from tarjama.domain import MachineSuggestion

    return MachineSuggestion(text, confidence), (MachineSuggestion(text.upper(), confidence / 2),)
