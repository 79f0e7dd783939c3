"""Importing documents into projects and exporting the translation back out (`tarjama.project.files`)."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from tarjama.domain import Status
from tarjama.errors import BadInputError
from tarjama.project import files as project_files
from tarjama.project.files import default_project_path, export_target, import_document
from tarjama.project.store import ProjectStore

# Three paragraphs, separated by blank lines: 2 + 1 + 3 sentences.
SOURCE_TEXT = (
    "افتتح الوزير المعرض الدولي للكتاب. وحضر الافتتاح عدد كبير من الزوار.\n"
    "\n"
    "تستمر فعاليات المعرض عشرة أيام.\n"
    "\n"
    "تشارك في المعرض دور نشر من عشرين بلدا. ويضم المعرض جناحا للأطفال. هل سيزوره الرئيس؟\n"
)
SOURCE_PARAGRAPHS = [line for line in SOURCE_TEXT.splitlines() if line]


def write_source(folder: Path, text: str = SOURCE_TEXT, name: str = "معرض.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    with import_document(write_source(tmp_path), tmp_path / "معرض.tarjama") as opened:
        yield opened


def translate(store: ProjectStore) -> None:
    """Paragraph 0: approved + draft. Paragraph 1: untranslated. Paragraph 2: approved, untranslated, draft."""
    s = store.segments()
    store.update_segment(s[0].id, target="The minister opened the international book fair.", status=Status.APPROVED)
    store.update_segment(s[1].id, target="Many visitors attended.")
    store.update_segment(s[3].id, target="Publishers from twenty countries take part.", status=Status.APPROVED)
    store.update_segment(s[5].id, target="Will the president visit it?")


EXPECTED_EXPORT = [
    "The minister opened the international book fair. Many visitors attended.",
    "تستمر فعاليات المعرض عشرة أيام.",
    "Publishers from twenty countries take part. ويضم المعرض جناحا للأطفال. Will the president visit it?",
]


def folder_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- importing --------------------------------------------------------------------------------------------------


def test_import_creates_a_project_from_a_text_file(tmp_path: Path) -> None:
    source = write_source(tmp_path)
    project = default_project_path(source)
    assert project == tmp_path / "معرض.tarjama"
    with import_document(source, project) as store:
        [info] = store.documents()
        assert (info.name, info.format, info.paragraph_separator) == ("معرض.txt", "txt", "\n\n")
        assert [len(p) for p in store.paragraphs(info.id)] == [2, 1, 3]
        assert ["".join(s.source + s.space_after for s in p) for p in store.paragraphs(info.id)] == SOURCE_PARAGRAPHS
    assert folder_names(tmp_path) == ["معرض.tarjama", "معرض.txt"]


def test_import_into_an_existing_project_adds_a_document(store: ProjectStore, tmp_path: Path) -> None:
    path = store.path
    store.close()
    second = write_source(tmp_path, "خبر قصير عن الطقس. الجو حار اليوم.\n", name="طقس.txt")
    with import_document(second, path) as reopened:
        assert [d.name for d in reopened.documents()] == ["معرض.txt", "طقس.txt"]
        assert reopened.stats().segments == 6 + 2


BAD_DOCUMENTS = [
    ("empty.txt", b""),
    ("blank.txt", b"  \n\n \t\n"),
    ("binary.txt", bytes(range(256)) * 8),
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    ("no-extension", "نص عربي بلا امتداد.".encode()),
    ("broken-bom.txt", b"\xef\xbb\xbf" + b"\xff\xfe\xfd invalid"),
    ("odd-utf16.txt", b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00"),
    ("letter.docx", "ليس ملف وورد".encode()),
    ("empty.docx", b""),
    ("other-archive.docx", b""),  # filled in below: a zip without a Word document inside
]


def write_bad(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    if name == "other-archive.docx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "not a document")
        content = buffer.getvalue()
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(("name", "content"), BAD_DOCUMENTS, ids=[n for n, _ in BAD_DOCUMENTS])
def test_a_bad_document_makes_no_new_project(tmp_path: Path, name: str, content: bytes) -> None:
    bad = write_bad(tmp_path, name, content)
    with pytest.raises(BadInputError) as info:
        import_document(bad, tmp_path / "new.tarjama")
    assert name in str(info.value)
    assert info.value.path == bad
    assert folder_names(tmp_path) == [name]


@pytest.mark.parametrize(("name", "content"), BAD_DOCUMENTS, ids=[n for n, _ in BAD_DOCUMENTS])
def test_a_bad_document_leaves_an_existing_project_unchanged(
    store: ProjectStore, tmp_path: Path, name: str, content: bytes
) -> None:
    translate(store)
    path = store.path
    expected_segments = store.segments()
    store.close()
    before = path.read_bytes()
    bad = write_bad(tmp_path, name, content)

    with pytest.raises(BadInputError, match=name):
        import_document(bad, path)

    assert path.read_bytes() == before
    with ProjectStore.open(path) as reopened:
        assert reopened.segments() == expected_segments
        assert len(reopened.documents()) == 1


def test_a_missing_document_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="غائب.txt"):
        import_document(tmp_path / "غائب.txt", tmp_path / "p.tarjama")
    assert folder_names(tmp_path) == []


# -- exporting --------------------------------------------------------------------------------------------------


def test_export_txt_follows_the_rule_and_keeps_paragraphs(store: ProjectStore, tmp_path: Path) -> None:
    translate(store)
    out = tmp_path / "fair-en.txt"
    report = export_target(store, out)
    assert out.read_bytes() == ("\n\n".join(EXPECTED_EXPORT) + "\n").encode("utf-8")
    assert (report.path, report.segments, report.approved) == (out, 6, 2)
    assert (report.unapproved_with_target, report.unapproved_as_source) == (2, 2)


def test_export_keeps_a_single_line_separator(tmp_path: Path) -> None:
    source = write_source(tmp_path, "السطر الأول هنا.\nالسطر الثاني هنا.\nالسطر الثالث هنا.\n", name="سطور.txt")
    with import_document(source, tmp_path / "lines.tarjama") as store:
        store.update_segment(store.segments()[1].id, target="The second line.", status=Status.APPROVED)
        report = export_target(store, tmp_path / "lines-en.txt")
    assert (tmp_path / "lines-en.txt").read_text(encoding="utf-8") == (
        "السطر الأول هنا.\nThe second line.\nالسطر الثالث هنا.\n"
    )
    assert (report.segments, report.approved, report.unapproved_with_target, report.unapproved_as_source) == (
        3,
        1,
        0,
        2,
    )


def test_export_docx_has_one_paragraph_per_source_paragraph(store: ProjectStore, tmp_path: Path) -> None:
    translate(store)
    out = tmp_path / "fair-en.docx"
    report = export_target(store, out)
    assert [p.text for p in docx.Document(str(out)).paragraphs] == EXPECTED_EXPORT
    assert (report.segments, report.approved, report.unapproved_with_target, report.unapproved_as_source) == (
        6,
        2,
        2,
        2,
    )


def test_a_fully_approved_export_has_only_english(store: ProjectStore, tmp_path: Path) -> None:
    for number, segment in enumerate(store.segments()):
        store.update_segment(segment.id, target=f"Sentence {number}.", status=Status.APPROVED)
    report = export_target(store, tmp_path / "all.txt")
    assert (tmp_path / "all.txt").read_text(encoding="utf-8") == (
        "Sentence 0. Sentence 1.\n\nSentence 2.\n\nSentence 3. Sentence 4. Sentence 5.\n"
    )
    assert (report.approved, report.unapproved_with_target, report.unapproved_as_source) == (6, 0, 0)


def test_export_overwrites_an_earlier_export(store: ProjectStore, tmp_path: Path) -> None:
    out = tmp_path / "fair-en.txt"
    out.write_text("an old export", encoding="utf-8")
    translate(store)
    export_target(store, out)
    assert out.read_text(encoding="utf-8").startswith("The minister")
    assert not [name for name in folder_names(tmp_path) if name.startswith(".export-")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_an_exported_file_gets_the_usual_permissions(store: ProjectStore, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        export_target(store, tmp_path / "fair-en.txt")
    finally:
        os.umask(umask)
    assert (tmp_path / "fair-en.txt").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("name", ["fair-en.pdf", "fair-en"])
def test_export_to_an_unknown_extension_is_refused(store: ProjectStore, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    out.write_bytes(b"precious earlier file")
    before = folder_names(tmp_path)
    with pytest.raises(BadInputError) as info:
        export_target(store, out)
    assert info.value.path == out  # the message names the file asked for, not a temporary one
    assert out.read_bytes() == b"precious earlier file"
    assert folder_names(tmp_path) == before


def test_a_failure_while_writing_leaves_the_earlier_export(
    store: ProjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "fair-en.txt"
    export_target(store, out)
    earlier = out.read_bytes()
    before = folder_names(tmp_path)

    def fail_midway(path: Path, paragraphs: list[str], separator: str = "\n\n") -> None:
        Path(path).write_bytes(b"half of the transl")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project_files, "write_document", fail_midway)
    translate(store)
    with pytest.raises(BadInputError, match="No space left"):
        export_target(store, out)
    assert out.read_bytes() == earlier
    assert folder_names(tmp_path) == before
