"""Turning documents into projects and projects back into documents: the services the CLI and window share."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tarjama.atomic_file import replacing_path
from tarjama.domain import ImportedDocument, Segment, Status
from tarjama.errors import QT_TRANSLATE_NOOP, AlreadyExistsError, Message
from tarjama.export_guard import refuse_source_document, refuse_store, remember_source_document
from tarjama.formats import format_for, read_document, write_document
from tarjama.formats.interface import DocumentFormat, RebuildingFormat, TranslatedParagraph
from tarjama.inline_tags import as_text
from tarjama.paths import default_tm_path
from tarjama.project.documents import no_document
from tarjama.project.records import DocumentInfo
from tarjama.project.store import PROJECT_SUFFIX, ProjectStore


def default_project_path(document_path: Path) -> Path:
    return document_path.with_name(document_path.stem + PROJECT_SUFFIX)


def import_document(document_path: str | Path, project_path: str | Path,
                    on_notice: Callable[[Message], None] | None = None) -> ProjectStore:
    """Read a document and add it to a project, creating the project if it does not exist yet; `on_notice` is
    told what the translator should know about how the file was read (a Word document's tracked changes).
    See `import_documents`, which this is for one file."""
    return import_documents([document_path], project_path,
                            None if on_notice is None else lambda _path, notice: on_notice(notice))


def import_documents(document_paths: Sequence[str | Path], project_path: str | Path,
                     on_notice: Callable[[Path, Message], None] | None = None) -> ProjectStore:
    """Read documents and add them all to a project, creating it if it does not exist yet, in the order given (the
    project's last documents are then these); `on_notice` is told, for each file, what the translator should know
    about how it was read (a Word document's tracked changes).

    Every document is read and checked completely before the project is touched, and all are added in one
    transaction: one bad file (its error names it) leaves an existing project exactly as it was, with none of the
    others added, and never leaves a half-made new one. Two imports creating the same new project at once both
    end with their documents in it: the project is published whole by whichever finishes first, and the other
    adds its documents to that project, as it would have had it started a moment later. The project remembers
    where each document came from, so that no export replaces it.
    """
    documents = [read_document(Path(path)) for path in document_paths]
    if on_notice is not None:
        for path, document in zip(document_paths, documents, strict=True):
            for notice in document.notices:
                on_notice(Path(path), notice)
    store, document_ids = _add_to_project(Path(project_path), documents)
    try:
        for document_id, path in zip(document_ids, document_paths, strict=True):
            remember_source_document(store, document_id, path)
        ensure_tm_link(store)
    except BaseException:
        store.close()
        raise
    return store


def _add_to_project(project_path: Path, documents: list[ImportedDocument]) -> tuple[ProjectStore, list[int]]:
    """The project at `project_path` with `documents` in it, and their ids: a new project holding only them, or
    the existing project (perhaps published by another import a moment ago) with them added."""
    if not project_path.exists():
        try:
            store = ProjectStore.create(project_path, documents)
        except AlreadyExistsError:
            pass  # another import created it meanwhile: add these documents to it, as if it had come second
        else:
            # Its first documents: another import may have added its own the moment it was published.
            return store, [document.id for document in store.documents()[:len(documents)]]
    store = ProjectStore.open(project_path)
    try:
        return store, store.add_documents(documents)
    except BaseException:
        store.close()
        raise


def ensure_tm_link(store: ProjectStore) -> Path | None:
    """Link a project that has never had a translation memory to the user's default one, so every approval is
    kept from the first. A project that remembers a TM keeps it, even a missing one (`store.tm_problem` says why):
    silently switching would scatter a translator's work over two memories. Returns the TM attached now."""
    if store.tm_path is None:
        store.link_tm(default_tm_path())
    return store.linked_tm


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote, so the user is told how much of it is not yet approved."""

    path: Path
    segments: int
    approved: int
    unapproved_with_target: int
    unapproved_as_source: int


EXPORT_RULE = (
    "Approved segments are exported as approved. Segments not yet approved are exported with their current "
    "English text, or with the Arabic source where they have no translation yet."
)


def _export_text(segment: Segment) -> str:
    return segment.target if segment.target.strip() else segment.source


def export_target(store: ProjectStore, out_path: str | Path) -> ExportReport:
    """Write the translation of the whole project as one document with the source's paragraph structure, following
    EXPORT_RULE (`_export` says how)."""
    return _export(store, store.documents(), Path(out_path))


def export_document(store: ProjectStore, document_id: int, out_path: str | Path) -> ExportReport:
    """Write the translation of one of the project's documents, following EXPORT_RULE (`_export` says how)."""
    documents = [document for document in store.documents() if document.id == document_id]
    if not documents:
        raise no_document(store.path, document_id)
    return _export(store, documents, Path(out_path))


def planned_exports(store: ProjectStore, out_dir: str | Path) -> list[tuple[DocumentInfo, Path]]:
    """Where `export_all` writes each document: in `out_dir`, under the name it was imported with. When two
    documents share a name (two `chapter.docx` from different folders), the first keeps it and each later one gets
    " (2)", " (3)" … before its extension, in import order; no two exports ever go to one file."""
    taken: set[str] = set()
    planned = []
    for document in store.documents():
        name = Path(document.name).name  # only the name, whatever a hand-made project holds
        stem, suffix = Path(name).stem, Path(name).suffix
        number = 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem} ({number}){suffix}"
        taken.add(name.casefold())
        planned.append((document, Path(out_dir) / name))
    return planned


def export_all(store: ProjectStore, out_dir: str | Path) -> list[ExportReport]:
    """Write every document of the project back into `out_dir`, each in its own format under its own name
    (`planned_exports`). Every file is checked before any is written, so an export that would replace a source
    document or a store writes nothing at all; each file is then written whole, as `export_document` writes it."""
    planned = planned_exports(store, out_dir)
    for _document, path in planned:
        format_for(path)
        refuse_store(path)
        refuse_source_document(path, store)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    return [_export(store, [document], path) for document, path in planned]


def _export(store: ProjectStore, documents: list[DocumentInfo], out_path: Path) -> ExportReport:
    """Write the translation of `documents` with the source's paragraph structure, following EXPORT_RULE.

    One document kept in a format that rebuilds (.docx), exported to that format, is written into a copy of its
    original with each paragraph's text and inline tags in place; any other export writes the paragraphs anew, tags
    as plain text (`inline_tags.as_text`). The file is written under a temporary name and renamed, so a failed
    export never damages an earlier one. The paragraphs are handed to the writer one at a time, as it asks for them,
    so no list of a whole (possibly 500,000-segment) project is built; the counts are complete once the writer has
    consumed them all.
    """
    fmt = format_for(out_path)  # an unknown extension is refused naming this path, not the temporary one
    refuse_source_document(out_path, store)
    counts = {"all": 0, Status.APPROVED: 0, "target": 0, "source": 0}
    separator = documents[-1].paragraph_separator if documents else "\n\n"  # the last document's, as always

    def exported() -> Iterator[tuple[list[Segment], str]]:
        for document in documents:
            for paragraph in store.paragraphs(document.id):
                for segment in paragraph:
                    counts["all"] += 1
                    if segment.status == Status.APPROVED:
                        counts[Status.APPROVED] += 1
                    elif segment.target.strip():
                        counts["target"] += 1
                    else:
                        counts["source"] += 1
                yield paragraph, "".join(_export_text(s) + s.space_after for s in paragraph).strip()

    rebuilding = _rebuilding(store, documents, fmt)
    with replacing_path(out_path, QT_TRANSLATE_NOOP("Errors", "translation")) as tmp:
        if rebuilding is not None:
            rebuilder, original = rebuilding
            locators = store.locators(documents[0].id)
            rebuilder.rebuild(tmp, original, (
                TranslatedParagraph(locators[paragraph[0].paragraph_id], text, paragraph[0].tags,
                                    any(segment.target.strip() for segment in paragraph), tuple(paragraph))
                for paragraph, text in exported() if paragraph[0].paragraph_id in locators
            ))
        else:
            write_document(tmp, (as_text(text, paragraph[0].tags) for paragraph, text in exported()), separator)
    return ExportReport(out_path, counts["all"], counts[Status.APPROVED], counts["target"], counts["source"])


def _rebuilding(store: ProjectStore, documents: list[DocumentInfo],
                fmt: DocumentFormat) -> tuple[RebuildingFormat, bytes] | None:
    """The format and original file to write the translation into: only for one document, kept with its original
    in a format that rebuilds, exported to that same format (a .docx document's translation as .txt is written
    anew, and so are several documents written as one)."""
    if len(documents) != 1 or not isinstance(fmt, RebuildingFormat) or documents[0].format != fmt.name:
        return None
    original = store.original(documents[0].id)
    return None if original is None else (fmt, original)
