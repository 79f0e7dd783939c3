"""Commands on a project: import, inspect, edit, pre-translate and export it."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

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
    force_option,
    percentage,
    segment_id,
)
from tarjama.cli.qa_commands import finding_line, findings_summary
from tarjama.cli.report_commands import effort_lines
from tarjama.cli.terminal import Out
from tarjama.domain import Segment, Status
from tarjama.errors import Message
from tarjama.export_guard import refuse_existing
from tarjama.inline_tags import from_readable, readable
from tarjama.project.effort import project_effort
from tarjama.project.files import EXPORT_RULE, ensure_tm_link, export_target, import_document
from tarjama.project.review import ApprovalRefused, Review
from tarjama.project.store import ProjectStore
from tarjama.settings import CONTEXT_MATCH_SCORE, PRETRANSLATE_THRESHOLD

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
    notices: list[Message] = []
    with (out.activity(f"Importing {args.document.name}"),
          import_document(args.document, args.project, on_notice=notices.append) as store):
        stats = store.stats()
    out.line(f"Imported {args.document} into {args.project}: {stats.segments} segments, {stats.words} words.")
    for notice in notices:
        out.line(f"Note: {notice}")


def cmd_stats(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        stats = store.stats()
        effort = project_effort(store)
    if args.json:
        out.json({**asdict(stats), "effort": asdict(effort)})
        return
    out.line(f"Segments approved: {stats.approved_segments} / {stats.segments}")
    out.line(f"Words approved:    {stats.approved_words} / {stats.words}")
    for status, count in stats.by_status.items():
        out.line(f"  {status:<9} {count}")
    for line in effort_lines(effort):
        out.line(line)


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
        try:
            if args.approve:
                segment = review.approve(args.segment_id, args.target, force=args.force)
            else:
                segment = review.edit(args.segment_id, args.target)
        except ApprovalRefused as refused:
            _report_refusal(refused, out)
            return EXIT_FAILED
        problem = store.tm_error if segment.status == Status.APPROVED or store.memory_behind else None
    out.line(f"Segment {segment.id}: {segment.status.value}")
    if problem is None:
        return EXIT_OK
    out.note(f"tarjama-cli: {problem}")
    out.note(f"Segment {segment.id} is saved in {args.project}, but the translation memory does not have it yet: it "
             "is written there the next time the project is opened with the memory available.")
    return EXIT_FAILED


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


def cmd_pretranslate(args: argparse.Namespace, out: Out) -> int:
    from tarjama import mt
    from tarjama.memory.store import TranslationMemory
    from tarjama.project.pretranslate import pretranslate

    translator = None if args.no_mt else mt.load_translator()
    with ProjectStore.open(args.project) as store:
        ensure_tm_link(store)
        tm_path = args.tm or store.linked_tm
        memory = TranslationMemory.open(tm_path) if tm_path is not None else None
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
        "Import a document (.txt or .docx) into a project, creating the project if needed. The document is split "
        "into paragraphs and sentences (segments).",
        interrupted=IMPORT_ROLLED_BACK.format("the project") + " A new project is created only when complete.",
    )
    p.add_argument("document", type=Path, help="the Arabic document (.txt or .docx)")
    p.add_argument("--project", type=Path, required=True, help=PROJECT_HELP + ", created if it does not exist")

    p = command(sub, "stats", cmd_stats, "Show how much of a project is approved, and the post-editing effort.")
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)

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
    p.add_argument("--tm", type=Path, help="the translation memory to fill from (default: the project's)")
    p.add_argument(
        "--tm-threshold",
        type=percentage,
        default=PRETRANSLATE_THRESHOLD,
        metavar="PERCENT",
        help=f"the lowest TM match to use, 0-{CONTEXT_MATCH_SCORE} (default: {PRETRANSLATE_THRESHOLD})",
    )
    p.add_argument("--no-mt", action="store_true", help="fill from the translation memory only")

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
        "export-tmx",
        cmd_export_tmx,
        "Write a project's approved segments (only those) as a TMX 1.4b file.",
        interrupted=EXPORT_ATOMIC,
    )
    p.add_argument("project", type=Path, help=PROJECT_HELP)
    p.add_argument("output", type=Path, help="the TMX file to write")
    force_option(p, project=True)
