"""The replace rule, without Qt: which targets change, into what, and what is counted."""

from __future__ import annotations

from tarjama.domain import Segment, Status
from tarjama.project.replace import plan_replace, replaced_text


def segment(number: int, target: str, status: Status = Status.DRAFT) -> Segment:
    return Segment(
        id=number, paragraph_id=1, paragraph_index=0, position=number, source="جملة.", target=target, status=status
    )


SEGMENTS = [
    segment(1, "The Minister met the minister."),
    segment(2, "No match here."),
    segment(3, "The minister said so.", Status.APPROVED),
    segment(4, "A minister arrived.", Status.MACHINE),
]


def test_every_occurrence_is_replaced_in_any_case_and_taken_literally() -> None:
    assert replaced_text("The Minister met the minister.", "minister", r"envoy \1 $&") == (
        r"The envoy \1 $& met the envoy \1 $&."
    )
    assert replaced_text("a.b axb", ".", "!") == "a!b axb"
    assert replaced_text("unchanged", "", "x") == "unchanged"


def test_approved_segments_are_skipped_and_counted_unless_included() -> None:
    plan = plan_replace(SEGMENTS, "minister", "envoy")
    assert [(r.segment.id, r.target) for r in plan.replacements] == [
        (1, "The envoy met the envoy."),
        (4, "A envoy arrived."),
    ]
    assert (plan.changed, plan.skipped, [s.id for s in plan.skipped_approved]) == (2, 1, [3])

    included = plan_replace(SEGMENTS, "minister", "envoy", include_approved=True)
    assert [r.segment.id for r in included.replacements] == [1, 3, 4]
    assert included.skipped == 0


def test_only_targets_that_change_count() -> None:
    plan = plan_replace(SEGMENTS, "minister", "minister")
    assert [r.segment.id for r in plan.replacements] == [1], "only the capital M changes"
    assert plan.skipped == 0, "an approved target that would read the same is no skip"
    assert plan_replace(SEGMENTS, "absent", "x").changed == 0
