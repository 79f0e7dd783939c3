"""QA on tagged segments: the tag checks name each problem by the tag's number and type, every other check sees
through the marks (a tagged segment has exactly its plain text's findings), a missing tag blocks approval in the
review service and the CLI, and the CLI prints tags as ⟨1⟩…⟨/1⟩ ⟨3/⟩, never as raw private-use characters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tarjama.arabic import normalise_for_matching
from tarjama.cli import EXIT_FAILED, EXIT_OK
from tarjama.domain import GlossaryEntry, ImportedDocument, Segment, Status
from tarjama.glossary.matching import TermFinder
from tarjama.inline_tags import (
    MARK,
    InlineTag,
    TagKind,
    close_mark,
    from_readable,
    open_mark,
    plain,
    readable,
    standalone_mark,
)
from tarjama.project.review import ApprovalRefused, Review
from tarjama.project.store import ProjectStore
from tarjama.qa import SEVERITIES, CheckName, QaContext, QaIssue, Severity, check_segment
from test_cli import run

B, IT, LINK, NOTE = 1, 2, 3, 4
TABLE = {
    B: InlineTag(B, TagKind.PAIRED, "bold", "Bold"),
    IT: InlineTag(IT, TagKind.PAIRED, "italic", "Italic"),
    LINK: InlineTag(LINK, TagKind.PAIRED, "link", "https://example.org"),
    NOTE: InlineTag(NOTE, TagKind.STANDALONE, "footnote", "Footnote 1"),
}
TAG_CHECKS = {CheckName.TAG_MISSING, CheckName.TAG_EXTRA, CheckName.TAG_CLOSED_FIRST, CheckName.TAG_OVERLAP}


def o(tag_id: int) -> str:
    return open_mark(tag_id)


def c(tag_id: int) -> str:
    return close_mark(tag_id)


def wrap(tag_id: int, text: str) -> str:
    return o(tag_id) + text + c(tag_id)


def segment(source: str, target: str, status: Status = Status.DRAFT, segment_id: int = 1) -> Segment:
    return Segment(segment_id, 1, 0, 0, source, target=target, status=status, tags=TABLE)


def findings(source: str, target: str, status: Status = Status.DRAFT) -> list[QaIssue]:
    return check_segment(segment(source, target, status), QaContext())


#: Bold "the minister", a link around "the capital", a footnote after the sentence.
SOURCE = "وصل " + wrap(B, "الوزير") + " إلى " + wrap(LINK, "العاصمة") + "." + standalone_mark(NOTE)
TARGET = wrap(B, "The minister") + " arrived in " + wrap(LINK, "the capital") + "." + standalone_mark(NOTE)


# -- the tag checks ------------------------------------------------------------------------------------------------


def test_a_target_with_every_tag_in_place_has_no_finding() -> None:
    assert findings(SOURCE, TARGET) == []
    # Word order changes between languages: pairs may come in another order, standalone tags anywhere.
    reordered = "In " + wrap(LINK, "the capital") + standalone_mark(NOTE) + ", " + wrap(B, "the minister") + " arrived."
    assert findings(SOURCE, reordered) == []
    nested = wrap(B, "قال " + wrap(IT, "الوزير")) + "."
    assert findings(nested, wrap(B, "The " + wrap(IT, "minister") + " said") + ".") == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            "The minister arrived in " + wrap(LINK, "the capital") + "." + standalone_mark(NOTE),
            [(CheckName.TAG_MISSING, "Tag 1 (bold) is missing from the translation.")],
        ),
        (
            wrap(B, "The minister") + " arrived in " + wrap(LINK, "the capital") + ".",
            [(CheckName.TAG_MISSING, "Tag 4 (footnote) is missing from the translation.")],
        ),
        (
            o(B) + "The minister arrived in " + wrap(LINK, "the capital") + "." + standalone_mark(NOTE),
            [(CheckName.TAG_MISSING, "The end of tag 1 (bold) is missing from the translation.")],
        ),
        (
            wrap(B, "The minister") + " arrived in the capital" + c(LINK) + "." + standalone_mark(NOTE),
            [(CheckName.TAG_MISSING, "The start of tag 3 (link) is missing from the translation.")],
        ),
        (
            TARGET.replace("arrived", wrap(IT, "arrived")),
            [(CheckName.TAG_EXTRA, "Tag 2 (italic) is in the translation but not in the source.")],
        ),
        (
            TARGET + standalone_mark(9),
            [(CheckName.TAG_EXTRA, "Tag 9 is in the translation but not in the source.")],
        ),
        (
            TARGET.replace(".", standalone_mark(NOTE) + "."),
            [(CheckName.TAG_EXTRA, "Tag 4 (footnote) is in the translation more than once.")],
        ),
        (
            wrap(B, "The minister") + " arrived in " + c(LINK) + "the capital" + o(LINK) + "." + standalone_mark(NOTE),
            [(CheckName.TAG_CLOSED_FIRST, "Tag 3 (link) is closed before it is opened.")],
        ),
    ],
)
def test_each_tag_problem_is_found_and_names_the_tag(target: str, expected: list[tuple[CheckName, str]]) -> None:
    found = findings(SOURCE, target)
    assert [(f.check, f.message) for f in found] == expected
    assert all(f.severity is Severity.ERROR for f in found)


def test_overlapping_tags_are_a_warning_that_names_both() -> None:
    source = wrap(B, "قال " + wrap(IT, "الوزير")) + "."
    target = o(B) + "The " + o(IT) + "minister" + c(B) + " said" + c(IT) + "."
    (found,) = findings(source, target)
    assert (found.check, found.severity) == (CheckName.TAG_OVERLAP, Severity.WARNING)
    assert found.message == (
        "Tags 1 (bold) and 2 (italic) overlap: tag 1 ends while tag 2, which starts inside it, is still open. End "
        "tag 2 first, or start it outside tag 1."
    )
    assert [target[a:b] for a, b in found.spans] == [c(B)]


def test_spans_point_at_the_marks_in_question() -> None:
    target = TARGET.replace("arrived", wrap(IT, "arrived"))
    (extra,) = findings(SOURCE, target)
    assert [target[a:b] for a, b in extra.spans] == [o(IT), c(IT)]
    closed_first = TARGET.replace(wrap(LINK, "the capital"), c(LINK) + "the capital" + o(LINK))
    (finding,) = findings(SOURCE, closed_first)
    assert [closed_first[a:b] for a, b in finding.spans] == [c(LINK)]


def test_a_draft_without_a_translation_yet_has_no_tag_finding() -> None:
    assert findings(SOURCE, "") == []
    assert [f.check for f in findings(SOURCE, "", Status.APPROVED)] == [CheckName.EMPTY_TARGET]
    # Marks without words are no translation: approved, it is "empty", not a tag problem.
    assert [f.check for f in findings(SOURCE, wrap(B, ""), Status.APPROVED)] == [CheckName.EMPTY_TARGET]


def test_tag_findings_can_be_turned_off_and_set_aside() -> None:
    from tarjama.qa import QaSettings

    target = "The minister arrived in the capital."
    assert {f.check for f in findings(SOURCE, target)} == {CheckName.TAG_MISSING}
    off = QaContext(settings=QaSettings(disabled_checks=frozenset({CheckName.TAG_MISSING})))
    assert check_segment(segment(SOURCE, target), off) == []
    aside = QaContext(ignored={(1, CheckName.TAG_MISSING.value): "the client wants it plain"})
    assert check_segment(segment(SOURCE, target), aside) == []


# -- every other check sees through the marks ----------------------------------------------------------------------

GLOSSARY = TermFinder(
    [
        GlossaryEntry("الحكومة", ("government",), forbidden=("regime",)),
        GlossaryEntry("داعش", ("Islamic State group", "ISIS"), forbidden=("Islamic State",)),
        GlossaryEntry("الجيش الحر", ("Free Syrian Army",)),
    ]
)
_FILLER = [
    ("وصل الوزير إلى العاصمة صباح اليوم.", "The minister arrived in the capital this morning."),
    ("غادر الرئيس المدينة مساء أمس.", "The president left the city last night."),
    ("اجتمع المجلس لمناقشة الميزانية الجديدة.", "The council met to discuss the new budget."),
]
#: Pairs that between them give a finding of every check but the tag checks (asserted below), and correct ones.
PAIRS: list[tuple[str, str, Status]] = [
    ("قالت الحكومة إن الوضع مستقر.", "The regime said the situation was stable.", Status.DRAFT),
    ("قالت الحكومة إن الوضع مستقر.", "The government said the situation was stable.", Status.APPROVED),
    ("قالت الحكومة إن الوضع مستقر.", "The government said that the situation is stable.", Status.APPROVED),
    ("هاجم تنظيم داعش القرية.", "The Islamic State attacked the village.", Status.DRAFT),
    ("هاجم تنظيم داعش القرية.", "The Islamic State group attacked the village.", Status.DRAFT),
    ("تقدم الجيش الحر نحو المدينة.", "The Free Syrian Army advanced towards the city.", Status.DRAFT),
    ("تقدم الجيش الحر نحو المدينة.", "The rebels advanced towards the city.", Status.DRAFT),
    ("قتل ٣ أشخاص في عام ٢٠١٦.", "Three people were killed in 2017.", Status.DRAFT),
    ("ارتفع التضخم إلى ٥ ٪.", "Inflation rose to 5 and 7.", Status.DRAFT),
    ("وصل الوفد.", "وصل الوفد.", Status.DRAFT),
    ("وصل الوفد.", "The delegation وصل.", Status.DRAFT),
    ("هل وصل الوفد؟", "Has the delegation arrived؟", Status.DRAFT),
    ("وصل الوفد.", "The delegation\u200b arrived.", Status.DRAFT),
    ("وصل الوفد (أمس).", "The delegation arrived (yesterday.", Status.DRAFT),
    ("قال: «وصل الوفد».", 'He said: "The delegation arrived.', Status.DRAFT),
    ("وصل الوفد.", "The  delegation arrived.", Status.DRAFT),
    ("وصل الوفد.", " The delegation arrived. ", Status.DRAFT),
    ("وصل الوفد.", "The delegation arrived", Status.DRAFT),
    ("وصل الوفد", "The delegation arrived!", Status.DRAFT),
    ("وصل الوفد.", "The delegation arived.", Status.DRAFT),
    ("وصل الوفد.", "", Status.APPROVED),
    (
        "وصل الوزير إلى العاصمة صباح اليوم.",
        "The minister arrived in the capital this morning, and then he went on and on and on and on, and on again.",
        Status.DRAFT,
    ),
    *[(source, target, Status.DRAFT) for source, target in _FILLER * 4],
]


@st.composite
def tagged(draw: st.DrawFn, text: str) -> str:
    """`text` with marks put anywhere, inside words too: pairs one after another (ids from 1), one pair around
    everything sometimes, and standalone tags; each tag once, as a document has it."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    cuts = cuts[: len(cuts) // 2 * 2]
    inserts: dict[int, str] = {}
    for number, (start, end) in enumerate(zip(cuts[::2], cuts[1::2], strict=True), start=1):
        inserts[start] = inserts.get(start, "") + o(number)
        inserts[end] = inserts.get(end, "") + c(number)
    for number, position in enumerate(draw(st.lists(st.integers(0, len(text)), max_size=2)), start=10):
        inserts[position] = inserts.get(position, "") + standalone_mark(number)
    marked = "".join(inserts.get(i, "") + char for i, char in enumerate(text)) + inserts.get(len(text), "")
    return wrap(9, marked) if draw(st.booleans()) else marked


def project(pairs: list[tuple[str, str, Status]]) -> list[Segment]:
    return [segment(source, target, status, index) for index, (source, target, status) in enumerate(pairs, start=1)]


def plain_findings(segments: list[Segment]) -> list[QaIssue]:
    context = QaContext.for_segments(segments, GLOSSARY)
    return [finding for s in segments for finding in check_segment(s, context)]


PLAIN_FINDINGS = plain_findings(project(PAIRS))


def test_the_pairs_give_a_finding_of_every_check_but_the_tag_checks() -> None:
    assert {f.check for f in PLAIN_FINDINGS} == set(CheckName) - TAG_CHECKS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_marks_around_words_do_not_change_any_checks_findings(data: st.DataObject) -> None:
    """Marks anywhere in the sources and targets of a whole project (so its length bounds and approved translations
    are built from tagged text too): each check says the same about each segment, with spans over the same text.
    The tag findings are the tag checks' own business."""
    marked = [(data.draw(tagged(s)), data.draw(tagged(t)), status) for s, t, status in PAIRS]
    segments = project(marked)
    context = QaContext.for_segments(segments, GLOSSARY)
    by_segment = {s.id: s for s in segments}
    found = [f for s in segments for f in check_segment(s, context) if f.check not in TAG_CHECKS]
    for check in set(CheckName) - TAG_CHECKS:
        tagged_findings = [f for f in found if f.check == check]
        plain_findings_of_check = [f for f in PLAIN_FINDINGS if f.check == check]
        assert [(f.segment_id, f.severity, f.message) for f in tagged_findings] == [
            (f.segment_id, f.severity, f.message) for f in plain_findings_of_check
        ], check
        for tagged_finding, plain_finding in zip(tagged_findings, plain_findings_of_check, strict=True):
            target = by_segment[tagged_finding.segment_id].target
            assert [plain(target[a:b]) for a, b in tagged_finding.spans] == [
                plain(target)[a:b] for a, b in plain_finding.spans
            ], check


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_a_target_tagged_as_its_source_has_exactly_the_plain_findings(data: st.DataObject) -> None:
    """The same tags on both sides (wherever they fall): no tag finding, and nothing else changes."""
    pair_index = data.draw(st.integers(0, len(PAIRS) - 1))
    source, target, status = PAIRS[pair_index]
    source_marked = data.draw(tagged(source))
    # The target gets the source's marks in the source's order, at places of its own.
    source_marks = MARK.findall(source_marked)
    size = len(source_marks)
    places = sorted(data.draw(st.lists(st.integers(0, len(target)), min_size=size, max_size=size)))
    pieces, last = [], 0
    for at, mark in zip(places, source_marks, strict=True):
        pieces += [target[last:at], mark]
        last = at
    target_marked = "".join(pieces) + target[last:]
    plain_pair = [f for f in PLAIN_FINDINGS if f.segment_id == pair_index + 1]
    marked = replace(project(PAIRS)[pair_index], source=source_marked, target=target_marked)
    context = QaContext.for_segments(project(PAIRS), GLOSSARY)
    assert [(f.check, f.message) for f in check_segment(marked, context)] == [(f.check, f.message) for f in plain_pair]


def test_the_brief_cases_read_as_their_plain_text() -> None:
    """"Hello.</b>" ends with a full stop, a bold phrase is the glossary's phrase, a space inside a tag is a space."""
    source = wrap(B, "قال مرحبا.")
    assert findings(source, wrap(B, "He said hello.")) == []
    (stop,) = findings(source, wrap(B, "He said hello"))
    assert stop.message == "The source ends with “.”; the translation has no punctuation at the end."
    (space,) = findings(source, wrap(B, "He said hello. "))
    assert space.check == CheckName.EDGE_SPACES and space.spans == ((15, 16),)
    context = QaContext(glossary=GLOSSARY)
    source = "تقدم " + wrap(B, "الجيش") + " الحر."
    target = "The " + wrap(B, "Free Syrian") + " Army advanced."
    assert check_segment(segment(source, target), context) == []
    rebels = "The " + wrap(B, "rebels") + " advanced."
    (missed,) = check_segment(segment(source, rebels), context)
    assert missed.message == "The glossary says to translate “الجيش الحر” as “Free Syrian Army”."
    assert [f.check for f in check_segment(segment(source, plain(rebels)), context)] == [
        CheckName.GLOSSARY_TERM, CheckName.TAG_MISSING
    ]


def test_a_glossary_term_is_found_inside_tags_and_across_them() -> None:
    for source in (
        "تقدم " + wrap(B, "الجيش الحر") + ".",
        "تقدم " + wrap(B, "الجيش") + " الحر.",
        "تقدم " + wrap(B, "وال" + wrap(IT, "جيش")) + " الحر" + standalone_mark(NOTE) + ".",
    ):
        (hit,) = GLOSSARY.find_terms(source)
        assert hit.entry.source == "الجيش الحر"
        assert normalise_for_matching(source[hit.start : hit.end]).endswith("جيش الحر")


# -- approval: the review service and the CLI ----------------------------------------------------------------------


@pytest.fixture
def tagged_project(tmp_path: Path) -> Path:
    path = tmp_path / "tagged.tarjama"
    document = ImportedDocument("news.docx", "docx", [SOURCE], tags=(TABLE,))
    ProjectStore.create(path, [document]).close()
    return path


def test_review_refuses_an_approval_that_loses_a_tag_and_force_approves_it(tagged_project: Path) -> None:
    untagged = "The minister arrived in the capital."
    with ProjectStore.open(tagged_project) as store:
        review = Review(store)
        with pytest.raises(ApprovalRefused) as refused:
            review.approve(1, untagged)
        assert [(f.check, f.message) for f in refused.value.check.blocking] == [
            (CheckName.TAG_MISSING, "Tag 1 (bold) is missing from the translation."),
            (CheckName.TAG_MISSING, "Tag 3 (link) is missing from the translation."),
            (CheckName.TAG_MISSING, "Tag 4 (footnote) is missing from the translation."),
        ]
        assert store.segment(1).status is not Status.APPROVED
        assert review.approve(1, TARGET).status is Status.APPROVED
        assert review.approve(1, untagged, force=True).target == untagged


def test_an_overlap_alone_does_not_hold_up_approval(tagged_project: Path) -> None:
    overlapping = o(B) + "The " + o(LINK) + "minister" + c(B) + " arrived in the capital" + c(LINK) + "."
    overlapping += standalone_mark(NOTE)
    with ProjectStore.open(tagged_project) as store:
        assert SEVERITIES[CheckName.TAG_OVERLAP] is Severity.WARNING
        assert Review(store).approve(1, overlapping).status is Status.APPROVED


def test_the_cli_lists_tags_readably_and_takes_them_back_in_a_target(
    tagged_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "segments", tagged_project)
    assert code == EXIT_OK and not MARK.search(out)
    assert out.split("\t")[3] == "وصل ⟨1⟩الوزير⟨/1⟩ إلى ⟨3⟩العاصمة⟨/3⟩.⟨4/⟩"

    code, out, err = run(capsys, "edit", tagged_project, "1", "--target", "The minister arrived.", "--approve")
    assert code == EXIT_FAILED and not MARK.search(out + err)
    assert "1\terror\ttag_missing\tTag 1 (bold) is missing from the translation." in out.splitlines()
    assert "--force" in err

    readable_target = readable(TARGET)
    assert readable_target == "⟨1⟩The minister⟨/1⟩ arrived in ⟨3⟩the capital⟨/3⟩.⟨4/⟩"
    assert run(capsys, "edit", tagged_project, "1", "--target", readable_target, "--approve")[:2] == (
        EXIT_OK, "Segment 1: approved\n"
    )
    with ProjectStore.open(tagged_project) as store:
        assert store.segment(1).target == TARGET
    code, out, _ = run(capsys, "segments", tagged_project)
    assert out.rstrip("\n").split("\t")[4] == readable_target


def test_the_cli_qa_names_tags_without_raw_marks(tagged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = wrap(B, "The minister") + " arrived in " + c(LINK) + "the capital" + o(LINK) + "."
    assert run(capsys, "edit", tagged_project, "1", "--target", readable(broken))[0] == EXIT_OK
    code, out, _ = run(capsys, "qa", tagged_project)
    assert code == EXIT_FAILED and not MARK.search(out)
    assert out.splitlines() == [
        "1\terror\ttag_missing\tTag 4 (footnote) is missing from the translation.",
        "1\terror\ttag_closed_first\tTag 3 (link) is closed before it is opened.",
    ]


@given(st.text(alphabet=st.sampled_from([*"ab ⟨⟩/12", o(1), c(1), standalone_mark(3), o(1000)])))
def test_readable_text_reads_back_as_the_marks(text: str) -> None:
    if "⟨" not in text:  # a typed "⟨1⟩" is taken for a tag: that is the notation
        assert from_readable(readable(text)) == text
    assert not MARK.search(readable(text))
    assert from_readable("⟨0⟩ ⟨/1/⟩ ⟨2000⟩ ⟨x⟩") == "⟨0⟩ ⟨/1/⟩ ⟨2000⟩ ⟨x⟩"


def test_the_qa_pane_names_the_tag_type_in_the_ui_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QCoreApplication

    from tarjama.inline_tags import TAG_TYPE_NAMES
    from tarjama.ui.common.tag_names import TAG_TYPE_NAMES_MARKED
    from tarjama.ui.qa import pane

    assert TAG_TYPE_NAMES_MARKED == TAG_TYPE_NAMES  # every name the core gives is marked for translation

    real = QCoreApplication.translate
    monkeypatch.setattr(QCoreApplication, "translate",
                        lambda context, text, *rest: text.upper() if context == "TagTypes" else real(context, text))
    (missing,) = findings(SOURCE, TARGET.replace(standalone_mark(NOTE), ""))
    assert pane.issue_message(missing) == "Tag 4 (FOOTNOTE) is missing from the translation."
    (extra,) = findings(SOURCE, TARGET + standalone_mark(9))
    assert pane.issue_message(extra) == extra.message == "Tag 9 is in the translation but not in the source."
