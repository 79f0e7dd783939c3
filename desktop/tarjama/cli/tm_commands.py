"""`tarjama-cli tm`: search, match, import and export a translation memory, and correct its units."""

from __future__ import annotations

import argparse
from pathlib import Path

from tarjama.cli.output import (
    EXPORT_ATOMIC,
    IMPORT_ROLLED_BACK,
    JSON_HELP,
    SAVED_WHOLE,
    count,
    force_option,
    percentage,
    store_commands,
    unit_id,
)
from tarjama.cli.terminal import Out
from tarjama.domain import TmUnit
from tarjama.errors import QT_TRANSLATE_NOOP, TarjamaError
from tarjama.inline_tags import from_readable, readable
from tarjama.memory.editing import HISTORY_LIMIT, UnitEditor, history
from tarjama.paths import default_tm_path, user_name
from tarjama.settings import LOOKUP_THRESHOLD

#: How long a change of a unit waits for another program's write to the memory (a TMX import) before giving up.
CHANGE_WAIT = 5.0


TM_OPTION_HELP = ("the translation memory: a file (default: your own, in Tarjama's data folder) or a team memory "
                  "on its server, postgresql://user@host/database or service=NAME")


def tm_location(text: str) -> Path | str:
    """A `--tm` argument: a memory file's path, or a team memory's address."""
    from tarjama.memory.team_link import memory_location  # psycopg is imported only when --tm is given

    return memory_location(text)


def _tm(args: argparse.Namespace) -> Path | str:
    return args.tm or default_tm_path()


def _tm_path(args: argparse.Namespace) -> Path:
    """The memory file an action that edits units works on: a team memory's units are the server's to change."""
    location = _tm(args)
    if isinstance(location, str):
        raise TarjamaError(QT_TRANSLATE_NOOP(
            "Errors", "tm edit, delete and history work on a memory file, not on a team memory ({url}): a team "
                      "memory's units are corrected on its server."), url=location)
    return location


def cmd_tm_import(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.exchange import import_tmx
    from tarjama.memory.team_link import import_tmx_to_team

    location = _tm(args)
    with out.progress(f"Reading {args.file.name}") as done:
        if isinstance(location, str):
            report = import_tmx_to_team(location, args.file, on_progress=done)
        else:
            # Indexed for concordance as it goes: the command ends when all is done, which is sooner this way.
            report = import_tmx(location, args.file, on_progress=done, concordance_later=False)
    out.line(report.summary())
    if not isinstance(location, str):
        _index_concordance(location, out)


def _index_concordance(location: Path, out: Out) -> None:
    """What a large import by the window left for concordance and the window has not indexed yet (it was closed
    first), indexed before the command ends: interrupted, the rest waits for the next import or for the window."""
    from tarjama.memory.exchange import index_concordance
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open(location) as memory:
        waiting = memory.concordance_waiting()
    if waiting:
        with out.progress("Indexing for concordance", total=waiting) as done:
            index_concordance(location, on_progress=done)
        out.line(f"Indexed {waiting} units for concordance.")


def cmd_tm_export(args: argparse.Namespace, out: Out) -> None:
    from tarjama.export_guard import refuse_existing
    from tarjama.memory.exchange import export_tm
    from tarjama.memory.team_link import export_team

    refuse_existing(args.file, force=args.force)
    location = _tm(args)
    with out.progress(f"Writing {args.file.name}") as done:
        if isinstance(location, str):
            written = export_team(location, args.file, on_progress=done)
        else:
            written = export_tm(location, args.file, on_progress=done)
    out.line(f"Wrote {args.file}: {written} approved units.")


def _unit_json(unit: TmUnit) -> dict[str, object]:
    return {
        "id": unit.id,
        "source": unit.source,
        "target": unit.target,
        "origin": unit.origin.value,
        "changed": unit.changed_at,
        "author": unit.author,
        "document": unit.document,
        "usage_count": unit.usage_count,
    }


def cmd_tm_match(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.team_link import memory_at

    with memory_at(_tm(args)) as memory:
        matches = memory.lookup(args.text, threshold=args.threshold, limit=args.limit)
    if args.json:
        out.json([{"score": m.score, "flags": sorted(m.flags), **_unit_json(m.unit)} for m in matches])
        return
    if not matches:
        out.note(f"No match of {args.threshold}% or more.")
    for match in matches:
        note = f"\t(differs only in {', '.join(sorted(match.flags))})" if match.flags else ""
        out.line(f"{match.score}%\t{match.unit.source}\t{match.unit.target}{note}")


def cmd_tm_search(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.team_link import memory_at

    with memory_at(_tm(args)) as memory:
        hits = memory.concordance(args.query, side=args.side, limit=args.limit)
    if args.json:
        out.json(
            [
                {
                    **_unit_json(hit.unit),
                    "source_spans": [list(span) for span in hit.source_spans],
                    "target_spans": [list(span) for span in hit.target_spans],
                }
                for hit in hits
            ]
        )
        return
    if not hits:
        out.note(f"Nothing in the translation memory contains {args.query!r}.")
    for hit in hits:
        out.line(f"{hit.unit.source}\t{hit.unit.target}")


def cmd_tm_edit(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open(_tm_path(args)) as memory:
        change = UnitEditor(memory, author=user_name(), wait=CHANGE_WAIT).edit_target(args.unit_id, args.target)
    out.line(f"Unit {change.unit_id}: {readable(change.old_target or '')} -> {readable(change.new_target or '')}")


def cmd_tm_delete(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open(_tm_path(args)) as memory:
        change = UnitEditor(memory, author=user_name(), wait=CHANGE_WAIT).delete(args.unit_id)
    out.line(f"Deleted unit {change.unit_id} ({readable(change.old_target or '')}).")


def cmd_tm_history(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open(_tm_path(args)) as memory:
        changes = history(memory, args.unit_id, limit=args.limit)
    if args.json:
        out.json([
            {"unit_id": c.unit_id, "action": c.action.value, "old_target": c.old_target,
             "new_target": c.new_target, "author": c.author, "at": c.at}
            for c in changes
        ])
        return
    if not changes:
        out.note("No unit of this memory has been edited or deleted.")
    for c in changes:
        out.line("\t".join([c.at, c.author, c.action.value, str(c.unit_id), readable(c.old_target or ""),
                            readable(c.new_target or "")]))


def cmd_tm_serve_init(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.team_store import init_schema

    label = init_schema(args.url)
    out.line(f"The team memory on {label} is ready (tables, indexes and the tarjama_reader and tarjama_writer "
             "roles, where your role may create roles).")


def cmd_tm_link(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.team_link import link_team
    from tarjama.memory.team_url import team_address
    from tarjama.project.store import ProjectStore

    with ProjectStore.open(args.project) as store:
        replica = link_team(store, args.url)
    label = team_address(replica.url, timeout=1).label
    out.line(f"{args.project} now keeps its approvals in the team memory on {label}, through its replica "
             f"{replica.path}; run tarjama-cli tm sync {args.project} to send them and bring in the team's.")


def cmd_tm_unlink(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.team_link import team_url_of, unlink_team
    from tarjama.project.store import ProjectStore

    with ProjectStore.open(args.project) as store:
        linked = team_url_of(store)
        unlink_team(store)
    if linked is None:
        out.note(f"{args.project} was not linked to a team memory.")
    else:
        out.line(f"{args.project} no longer uses the team memory {linked}.")


def cmd_tm_sync(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.team_link import sync_project_team

    report = sync_project_team(args.project)
    out.line(f"Sent {report.pushed} approvals to the team memory and brought in {report.pulled} units.")
    if report.read_only and report.queued:
        out.note(f"{report.queued} approvals stay in the replica: the team memory is read-only for you.")
    elif report.queued:
        out.note(f"{report.queued} approvals still wait to be sent.")


def cmd_tm_password(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.team_link import team_memory_url
    from tarjama.memory.team_secrets import forget_password, store_password
    from tarjama.memory.team_url import team_login

    url = team_memory_url(args.url)
    if args.forget:
        if forget_password(url):
            out.line(f"Removed the password for {team_login(url)} from the system keyring.")
        else:
            out.note(f"The system keyring held no password for {team_login(url)}.")
        return
    login = store_password(url, _read_password(team_login(url)))
    out.line(f"The system keyring keeps the password for {login}; Tarjama uses it when the server asks for one.")


def _read_password(login: str) -> str:
    """The password typed at the terminal without echo, else the first line of the standard input (a script)."""
    import getpass
    import sys

    typed = sys.stdin.isatty()
    password = getpass.getpass(f"Password for {login}: ") if typed else sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise TarjamaError(QT_TRANSLATE_NOOP(
            "Errors", "No password was given for {login}; type it when asked, or give it on the standard input."),
            login=login)
    return password


def register(sub: argparse._SubParsersAction) -> None:
    add = store_commands(
        sub,
        "tm",
        "Search, import and export the translation memory.",
        "Search, import and export a translation memory: your own (in Tarjama's data folder, where every approved "
        "segment goes) or another with --tm.",
        "--tm",
        TM_OPTION_HELP,
        tm_location,
    )
    p = add(
        "import",
        cmd_tm_import,
        "Add the Arabic→English units of a TMX file (TMX 1.1-1.4) to the memory, merging duplicates; a broken file "
        "changes nothing.",
        interrupted=IMPORT_ROLLED_BACK.format("the translation memory"),
    )
    p.add_argument("file", type=Path, help="the TMX file to read")
    p = add(
        "export", cmd_tm_export, "Write the memory's approved units as a TMX 1.4b file.", interrupted=EXPORT_ATOMIC
    )
    p.add_argument("file", type=Path, help="the TMX file to write")
    force_option(p)
    p = add(
        "search",
        cmd_tm_search,
        "Concordance: units whose Arabic or English contains a word or phrase (harakat and common spelling "
        "variants such as ة/ه ignored). Prints source and target, tab-separated.",
    )
    p.add_argument("query", help="the word or phrase to look for")
    p.add_argument("--side", choices=["source", "target", "both"], default="both", help="where to look (default: both)")
    p.add_argument("--limit", type=count, default=50, help="at most this many units (default: 50)")
    p.add_argument("--json", action="store_true", help=JSON_HELP + ", with the character spans found")
    p = add(
        "match",
        cmd_tm_match,
        "The memory's best matches for an Arabic sentence. Prints percentage, source and target, tab-separated.",
    )
    p.add_argument("text", help="the Arabic sentence")
    p.add_argument(
        "--threshold",
        type=percentage,
        default=LOOKUP_THRESHOLD,
        metavar="PERCENT",
        help=f"the lowest match to show (default: {LOOKUP_THRESHOLD})",
    )
    p.add_argument("--limit", type=count, default=5, help="at most this many matches (default: 5)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = add(
        "serve-init",
        cmd_tm_serve_init,
        "Create the team memory's tables on a PostgreSQL server (run as the database's owner; run again, it "
        "changes nothing). Grant each translator's role tarjama_reader or tarjama_writer afterwards.",
    )
    p.add_argument("url", help="the database: postgresql://user@host:port/database or service=NAME")
    project_help = "the project file (.tarjama)"
    p = add(
        "link",
        cmd_tm_link,
        "Make a team memory the project's memory: approvals go into its local replica (lookups work offline) and "
        "reach the server at each `tm sync`. The address holds no password: libpq reads it from PGPASSFILE or "
        "~/.pgpass.",
        of_store=False,
    )
    p.add_argument("project", type=Path, help=project_help)
    p.add_argument("url", help="the team memory: postgresql://user@host:port/database or service=NAME")
    p = add(
        "password",
        cmd_tm_password,
        "Keep the password of a team memory's login in the system keyring (typed without echo, or read from the "
        "standard input), used when the server asks for one; never in the project. Without a keyring, use the "
        "libpq password file (PGPASSFILE or ~/.pgpass).",
        of_store=False,
    )
    p.add_argument("url", help="the team memory: postgresql://user@host:port/database or service=NAME")
    p.add_argument("--forget", action="store_true", help="remove the password kept for this login instead")
    p = add("unlink", cmd_tm_unlink, "Stop using the project's team memory (the replica keeps its units).",
            of_store=False)
    p.add_argument("project", type=Path, help=project_help)
    p = add(
        "sync",
        cmd_tm_sync,
        "Send the project's approvals waiting in the replica to its team memory, and bring the team's new "
        "approvals into the replica. Interrupted or offline, nothing is lost: what was not sent waits.",
        of_store=False,
        interrupted="what the server confirmed is sent; the rest waits in the replica for the next sync.",
    )
    p.add_argument("project", type=Path, help=project_help)
    unit_help = "the unit's id, as `tm search --json` lists it"
    p = add(
        "edit",
        cmd_tm_edit,
        "Correct a unit's English target in the memory (logged with your name and the time; a project's segment "
        "keeps its own target).",
        interrupted=SAVED_WHOLE,
    )
    p.add_argument("unit_id", type=unit_id, help=unit_help)
    p.add_argument("target", type=from_readable,
                   help="the new English target, with the source's inline tags written as ⟨1⟩…⟨/1⟩, ⟨3/⟩")
    p = add("delete", cmd_tm_delete, "Delete a unit from the memory (logged, with the unit kept in the log).",
            interrupted=SAVED_WHOLE)
    p.add_argument("unit_id", type=unit_id, help=unit_help)
    p = add(
        "history",
        cmd_tm_history,
        "The memory's log of edited and deleted units, newest first: time (UTC), author, action, unit id, old and "
        "new target, tab-separated.",
    )
    p.add_argument("unit_id", type=unit_id, nargs="?", help="only this unit's changes")
    p.add_argument("--limit", type=count, default=HISTORY_LIMIT, help=f"at most this many (default: {HISTORY_LIMIT})")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
