"""Inline tags in the translation memory and TMX level 2: units keep their tags, TMX export writes them as
`<bpt>`/`<ept>`/`<it>`/`<ph>` that the TMX 1.4b DTD accepts and other tools read, import reads them back (ours and
another tool's), matching sees through them, and an approved tagged segment becomes a tagged unit."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx as tt_tmx

from tarjama import inline_tags as tags
from tarjama.domain import ImportedDocument, Status, TmUnit
from tarjama.formats.tmx import read_tmx, write_tmx
from tarjama.inline_tags import InlineTag, Role, TagKind, close_mark, open_mark, standalone_mark
from tarjama.memory.exchange import export_project, import_tmx
from tarjama.memory.schema import TM_FILE
from tarjama.memory.store import TranslationMemory
from tarjama.project.store import ProjectStore

DTD = Path(__file__).parent / "data" / "tmx14.dtd"
BOLD, BOLD_END = open_mark(1), close_mark(1)
LINK, LINK_END = open_mark(2), close_mark(2)
NOTE = standalone_mark(3)  # a footnote reference
ITALIC, ITALIC_END = open_mark(4), close_mark(4)  # italic, cut by the sentence's end: its close is in the next segment
TAB = standalone_mark(5)

TABLE = {
    1: InlineTag(1, TagKind.PAIRED, "bold", "Bold", '<w:rPr><w:b/><w:bCs/></w:rPr>'),
    2: InlineTag(2, TagKind.PAIRED, "link", "https://example.org/?a=1&b=2", 'r:id="rId7" & "quoted" <x>'),
    3: InlineTag(3, TagKind.STANDALONE, "footnote", "", '<w:footnoteReference w:id="1"/>'),
    4: InlineTag(4, TagKind.PAIRED, "italic", "", "<w:i/>"),
    5: InlineTag(5, TagKind.STANDALONE, "tab", "", "<w:tab/>"),
}
TAGGED = TmUnit(
    source=f"قال {BOLD}الوزير{BOLD_END} إن {LINK}الخطة{LINK_END}{NOTE} جاهزة{TAB} {ITALIC}منذ أمس.",
    target=f"The {BOLD}minister{BOLD_END} said the {LINK}plan{LINK_END}{NOTE} was ready{TAB} {ITALIC}since yesterday.",
    tags=TABLE,
)
# The next sentence of the same paragraph: italic closes here; another tool's native codes (open and close) too.
OTHER_TOOL = InlineTag(6, TagKind.PAIRED, "underline", "", "<u>\x00</u>")
CONTINUED = TmUnit(
    source=f"وأكد {open_mark(6)}ذلك{close_mark(6)}{ITALIC_END} اليوم.",
    target=f"He {open_mark(6)}confirmed{close_mark(6)} it{ITALIC_END} today.",
    tags={4: TABLE[4], 6: OTHER_TOOL},
)


def _as_tmx_keeps(table: tags.TagTable) -> dict[int, InlineTag]:
    """A table as a TMX file carries it: everything but the labels, which are the window's and have no place there."""
    return {number: replace(tag, label="") for number, tag in table.items()}


def _export(tmp_path: Path, *units: TmUnit) -> Path:
    path = tmp_path / "tagged.tmx"
    assert write_tmx(path, [TmUnit("نص بلا وسوم.", "Text without tags."), *units]) == len(units) + 1
    return path


def _shape(text: str, table: tags.TagTable) -> list[tuple[Role, str, str, TagKind]]:
    """What a text's tags are, whatever they are numbered: each mark's role, with its tag's type, data and kind."""
    return [(mark.role, table[mark.id].type, table[mark.id].data, table[mark.id].kind) for mark in tags.marks(text)]


def _pairs(text: str) -> list[tuple[int, int]]:
    """Where each paired tag opens and closes in the text without marks."""
    _, positions = tags.plain_positions(text)
    found: dict[int, list[int]] = {}
    for mark in tags.marks(text):
        if mark.role is not Role.STANDALONE:
            found.setdefault(mark.id, []).append(sum(1 for p in positions if p < mark.position))
    return [(where[0], where[-1]) for where in found.values()]


# -- the export is valid TMX 1.4b -------------------------------------------------------------------------------


def test_tagged_export_validates_against_the_tmx_dtd_with_xmllint(tmp_path: Path) -> None:
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        if os.environ.get("CI") == "true":
            pytest.fail("xmllint is missing in CI: .ci/run installs libxml2-utils")
        pytest.skip("xmllint is missing: apt-get install -y libxml2-utils")
    path = _export(tmp_path, TAGGED, CONTINUED)

    done = subprocess.run([xmllint, "--noout", "--dtdvalid", str(DTD), str(path)], capture_output=True, text=True,
                          check=False)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_tagged_export_validates_against_the_tmx_dtd_with_lxml(tmp_path: Path) -> None:
    path = _export(tmp_path, TAGGED, CONTINUED)
    dtd = etree.DTD(str(DTD))
    tree = etree.parse(str(path))

    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    # A bare <seg> would validate too: the inline elements are really there, each as TMX 1.4b describes it.
    _, first, second = tree.iter("tu")
    arabic = first.find("tuv/seg")
    assert [(e.tag, dict(e.attrib)) for e in arabic] == [
        ("bpt", {"i": "1", "x": "1", "type": "bold"}), ("ept", {"i": "1"}),
        ("bpt", {"i": "2", "x": "2", "type": "link"}), ("ept", {"i": "2"}),
        ("ph", {"x": "3", "type": "fnote"}),
        ("ph", {"x": "5", "type": "x-tab"}),
        ("it", {"pos": "begin", "x": "4", "type": "italic"}),
    ]
    assert arabic[2].text == TABLE[2].data and arabic[4].text == TABLE[3].data
    # `x` is the same tag in the source and the target; `i` pairs within one <seg>.
    assert [e.get("x") for e in first.findall("tuv")[1].find("seg")] == [e.get("x") for e in arabic]
    cut = second.find("tuv/seg")
    assert [(e.tag, e.get("i"), e.get("pos"), e.text) for e in cut] == [
        ("bpt", "1", None, "<u>"), ("ept", "1", None, "</u>"), ("it", None, "end", "<w:i/>")]


# -- read back: by us, and by translate-toolkit -----------------------------------------------------------------


def test_export_then_import_keeps_every_tag(tmp_path: Path) -> None:
    path = _export(tmp_path, TAGGED, CONTINUED)

    plain_unit, tagged, continued = read_tmx(path)

    assert plain_unit.tags == {}
    for original, back in ((TAGGED, tagged), (CONTINUED, continued)):
        assert (back.source, back.target) == (original.source, original.target)  # the tags keep their numbers
        assert {n: (t.kind, t.type, t.data) for n, t in back.tags.items()} == {
            n: (t.kind, t.type, t.data) for n, t in original.tags.items()}
        assert _shape(back.target, back.tags) == _shape(original.target, original.tags)
        assert _pairs(back.source) == _pairs(original.source)


def test_translate_toolkit_reads_the_tagged_export(tmp_path: Path) -> None:
    bare = {1: InlineTag(1, TagKind.PAIRED, "bold")}  # no native code: the toolkit's text is the plain text
    plainly = TmUnit(f"كان {BOLD}الاجتماع{BOLD_END} مثمرا.", f"The {BOLD}meeting{BOLD_END} was fruitful.", tags=bare)
    path = _export(tmp_path, TAGGED, plainly)

    units = tt_tmx.tmxfile.parsefile(str(path)).units

    assert len(units) == 3
    assert (units[2].source, units[2].target) == (tags.plain(plainly.source), tags.plain(plainly.target))
    # The toolkit keeps a native code's text inline; the words are all there, in order.
    assert units[1].target.startswith("The <w:rPr>") and "minister" in units[1].target
    assert units[1].target.endswith("since yesterday.")


def test_another_tools_tmx_with_bpt_ept_ph_it_imports_with_tags(tmp_path: Path) -> None:
    """As Okapi or Trados write them: `x` numbered by the tool (not from 1), a target that reorders the codes, a
    target with no `x` at all (matched in order), `<sub>` inside a code, `<hi>`, an `<it>` and a `<ut>`."""
    path = tmp_path / "other.tmx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="Okapi" creationtoolversion="1" segtype="sentence" o-tmf="x"
  adminlang="en" srclang="ar" datatype="html"/>
<body>
<tu><tuv xml:lang="ar"><seg><bpt i="1" x="11" type="bold">&lt;b&gt;</bpt>كبير<ept i="1">&lt;/b&gt;</ept> و\
<bpt i="2" x="12" type="italic">&lt;i&gt;</bpt>صغير<ept i="2">&lt;/i&gt;</ept><ph x="13" type="image">\
&lt;img alt="<sub>صورة</sub>"/&gt;</ph></seg></tuv>
<tuv xml:lang="en"><seg><bpt i="7" x="12" type="italic">&lt;i&gt;</bpt>Small<ept i="7">&lt;/i&gt;</ept> and \
<bpt i="8" x="11" type="bold">&lt;b&gt;</bpt>big<ept i="8">&lt;/b&gt;</ept><ph x="13">&lt;img/&gt;</ph></seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg><it pos="end">&lt;/a&gt;</it>انتهى <hi type="x-term">النص</hi><ut>{\\f1}</ut></seg></tuv>
<tuv xml:lang="en"><seg><it pos="end">&lt;/a&gt;</it>The <hi>text</hi> ended<ut>{\\f1}</ut></seg></tuv></tu>
</body></tmx>""", encoding="utf-8")

    reordered, cut = read_tmx(path)

    bold, italic, image = reordered.tags[11], reordered.tags[12], reordered.tags[13]
    assert (bold.type, bold.data, italic.type, image.kind, image.type) == (
        "bold", "<b>\x00</b>", "italic", TagKind.STANDALONE, "image")
    assert image.data == '<img alt="صورة"/>'  # the source's code; the <sub>'s text goes with it
    assert reordered.source == f"{open_mark(11)}كبير{close_mark(11)} و{open_mark(12)}صغير{close_mark(12)}" \
                               f"{standalone_mark(13)}"
    assert reordered.target == f"{open_mark(12)}Small{close_mark(12)} and {open_mark(11)}big{close_mark(11)}" \
                               f"{standalone_mark(13)}"
    assert tags.tag_issues(reordered.source, reordered.target) == []
    # No `x`: matched in order, each to the source's code of its kind.
    assert [(m.role, cut.tags[m.id].type) for m in tags.marks(cut.source)] == [
        (Role.CLOSE, "format"), (Role.OPEN, "term"), (Role.CLOSE, "term"), (Role.STANDALONE, "format")]
    assert [m.char for m in tags.marks(cut.target)] == [m.char for m in tags.marks(cut.source)]
    assert tags.plain(cut.target) == "The text ended"
    assert cut.tags[tags.marks(cut.source)[0].id].data == "</a>"


def test_a_private_use_character_in_another_tools_text_is_kept_not_taken_for_a_tag(tmp_path: Path) -> None:
    legacy = "\ue005"  # a legacy Arabic font's glyph: in the range tag marks use
    path = tmp_path / "legacy.tmx"
    write_tmx(path, [TmUnit(f"رمز {legacy} هنا.", f"Symbol {legacy} here.")])

    (unit,) = read_tmx(path)

    assert not any(tag.type != "char" for tag in unit.tags.values())
    assert (tags.as_text(unit.source, unit.tags), tags.as_text(unit.target, unit.tags)) == (
        f"رمز {legacy} هنا.", f"Symbol {legacy} here.")
    assert [m.role for m in tags.marks(unit.source)] == [Role.STANDALONE]


# -- in the memory ----------------------------------------------------------------------------------------------


def test_the_plain_sentence_finds_the_tagged_unit_at_100_and_keeps_its_tags(tmp_path: Path) -> None:
    path = tmp_path / "memory.tarjama-tm"
    tmx = _export(tmp_path, TAGGED)
    import_tmx(path, tmx)  # the bulk import path
    with TranslationMemory.open(path) as memory:
        memory.add(TAGGED)  # one unit at a time: the same pair again, merged, its tags kept
        memory.add(CONTINUED)

        [match] = memory.lookup(tags.plain(TAGGED.source))
        [again] = memory.lookup(tags.plain(CONTINUED.source))
        [hit] = memory.concordance("الخطة", side="source")
        [fuzzy] = memory.lookup("قال الوزير إن الخطة جاهزة منذ يومين.", threshold=50)

    assert match.score == 100 and (match.unit.source, match.unit.target) == (TAGGED.source, TAGGED.target)
    assert match.unit.tags == _as_tmx_keeps(TABLE)
    assert again.score == 100 and again.unit.tags == CONTINUED.tags
    assert [TAGGED.source[start:end] for start, end in hit.source_spans] == ["الخطة"]
    assert fuzzy.unit.source == TAGGED.source and 50 <= fuzzy.score < 100
    assert [TAGGED.source[start:end] for start, end in fuzzy.differences] == ["أمس"]
    conn = sqlite3.connect(path)
    try:  # every matching key is computed from the plain text
        norm_source, norm_target = conn.execute(
            "SELECT norm_source, norm_target FROM units WHERE source = ?", [TAGGED.source]).fetchone()
    finally:
        conn.close()
    assert not tags.has_marks(norm_source + norm_target)


def test_a_memory_of_version_3_gains_the_tags_column(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.add(TmUnit("وصل الوفد.", "The delegation arrived."))
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE units DROP COLUMN tags")
    conn.execute("PRAGMA user_version=3")
    conn.commit()
    conn.close()

    with TranslationMemory.open(path) as memory:
        memory.add(TAGGED)
        units = {unit.target: unit.tags for unit in memory.units()}

    assert units == {"The delegation arrived.": {}, TAGGED.target: TABLE}
    assert (tmp_path / "old.tarjama-tm.v3.bak").is_file()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == TM_FILE.version


# -- from a project -----------------------------------------------------------------------------------------------


def test_an_approved_tagged_segment_becomes_a_unit_with_its_tags(tmp_path: Path) -> None:
    memory = tmp_path / "memory.tarjama-tm"
    paragraph = f"{TAGGED.source} {CONTINUED.source}"
    document = ImportedDocument("خبر.docx", "txt", [paragraph, "فقرة بلا وسوم."],
                                tags=({**TABLE, 6: OTHER_TOOL}, {}))
    with ProjectStore.create(tmp_path / "خبر.tarjama", [document]) as store:
        store.link_tm(memory)
        first, second, plain_segment = store.segments()
        assert first.source == TAGGED.source  # the paragraph's two sentences, the italic cut between them
        store.update_segment(first.id, target=TAGGED.target, status=Status.APPROVED)
        store.update_segment(second.id, target=CONTINUED.target, status=Status.APPROVED)
        store.update_segment(plain_segment.id, target="A paragraph without tags.", status=Status.APPROVED)
    exported = tmp_path / "project.tmx"
    assert export_project(tmp_path / "خبر.tarjama", exported) == 3

    with TranslationMemory.open(memory) as opened:
        written = {unit.target: unit.tags for unit in opened.units()}
    assert written == {TAGGED.target: TABLE, CONTINUED.target: CONTINUED.tags, "A paragraph without tags.": {}}
    assert [unit.tags for unit in read_tmx(exported)] == [_as_tmx_keeps(TABLE), CONTINUED.tags, {}]
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(etree.parse(str(exported))), dtd.error_log.filter_from_errors()
