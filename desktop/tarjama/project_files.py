"""Turning documents into projects and projects back into documents: the services the CLI and window share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tarjama.atomic_file import replacing_path
from tarjama.domain import Segment, Status
from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.formats import format_for, read_document, write_document
from tarjama.paths import default_tm_path
from tarjama.stores.project import PROJECT_SUFFIX, ProjectStore


def default_project_path(document_path: Path) -> Path:
    return document_path.with_name(document_path.stem + PROJECT_SUFFIX)


def import_document(document_path: str | Path, project_path: str | Path) -> ProjectStore:
    """Read a document and add it to a project, creating the project if it does not exist yet.

    The document is read and checked completely before the project is touched, so a bad file leaves an existing
    project exactly as it was and never leaves a half-made new one.
    """
    document = read_document(Path(document_path))
    project_path = Path(project_path)
    if project_path.exists():
        store = ProjectStore.open(project_path)
        store.add_document(document)
    else:
        store = ProjectStore.create(project_path, [document])
    ensure_tm_link(store)
    return store


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

    The file is written under a temporary name and renamed, so a failed export never damages an earlier one.
    """
    out_path = Path(out_path)
    format_for(out_path)  # an unknown extension is refused naming this path, not the temporary one
    paragraphs: list[str] = []
    counts = {"all": 0, Status.APPROVED: 0, "target": 0, "source": 0}
    separator = "\n\n"
    for document in store.documents():
        separator = document.paragraph_separator
        for paragraph in store.paragraphs(document.id):
            paragraphs.append("".join(_export_text(s) + s.space_after for s in paragraph).strip())
            for segment in paragraph:
                counts["all"] += 1
                if segment.status == Status.APPROVED:
                    counts[Status.APPROVED] += 1
                elif segment.target.strip():
                    counts["target"] += 1
                else:
                    counts["source"] += 1
    with replacing_path(out_path, QT_TRANSLATE_NOOP("Errors", "translation")) as tmp:

        write_document(tmp, paragraphs, separator)
    return ExportReport(out_path, counts["all"], counts[Status.APPROVED], counts["target"], counts["source"])
