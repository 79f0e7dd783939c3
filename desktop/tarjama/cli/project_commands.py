"""Commands on a project: import, inspect, edit, pre-translate and export it."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from tarjama.cli.model_commands import MODEL_HELP, project_model
from tarjama.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    EXPORT_ATOMIC,
    IMPORT_ROLLED_BACK,
    JSON_HELP,
    SAVED_WHOLE,
    char_offset,
    command,
    document_id,
    force_option,
    percentage,
    segment_id,
)
from tarjama.cli.qa_commands import finding_line, findings_summary
from tarjama.cli.report_commands import effort_lines
from tarjama.cli.terminal import Out
from tarjama.cli.tm_commands import tm_location
from tarjama.domain import Segment, Status
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message
from tarjama.export_guard import refuse_existing
from tarjama.inline_tags import from_readable, readable
from tarjama.project.comments import CommentService
from tarjama.project.effort import project_effort
from tarjama.project.files import (
    EXPORT_RULE,
    ensure_tm_link,
    export_all,
    export_target,
    import_documents,
    planned_exports,
)
from tarjama.project.records import DocumentInfo, ProjectStats
from tarjama.project.repetitions import RepetitionFill
from tarjama.project.review import ApprovalRefused, Review
from tarjama.project.store import ProjectStore
from tarjama.settings import CONTEXT_MATCH_SCORE, PRETRANSLATE_THRESHOLD, PROPAGATE_REPETITIONS

PROJECT_HELP = "the project file (*.tarjama)"
SEGMENT_HELP = "a segment's id, as `segments` lists it"


def _segment_json(segment: Segment) -> dict[str, object]:
    return {
        "id": segment.id,
        "paragraph": segment.paragraph_index + 1,
        "source": segment.source,
        "target": segment.target,
        "status": segment.status.value,
        "origin": segment.origin.value,
        "confidence": segment.confidence,
    }


def cmd_import(args: argparse.Namespace, out: Out) -> None:
    notices: list[tuple[Path, Message]] = []
    names = ", ".join(path.name for path in args.documents)
    with (out.activity(f"Importing {names}"),
          import_documents(args.documents, args.project, on_notice=lambda *note: notices.append(note)) as store):
        # One transaction added them, last: no other import can come between them.
        added = [(document, store.stats(document.id)) for document in store.documents()[-len(args.documents):]]
        total = store.stats()
    for path, (_document, stats) in zip(args.documents, added, strict=True):
        out.line(f"Imported {path} into {args.project}: {stats.segments} segments, {stats.words} words.")
    if total.segments != sum(stats.segments for _document, stats in added):  # the project held others before
        out.line(f"{args.project} now holds {total.segments} segments, {total.words} words.")
    for path, notice in notices:  # which file it is about, once there are several
        out.line(f"Note: {path.name}: {notice}" if len(args.documents) > 1 else f"Note: {notice}")


def _document_stats(store: ProjectStore) -> list[tuple[DocumentInfo, ProjectStats]]:
    return [(document, store.stats(document.id)) for document in store.documents()]


def _document_json(document: DocumentInfo, stats: ProjectStats) -> dict[str, object]:
    return {"id": document.id, "name": document.name, "format": document.format, **asdict(stats)}


def _progress(stats: ProjectStats) -> str:
    share = f" ({100 * stats.approved_words // stats.words} %)" if stats.words else ""
    return f"{stats.approved_words} / {stats.words} words approved{share}"


def cmd_stats(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        stats = store.stats()
        documents = _document_stats(store)
        effort = project_effort(store)
    if args.json:
        out.json({**asdict(stats), "documents": [_document_json(*pair) for pair in documents],
                  "effort": asdict(effort)})
        return
    out.line(f"Segments approved: {stats.approved_segments} / {stats.segments}")
    out.line(f"Words approved:    {stats.approved_words} / {stats.words}")
    for status, count in stats.by_status.items():
        out.line(f"  {status:<9} {count}")
    if len(documents) > 1:
        out.line("By document:")
        for document, counts in documents:
            out.line(f"  {document.id}\t{document.name}\t{_progress(counts)}")
    for line in effort_lines(effort):
        out.line(line)


def cmd_documents(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        documents = _document_stats(store)
    if args.json:
        out.json([_document_json(*pair) for pair in documents])
        return
    for document, stats in documents:
        out.line(f"{document.id}\t{document.name}\t{document.format}\t{_progress(stats)}\t"
                 f"{stats.approved_segments} / {stats.segments} segments")


def cmd_remove_document(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project, memory_wait=MEMORY_WAIT) as store:
        names = {document.id: document.name for document in store.documents()}
        segments = store.stats(args.document_id).segments if args.document_id in names else 0
        store.remove_document(args.document_id)
    out.line(f"Removed document {args.document_id} ({names[args.document_id]}, {segments} segments) from "
             f"{args.project}.")


def cmd_segments(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        segments = store.segments()
    if args.json:
        out.json([_segment_json(s) for s in segments])
        return
    for s in segments:
        out.line(f"{s.id}\t{s.paragraph_index + 1}\t{s.status.value}\t{readable(s.source)}\t{readable(s.target)}")


APPROVAL_QA = (
    "Before approving, QA checks the text as Ctrl+Enter does in the window (the checks of `tarjama-cli qa`, with the "
    "project's glossary, leaving out findings set aside): an error refuses the approval, prints the findings and "
    "saves nothing. --force approves anyway."
)
EDIT_EXIT_CODES = (
    f"Exit status: {EXIT_OK} when the change is saved; {EXIT_FAILED} when QA found errors and nothing was approved, "
    "or when the approval is saved but the translation memory could not be written yet; "
    f"{EXIT_BAD_INPUT} when the project or segment cannot be used."
)

#: How long an approval waits for another program's write to the memory (a TMX import holds it for as long as it
#: runs) before the CLI gives up on writing the unit now. The approval is saved in the project either way.
MEMORY_WAIT = 30.0


def cmd_edit(args: argparse.Namespace, out: Out) -> int:
    with ProjectStore.open(args.project, memory_wait=MEMORY_WAIT) as store:
        ensure_tm_link(store)
        review = Review(store)
        repetitions = RepetitionFill()
        try:
            if args.approve:
                propagate = PROPAGATE_REPETITIONS and not args.no_propagate
                segment, repetitions = review.approve_and_propagate(
                    args.segment_id, args.target, force=args.force, propagate=propagate
                )
            else:
                segment = review.edit(args.segment_id, args.target)
        except ApprovalRefused as refused:
            _report_refusal(refused, out)
            return EXIT_FAILED
        problem = store.tm_error if segment.status == Status.APPROVED or store.memory_behind else None
    out.line(f"Segment {segment.id}: {segment.status.value}")
    _report_repetitions(repetitions, out)
    if problem is None:
        return EXIT_OK
    out.note(f"tarjama-cli: {problem}")
    out.note(f"Segment {segment.id} is saved in {args.project}, but the translation memory does not have it yet: it "
             "is written there the next time the project is opened with the memory available.")
    return EXIT_FAILED


def _report_repetitions(repetitions: RepetitionFill, out: Out) -> None:
    """How many repetitions the approval filled, and which it could not (their tags), so none is a surprise."""
    if repetitions.filled:
        count = len(repetitions.filled)
        ids = ", ".join(str(segment.id) for segment in repetitions.filled)
        out.line(f"Filled {count} repetition{'s' if count != 1 else ''} as drafts: segment{'s' if count != 1 else ''} "
                 f"{ids}")
    if repetitions.untagged:
        count = len(repetitions.untagged)
        ids = ", ".join(str(segment.id) for segment in repetitions.untagged)
        out.note(f"Left {count} repetition{'s' if count != 1 else ''} as before, because the inline tags are not "
                 f"where the approved segment has them (segment{'s' if count != 1 else ''} {ids}): translate "
                 f"{'each' if count != 1 else 'it'} on its own.")


def _report_refusal(refused: ApprovalRefused, out: Out) -> None:
    """An approval QA refused: its findings as `tarjama-cli qa` prints them, then what was (not) done and how to go
    on. Like the window's "Go back", it keeps nothing: the project is as it was."""
    findings = refused.check.findings
    for finding in findings:
        out.line(finding_line(finding))
    out.note(findings_summary(findings))
    out.note(f"tarjama-cli: {refused}")
    out.note("To approve it as it is, run the command again with --force; without --approve the text is saved as a "
             "draft.")


def cmd_split(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        first, second = Review(store).split(args.segment_id, args.offset)
    out.line(f"Split segment {first.id}; the second part is segment {second.id}.")


def cmd_merge(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        merged, removed = Review(store).merge(args.segment_id)
    out.line(f"Merged segment {removed.id} into segment {merged.id}.")


def cmd_export_target(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        refuse_existing(args.output, force=args.force, project=store)
        report = export_target(store, args.output)
    out.line(f"Wrote {report.path}: {report.approved} of {report.segments} segments approved.")
    if report.approved < report.segments:
        out.note(EXPORT_RULE)


def cmd_export(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        for _document, path in planned_exports(store, args.output):
            refuse_existing(path, force=args.force, project=store)
        reports = export_all(store, args.output)
    for report in reports:
        out.line(f"Wrote {report.path}: {report.approved} of {report.segments} segments approved.")
    if any(report.approved < report.segments for report in reports):
        out.note(EXPORT_RULE)


def cmd_pretranslate(args: argparse.Namespace, out: Out) -> int:
    from tarjama import mt
    from tarjama.memory.store import TranslationMemory
    from tarjama.project.pretranslate import pretranslate

    with ProjectStore.open(args.project) as store:
        translator = None if args.no_mt else mt.load_translator(project_model(store, args.model, out))
        ensure_tm_link(store)
        tm = args.tm or store.linked_tm
        memory: TranslationMemory | TeamMemory | None = None
        if isinstance(tm, str):  # a team memory, looked up on its server
            from tarjama.memory.team_store import TeamMemory

            memory = TeamMemory.connect(tm)
        elif tm is not None:
            memory = TranslationMemory.open(tm)
        try:
            with out.progress("Pre-translating", total=len(store.segments_to_translate()), unit="segments") as done:
                report = pretranslate(
                    store, translator, tm=memory, tm_threshold=args.tm_threshold, on_progress=lambda p: done(p.done)
                )
        finally:
            if memory is not None:
                memory.close()
    out.line(
        f"Filled {report.from_tm} of {report.total} untranslated segments from the translation memory "
        f"({report.tm_exact} exact, {report.tm_fuzzy} fuzzy)."
    )
    if translator is not None:
        out.line(f"Machine-translated {report.translated} of {report.total} untranslated segments.")
    if not report.too_long:
        return EXIT_OK
    # Not translated, and said so: exit 1, as when part of the work could not be done; the rest is saved.
    listed = ", ".join(f"{s.segment_id} ({s.characters} characters)" for s in report.too_long[:10])
    more = f" and {len(report.too_long) - 10} more" if len(report.too_long) > 10 else ""
    first, count = report.too_long[0].segment_id, len(report.too_long)
    out.note(
        f"tarjama-cli: {args.project}: left {count} segment{'s' if count > 1 else ''} untouched, too long to "
        f"machine-translate (a segment should be a sentence; this model translates at most {report.token_limit} "
        f"tokens in one): segment{'s' if count > 1 else ''} {listed}{more}. Split {'each' if count > 1 else 'it'} "
        f"into sentences (tarjama-cli split {args.project} {first} OFFSET, or add full stops to the document and "
        "import it again), then run pretranslate again."
    )
    return EXIT_FAILED


def cmd_comment(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project, memory_wait=MEMORY_WAIT) as store:
        comments = CommentService(store)
        if args.delete is not None:
            deleted = comments.delete(args.delete)
            out.line(f"Deleted comment {deleted.id} on segment {deleted.segment_id} (kept in the project's history).")
            return
        if not args.text:
            raise BadInputError(args.project, QT_TRANSLATE_NOOP(
                "Errors", "needs the comment's text, or --delete with a comment's id."))
        comment = comments.add(args.segment_id, args.text)
    out.line(f"Comment {comment.id} on segment {comment.segment_id}, by {comment.author or '?'} at "
             f"{comment.created_at}.")


def cmd_comments(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        found = [comment for segment in store.segments() for comment in segment.comments]
    if args.json:
        out.json([{"id": c.id, "segment": c.segment_id, "author": c.author, "time": c.created_at, "text": c.text}
                  for c in found])
        return
    for c in found:
        out.line(f"{c.id}\t{c.segment_id}\t{c.author}\t{c.created_at}\t{c.text}")


def cmd_export_tmx(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.exchange import export_project

    with out.progress(f"Writing {args.output.name}") as done:
        written = export_project(args.project, args.output, replace=args.force, on_progress=done)
    out.line(f"Wrote {args.output}: {written} approved segments.")


def register(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "import",
        cmd_import,
        "Import documents (.txt or .docx) into a project, creating the project if needed. Each document is split "
        "into paragraphs and sentences (segments).",
        interrupted=IMPORT_ROLLED_BACK.format("the project") + " A new project is created only when complete.",
    )
    p.add_argument("documents", type=Path, nargs="+", metavar="document",
                   help="the Arabic documents (.txt or .docx), one or more; if one cannot be read, none is imported")
    p.add_argument("--project", type=Path, required=True, help=PROJECT_HELP + ", created if it does not exist")

    p = command(sub, "stats", cmd_stats, "Show how much of a project is approved, and the post-editing effort.")
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = command(sub, "documents", cmd_documents,
                "List a project's documents, one per line: id, name, format, words and segments approved.")
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = command(sub, "remove-document", cmd_remove_document,
                "Take a document out of a project: its segments go, and the translation memory no longer offers "
                "their approved translations (the segments' history stays in the project).",
                interrupted=SAVED_WHOLE)
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("document_id", type=document_id, help="a document's id, as `documents` lists it")

    p = command(
        sub,
        "segments",
        cmd_segments,
        "List a project's segments, one per line: id, paragraph, status, Arabic source, English target "
        "(tab-separated). Inline tags show as their numbers: ⟨1⟩ opens tag 1, ⟨/1⟩ closes it, ⟨3/⟩ stands alone.",
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP + ", with origin and MT confidence")

    p = command(
        sub,
        "edit",
        cmd_edit,
        "Set a segment's English text, and optionally approve it (approved segments go into the translation "
        "memory).",
        details=APPROVAL_QA,
        interrupted=SAVED_WHOLE,
    )
    p.epilog = EDIT_EXIT_CODES
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("segment_id", type=segment_id, help=SEGMENT_HELP)
    p.add_argument(
        "--target",
        required=True,
        type=from_readable,
        help="the English translation, with inline tags written as `segments` shows them (⟨1⟩…⟨/1⟩, ⟨3/⟩)",
    )
    p.add_argument(
        "--approve", action="store_true", help="approve the segment if QA finds no error (else it is saved as a draft)"
    )
    p.add_argument("--force", action="store_true", help="with --approve: approve it even if QA finds errors")
    p.add_argument(
        "--no-propagate",
        action="store_true",
        help="with --approve: leave the segment's repetitions (other segments with the same source) as they are; "
             "by default those not approved or rejected get its translation as drafts",
    )

    p = command(
        sub, "split", cmd_split, "Split a segment in two at a character offset of its source.", interrupted=SAVED_WHOLE
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("segment_id", type=segment_id, help=SEGMENT_HELP)
    p.add_argument(
        "offset", type=char_offset, help="where the second part starts, in characters from the source's start"
    )

    p = command(
        sub, "merge", cmd_merge, "Merge a segment with the next one in its paragraph.", interrupted=SAVED_WHOLE
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("segment_id", type=segment_id, help=SEGMENT_HELP)

    p = command(
        sub,
        "pretranslate",
        cmd_pretranslate,
        "Fill every segment nobody has translated yet: from the translation memory first, then by machine.",
        interrupted="segments are saved batch by batch, so those filled so far are kept whole and the rest is "
        "untouched; run pretranslate again to go on.",
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("--tm", type=tm_location, help="the translation memory to fill from: a file or a team memory "
                   "(postgresql://user@host/database or service=NAME; default: the project's)")
    p.add_argument(
        "--tm-threshold",
        type=percentage,
        default=PRETRANSLATE_THRESHOLD,
        metavar="PERCENT",
        help=f"the lowest TM match to use, 0-{CONTEXT_MATCH_SCORE} (default: {PRETRANSLATE_THRESHOLD})",
    )
    p.add_argument("--no-mt", action="store_true", help="fill from the translation memory only")
    p.add_argument("--model", metavar="NAME", help=MODEL_HELP)

    p = command(
        sub,
        "export-target",
        cmd_export_target,
        "Write the English document (.txt or .docx, by the file's extension), with the source's paragraphs.",
        details=EXPORT_RULE,
        interrupted=EXPORT_ATOMIC,
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("output", type=Path, help="the file to write (.txt or .docx)")
    force_option(p, project=True)

    p = command(
        sub,
        "export",
        cmd_export,
        "Write every document of a project into a folder, each in its own format under the name it was imported "
        "with (a .docx rebuilt from its original); two documents of one name get (2), (3)… before the extension.",
        details=EXPORT_RULE,
        interrupted=EXPORT_ATOMIC,
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("output", type=Path, help="the folder to write into (created if it does not exist)")
    force_option(p, project=True)

    p = command(sub, "comment", cmd_comment,
                "Write a comment on a segment (as your login name, now), or delete one: a deleted comment stays in "
                "the project's history. Comments go out as notes in TMX and XLIFF.", interrupted=SAVED_WHOLE)
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("segment_id", type=segment_id, help=SEGMENT_HELP)
    p.add_argument("text", nargs="?", help="the comment")
    p.add_argument("--delete", type=int, metavar="COMMENT", help="delete this comment (an id `comments` lists)")

    p = command(sub, "comments", cmd_comments,
                "List a project's comments, one per line: id, segment, author, time (UTC), text (tab-separated).")
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = command(
        sub,
        "export-tmx",
        cmd_export_tmx,
        "Write a project's approved segments (only those) as a TMX 1.4b file.",
        interrupted=EXPORT_ATOMIC,
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("output", type=Path, help="the TMX file to write")
    force_option(p, project=True)
