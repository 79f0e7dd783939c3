"""Turning documents into projects and projects back into documents: the services the CLI and window share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tarjama.atomic_file import replacing_path
from tarjama.domain import ImportedDocument, Segment, Status
from tarjama.errors import QT_TRANSLATE_NOOP, AlreadyExistsError, Message
from tarjama.export_guard import refuse_source_document, remember_source_document
from tarjama.formats import format_for, read_document, write_document
from tarjama.formats.interface import DocumentFormat, RebuildingFormat, TranslatedParagraph
from tarjama.inline_tags import as_text
from tarjama.paths import default_tm_path
from tarjama.project.records import DocumentInfo
from tarjama.project.store import PROJECT_SUFFIX, ProjectStore


def default_project_path(document_path: Path) -> Path:
    return document_path.with_name(document_path.stem + PROJECT_SUFFIX)


def import_document(document_path: str | Path, project_path: str | Path,
                    on_notice: Callable[[Message], None] | None = None) -> ProjectStore:
    """Read a document and add it to a project, creating the project if it does not exist yet; `on_notice` is
    told what the translator should know about how the file was read (a Word document's tracked changes).

    The document is read and checked completely before the project is touched, so a bad file leaves an existing
    project exactly as it was and never leaves a half-made new one. Two imports creating the same new project at
    once both end with their document in it: the project is published whole by whichever finishes first, and the
    other adds its document to that project, as it would have had it started a moment later. The project remembers
    where the document came from, so that no export replaces it.
    """
    document = read_document(Path(document_path))
    if on_notice is not None:
        for notice in document.notices:
            on_notice(notice)
    store, document_id = _add_to_project(Path(project_path), document)
    try:
        remember_source_document(store, document_id, document_path)
        ensure_tm_link(store)
    except BaseException:
        store.close()
        raise
    return store


def _add_to_project(project_path: Path, document: ImportedDocument) -> tuple[ProjectStore, int]:
    """The project at `project_path` with `document` in it, and the document's id: a new project holding only it,
    or the existing project (perhaps published by another import a moment ago) with it added."""
    if not project_path.exists():
        try:
            store = ProjectStore.create(project_path, [document])
        except AlreadyExistsError:
            pass  # another import created it meanwhile: add this document to it, as if it had come second
        else:
            return store, store.documents()[-1].id
    store = ProjectStore.open(project_path)
    try:
        return store, store.add_document(document)
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
    """Write the translation with the source's paragraph structure, following EXPORT_RULE.

    A project of one document kept in a format that rebuilds (.docx), exported to that format, is written into a
    copy of its original with each paragraph's text and inline tags in place; any other export writes the
    paragraphs anew, tags as plain text (`inline_tags.as_text`). The file is written under a temporary name and
    renamed, so a failed export never damages an earlier one. The paragraphs are handed to the writer one at a
    time, as it asks for them, so no list of a whole (possibly 500,000-segment) project is built; the counts are
    complete once the writer has consumed them all.
    """
    out_path = Path(out_path)
    fmt = format_for(out_path)  # an unknown extension is refused naming this path, not the temporary one
    refuse_source_document(out_path, store)
    counts = {"all": 0, Status.APPROVED: 0, "target": 0, "source": 0}
    documents = store.documents()
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
    """The format and original file to write the translation into: only for a project of one document, kept in a
    format that rebuilds, exported to that same format (a .docx project's translation as .txt is written anew)."""
    if len(documents) != 1 or not isinstance(fmt, RebuildingFormat) or documents[0].format != fmt.name:
        return None
    original = store.original(documents[0].id)
    return None if original is None else (fmt, original)
