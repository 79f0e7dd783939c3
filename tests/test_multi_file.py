"""Projects of several files: importing many at once, removing one, counting each, exporting each in its own format
(`tarjama.project.files`, `tarjama.project.documents`) and the CLI commands on them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tarjama.domain import Status
from tarjama.errors import BadInputError, ProjectError
from tarjama.export_guard import source_documents
from tarjama.memory.store import TranslationMemory
from tarjama.project.files import (
    export_all,
    export_document,
    import_document,
    import_documents,
    planned_exports,
)
from tarjama.project.store import ProjectStore

TEXT = "افتتح الوزير المعرض الدولي للكتاب. وحضر الافتتاح عدد كبير من الزوار.\n\nتستمر فعاليات المعرض عشرة أيام.\n"
WORD_PARAGRAPHS = ["رحب السكان بالقرار الجديد.", "وتشمل الخطة خطوط حافلات إضافية في المدينة."]


def write_text(folder: Path, name: str = "معرض.txt", text: str = TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_docx(folder: Path, name: str = "خطة.docx", paragraphs: list[str] = WORD_PARAGRAPHS) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / name
    document.save(str(path))
    return path


def docx_texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text]


@pytest.fixture
def two_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A .txt and a .docx imported into one project in one call: (project, text file, Word file)."""
    text, word = write_text(tmp_path / "in"), write_docx(tmp_path / "in")
    project = tmp_path / "job.tarjama"
    import_documents([text, word], project).close()
    return project, text, word


def test_several_files_become_documents_of_one_project(two_files: tuple[Path, Path, Path]) -> None:
    project, text, word = two_files
    with ProjectStore.open(project) as store:
        documents = store.documents()
        assert [(d.name, d.format) for d in documents] == [(text.name, "txt"), (word.name, "docx")]
        # Each document's own segments, and where each came from is remembered for the export guard.
        assert [len(store.segments(d.id)) for d in documents] == [3, 2]
        assert {segment.document_id for segment in store.segments(documents[1].id)} == {documents[1].id}
        assert source_documents(store) == [text.resolve(), word.resolve()]


def test_one_bad_file_leaves_the_project_unchanged(two_files: tuple[Path, Path, Path], tmp_path: Path) -> None:
    project, _text, _word = two_files
    before = project.read_bytes()
    good = write_text(tmp_path / "more", "جديد.txt")
    bad = tmp_path / "more" / "broken.docx"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(BadInputError):
        import_documents([good, bad], project)
    assert project.read_bytes() == before
    # A bad file in a new project's import leaves no project at all.
    with pytest.raises(BadInputError):
        import_documents([good, bad], tmp_path / "new.tarjama")
    assert not (tmp_path / "new.tarjama").exists()


def test_stats_per_document_and_in_total(two_files: tuple[Path, Path, Path]) -> None:
    project, _text, _word = two_files
    with ProjectStore.open(project) as store:
        first, second = store.documents()
        segment = store.segments(second.id)[0]
        store.update_segment(segment.id, target="Residents welcomed the new decision.", status=Status.APPROVED)
        per_document = [store.stats(d.id) for d in (first, second)]
        total = store.stats()
    assert [s.segments for s in per_document] == [3, 2]
    assert [s.approved_words for s in per_document] == [0, segment.source_words]
    assert total.words == sum(s.words for s in per_document)
    assert total.approved_segments == 1


def test_removing_a_document_takes_its_segments_and_withdraws_its_units(two_files: tuple[Path, Path, Path]) -> None:
    project, text, _word = two_files
    with ProjectStore.open(project) as store:
        first, second = store.documents()
        kept, gone = store.segments(first.id)[0], store.segments(second.id)[0]
        for segment in (kept, gone):
            store.update_segment(segment.id, target="An approved sentence.", status=Status.APPROVED)
        store.ignore_qa(gone.id, "numbers")
        uid, tm_path = store.get_meta("uid"), store.linked_tm
        store.remove_document(second.id)
        assert [d.id for d in store.documents()] == [first.id]
        assert [s.document_id for s in store.segments()] == [first.id] * 3
        assert store.ignored_qa() == {}
        assert source_documents(store) == [text.resolve()]
        assert store.history(gone.id), "history is kept, as a merge keeps it"
        with pytest.raises(ProjectError, match="no document"):
            store.remove_document(second.id)
    assert tm_path is not None and uid is not None
    with TranslationMemory.open(tm_path) as memory:
        units = memory.project_units(uid)
    assert units[kept.id][0] is True
    assert units[gone.id][0] is False, "the removed document's approved unit is withdrawn"


def test_a_document_imported_after_removal_never_inherits_history(tmp_path: Path) -> None:
    project = tmp_path / "p.tarjama"
    import_document(write_text(tmp_path, "a.txt"), project).close()
    with import_document(write_text(tmp_path, "b.txt"), project) as store:
        first, second = store.documents()
        last = store.segments(second.id)[-1]
        store.update_segment(last.id, target="Typed in the removed document.")
        store.remove_document(second.id)
    with import_document(write_text(tmp_path, "c.txt"), project) as store:
        new = store.segments(store.documents()[-1].id)
        assert all(store.history(segment.id) == [] for segment in new)
        assert min(segment.id for segment in new) > last.id


def test_export_document_rebuilds_a_word_file_in_a_project_of_several(two_files: tuple[Path, Path, Path],
                                                                       tmp_path: Path) -> None:
    project, _text, word = two_files
    (tmp_path / "out").mkdir()
    with ProjectStore.open(project) as store:
        second = store.documents()[1]
        segment = store.segments(second.id)[0]
        store.update_segment(segment.id, target="Residents welcomed the new decision.", status=Status.APPROVED)
        report = export_document(store, second.id, tmp_path / "out" / "plan.docx")
        text_report = export_document(store, store.documents()[0].id, tmp_path / "out" / "fair.txt")
        with pytest.raises(ProjectError, match="no document"):
            export_document(store, second.id + 1, tmp_path / "out" / "none.txt")
    assert (report.segments, report.approved) == (2, 1)
    assert docx_texts(report.path) == ["Residents welcomed the new decision.", WORD_PARAGRAPHS[1]]
    # Rebuilt, not written anew: the original's parts are all there (python-docx's template has styles etc.).
    with zipfile.ZipFile(word) as original, zipfile.ZipFile(report.path) as rebuilt:
        assert set(original.namelist()) == set(rebuilt.namelist())
    assert text_report.segments == 3
    assert text_report.path.read_text(encoding="utf-8").split("\n\n")[1].strip() == "تستمر فعاليات المعرض عشرة أيام."


def test_export_all_writes_each_document_in_its_own_format_and_name(two_files: tuple[Path, Path, Path],
                                                                    tmp_path: Path) -> None:
    project, text, word = two_files
    with ProjectStore.open(project) as store:
        reports = export_all(store, tmp_path / "out")
    assert [r.path for r in reports] == [tmp_path / "out" / text.name, tmp_path / "out" / word.name]
    assert reports[0].path.read_text(encoding="utf-8").startswith("افتتح الوزير")
    assert docx_texts(reports[1].path) == WORD_PARAGRAPHS


def test_names_that_collide_get_numbers(tmp_path: Path) -> None:
    files = [write_text(tmp_path / folder, "فصل.txt", TEXT) for folder in ("one", "two", "three")]
    with import_documents(files, tmp_path / "p.tarjama") as store:
        names = [path.name for _document, path in planned_exports(store, tmp_path / "out")]
        reports = export_all(store, tmp_path / "out")
    assert names == ["فصل.txt", "فصل (2).txt", "فصل (3).txt"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(names)
    assert len(reports) == 3


def test_export_all_never_replaces_a_source_document_and_writes_nothing(two_files: tuple[Path, Path, Path]) -> None:
    project, text, word = two_files
    before = (text.read_bytes(), word.read_bytes())
    with ProjectStore.open(project) as store, pytest.raises(BadInputError, match="source document"):
        export_all(store, text.parent)
    assert (text.read_bytes(), word.read_bytes()) == before


def test_an_xliff_job_beside_a_text_comes_back_as_xliff(tmp_path: Path) -> None:
    """An agency's XLIFF in a project with another file: `export_all` rebuilds it from its original, with the
    approved target in its unit, and the file read back holds that target, approved."""
    job = tmp_path / "in" / "job.xlf"
    text = write_text(tmp_path / "in")
    job.write_bytes((Path(__file__).parent / "data" / "xliff" / "v12-plain.xlf").read_bytes())
    with import_documents([text, job], tmp_path / "p.tarjama") as store:
        unit = next(s for s in store.segments(store.documents()[1].id) if s.locator == "u2")
        store.update_segment(unit.id, target="Term", status=Status.APPROVED)
        reports = export_all(store, tmp_path / "out")
    assert [r.path.name for r in reports] == [text.name, job.name]
    with import_document(reports[1].path, tmp_path / "again.tarjama") as again:
        back = next(s for s in again.segments() if s.locator == "u2")
    assert (back.target, back.status) == ("Term", Status.APPROVED)


# -- the CLI -------------------------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_imports_several_files_lists_and_removes_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, word = write_text(tmp_path), write_docx(tmp_path)
    project = tmp_path / "job.tarjama"
    code, out, err = run(capsys, "import", text, word, "--project", project)
    assert code == EXIT_OK, err
    assert out.count("Imported") == 2
    with ProjectStore.open(project) as store:
        first, second = store.documents()
        store.update_segment(store.segments(second.id)[0].id, target="Residents welcomed it.", status=Status.APPROVED)
    code, out, err = run(capsys, "documents", project, "--json")
    assert code == EXIT_OK, err
    listed = json.loads(out)
    expected = [(first.id, text.name, 3), (second.id, word.name, 2)]
    assert [(d["id"], d["name"], d["segments"]) for d in listed] == expected
    assert listed[1]["approved_segments"] == 1
    code, out, _ = run(capsys, "documents", project)
    assert text.name in out and "0 / " in out

    code, out, _ = run(capsys, "stats", project, "--json")
    stats = json.loads(out)
    assert [d["segments"] for d in stats["documents"]] == [3, 2] and stats["segments"] == 5

    code, out, err = run(capsys, "remove-document", project, second.id)
    assert code == EXIT_OK, err
    with ProjectStore.open(project) as store:
        assert [d.id for d in store.documents()] == [first.id]
    code, _out, err = run(capsys, "remove-document", project, second.id)
    assert code == EXIT_BAD_INPUT and "no document" in err


def test_cli_exports_every_document_to_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, word = write_text(tmp_path / "in"), write_docx(tmp_path / "in")
    project = tmp_path / "job.tarjama"
    assert run(capsys, "import", text, word, "--project", project)[0] == EXIT_OK
    code, out, err = run(capsys, "export", project, tmp_path / "out")
    assert code == EXIT_OK, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([text.name, word.name])
    assert out.count("Wrote") == 2
    # A second export refuses to replace what the first wrote, unless --force; nothing is written.
    code, _out, err = run(capsys, "export", project, tmp_path / "out")
    assert code == EXIT_BAD_INPUT and "--force" in err
    assert run(capsys, "export", project, tmp_path / "out", "--force")[0] == EXIT_OK
    # The source folder: refused even with --force.
    code, _out, err = run(capsys, "export", project, tmp_path / "in", "--force")
    assert code == EXIT_BAD_INPUT and "source document" in err
