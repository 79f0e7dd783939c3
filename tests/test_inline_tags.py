"""The inline tag model (`tarjama.inline_tags`): marks in the text, their tables in the project, and the rules every
format, MT, the TM and QA share."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from old_projects import project_of_version
from tarjama.arabic import normalise_for_matching
from tarjama.domain import ImportedDocument
from tarjama.inline_tags import (
    InlineTag,
    Role,
    TagKind,
    TagProblem,
    as_text,
    close_mark,
    mark_of,
    marks,
    missing_marks,
    open_mark,
    place_at_ends,
    plain,
    plain_positions,
    protect_literals,
    standalone_mark,
    table_from_json,
    table_to_json,
    tag_issues,
    transfer,
)
from tarjama.project.segmentation import split_sentences
from tarjama.project.store import ProjectStore

B, IT, FN = 1, 2, 3
BOLD = InlineTag(B, TagKind.PAIRED, "bold", "Bold", "<w:rPr><w:b/></w:rPr>")
ITALIC = InlineTag(IT, TagKind.PAIRED, "italic", "Italic", "<w:rPr><w:i/></w:rPr>")
NOTE = InlineTag(FN, TagKind.STANDALONE, "footnote", "Footnote 1", '<w:footnoteReference w:id="1"/>')
TABLE = {B: BOLD, IT: ITALIC, FN: NOTE}


def bold(text: str) -> str:
    return open_mark(B) + text + close_mark(B)


def test_each_boundary_is_one_character_that_says_its_role_and_number() -> None:
    text = "قال " + bold("الوزير") + standalone_mark(FN) + "."
    assert [(m.role, m.id) for m in marks(text)] == [(Role.OPEN, B), (Role.CLOSE, B), (Role.STANDALONE, FN)]
    assert plain(text) == "قال الوزير."
    assert mark_of("ق") is None
    text_only, positions = plain_positions(text)
    assert text_only == plain(text) and [text[p] for p in positions] == list(text_only)


def test_a_table_is_stored_as_json_and_none_when_empty() -> None:
    assert table_to_json({}) is None and table_from_json(None) == {}
    assert table_from_json(table_to_json(TABLE)) == TABLE


def test_a_private_use_character_of_the_document_becomes_a_tag_and_is_written_back() -> None:
    glyph = chr(0xE010)  # a legacy font's glyph, in the marks' range
    text, table = protect_literals("كلمة" + glyph, TABLE)
    assert glyph not in text and table[max(table)].type == "char" and table[max(table)].data == glyph
    assert as_text(text, table) == "كلمة" + glyph
    assert protect_literals(bold("x"), TABLE) == (bold("x"), dict(TABLE))  # its own marks are left alone


def test_a_plain_text_export_keeps_breaks_and_tabs_and_drops_formatting() -> None:
    table = {**TABLE, 4: InlineTag(4, TagKind.STANDALONE, "break"), 5: InlineTag(5, TagKind.STANDALONE, "tab")}
    assert as_text(bold("a") + standalone_mark(4) + "b" + standalone_mark(5) + "c", table) == "a\nb\tc"


def test_fallback_placement_wraps_pairs_around_the_target_and_puts_standalone_tags_last() -> None:
    source = open_mark(B) + "قال " + open_mark(IT) + "الوزير" + close_mark(IT) + close_mark(B) + standalone_mark(FN)
    placed = place_at_ends(source, "The minister said")
    assert placed == open_mark(B) + open_mark(IT) + "The minister said" + close_mark(IT) + close_mark(B) + \
        standalone_mark(FN)
    assert tag_issues(source, placed) == []
    assert place_at_ends("plain", "plain target") == "plain target"


def test_problems_are_named_by_mark() -> None:
    source = bold("قال") + " " + standalone_mark(FN)
    assert [(i.problem, i.mark.id) for i in tag_issues(source, "said")] == [
        (TagProblem.MISSING, B), (TagProblem.MISSING, B), (TagProblem.MISSING, FN)]
    closed_first = close_mark(B) + "said" + open_mark(B) + standalone_mark(FN)
    assert [i.problem for i in tag_issues(source, closed_first)] == [TagProblem.CLOSED_FIRST]
    extra = bold("said") + standalone_mark(FN) + standalone_mark(FN) + open_mark(IT)
    assert [(i.problem, i.mark.id) for i in tag_issues(source, extra)] == [
        (TagProblem.EXTRA, FN), (TagProblem.EXTRA, IT)]
    nested = open_mark(B) + open_mark(IT) + "x" + close_mark(IT) + close_mark(B)
    overlapping = open_mark(B) + open_mark(IT) + "x" + close_mark(B) + close_mark(IT)
    assert [(i.problem, i.mark.id) for i in tag_issues(nested, overlapping)] == [(TagProblem.ORDER, B)]


def test_the_next_tag_to_insert_is_the_first_the_target_lacks() -> None:
    source = bold("قال") + " الوزير" + standalone_mark(FN)
    assert [m.char for m in missing_marks(source, open_mark(B) + "said")] == [close_mark(B), standalone_mark(FN)]


def test_a_memory_match_takes_the_segments_tag_numbers_when_it_is_formatted_alike() -> None:
    unit_source = open_mark(7) + "قال" + close_mark(7)
    unit_target = open_mark(7) + "said" + close_mark(7)
    assert transfer(unit_source, unit_target, bold("قال")) == bold("said")
    assert transfer(unit_source, unit_target, "قال") == "said"  # nothing to map to: the text alone


def test_sentences_split_where_the_text_splits_with_tags_kept_on_their_side() -> None:
    paragraph = bold("قال الوزير.") + " " + open_mark(IT) + "ثم غادر" + standalone_mark(FN) + "." + close_mark(IT) + \
        " آخر."
    pieces = split_sentences(paragraph)
    assert "".join(pieces) == paragraph
    assert pieces == [bold("قال الوزير.") + " ", open_mark(IT) + "ثم غادر" + standalone_mark(FN) + "." +
                      close_mark(IT) + " ", "آخر."]
    only_a_tag = standalone_mark(FN)
    assert split_sentences(only_a_tag) == [only_a_tag]


words = st.lists(st.sampled_from(["قال", "الوزير", "إن", "الهدنة", "صامدة", "3", "كانون."]), min_size=1, max_size=8)


@given(words, st.data())
def test_marks_never_change_where_sentences_split_or_how_text_matches(chosen: list[str], data: st.DataObject) -> None:
    text = " ".join(chosen)
    wrapped_word = data.draw(st.integers(0, len(chosen) - 1))
    tagged = " ".join(bold(w) if i == wrapped_word else w for i, w in enumerate(chosen))
    assert [plain(piece) for piece in split_sentences(tagged)] == split_sentences(text)
    assert normalise_for_matching(tagged) == normalise_for_matching(text)


def test_a_project_keeps_each_paragraphs_tags_and_its_segments_see_them(tmp_path: Path) -> None:
    paragraph = bold("قال الوزير.") + " وغادر" + standalone_mark(FN) + "."
    document = ImportedDocument("a.docx", "docx", [paragraph, "فقرة بلا وسوم."], tags=(TABLE, {}),
                                locators=("word/document.xml#0", "word/document.xml#1"), original=b"PK")
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as store:
        first, second, third = store.segments()
        assert first.source == bold("قال الوزير.") and first.plain_source == "قال الوزير."
        assert first.tags == TABLE and second.tags == TABLE and third.tags == {}
        assert second.source_words == 1  # "وغادر": the footnote mark is no word
        doc = store.documents()[0]
        assert store.original(doc.id) == b"PK"
        assert sorted(store.locators(doc.id).values()) == ["word/document.xml#0", "word/document.xml#1"]


def test_a_version_4_project_opens_with_no_tags_and_keeps_its_text(tmp_path: Path) -> None:

    path = tmp_path / "old.tarjama"
    project_of_version(path, 4)
    with ProjectStore.open(path) as migrated:
        (segment,) = migrated.segments()
        assert (segment.source, segment.target, segment.tags) == ("قال الوزير.", "The minister said.", {})
        assert migrated.original(1) is None and migrated.locators(1) == {}
    assert (tmp_path / "old.tarjama.v4.bak").is_file()


def test_word_counts_and_post_editing_effort_see_the_words_not_the_marks(tmp_path: Path) -> None:
    from tarjama.domain import Origin, Segment
    from tarjama.project.effort import segment_effort

    paragraph = bold("قال") + " " + standalone_mark(FN) + " الوزير."
    document = ImportedDocument("a.docx", "docx", [paragraph], tags=(TABLE,))
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as store:
        assert store.stats().words == 2
    began = Segment(1, 1, 0, 0, paragraph, target=bold("said") + standalone_mark(FN) + " the minister.",
                    origin=Origin.MT, mt_text="said the minister.")
    effort = segment_effort(began)
    assert effort is not None and (effort.hter, effort.char_distance) == (0.0, 0)


def test_a_file_segmented_already_keeps_its_segments_translations_states_and_notes(tmp_path: Path) -> None:
    from tarjama.domain import ImportedSegment, MachineSuggestion, Origin, Status

    own = (
        ImportedSegment("قال الوزير.", "The minister said.", Status.APPROVED, Origin.HUMAN, " ", "u1#1", "Check title"),
        ImportedSegment(bold("غادر") + ".", "", locator="u1#2",
                        alternatives=(MachineSuggestion(bold("Left") + ".", 0.7),)),
    )
    document = ImportedDocument("job.xlf", "xliff", ["قال الوزير. " + bold("غادر") + ".", "نص يقسم. هنا."],
                                tags=(TABLE, {}), segments=(own, None))
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as store:
        first, second, third, fourth = store.segments()
    assert (first.source, first.target, first.status, first.locator, first.note, first.space_after) == (
        "قال الوزير.", "The minister said.", Status.APPROVED, "u1#1", "Check title", " ")
    assert (second.status, second.locator, second.alternatives[0].text, second.tags) == (
        Status.NEW, "u1#2", bold("Left") + ".", TABLE)
    assert [third.source, fourth.source] == ["نص يقسم.", "هنا."] and third.locator is None  # segmented here
