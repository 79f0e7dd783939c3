"""The CHANGELOG says which schema version of each file and of the team memory Tarjama writes, since that decides
whether an older Tarjama can still open a translator's files: a new version in the code without its line there
fails here, so the release notes cannot fall behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tarjama.glossary.store import GLOSSARY_FILE
from tarjama.memory.schema import TM_FILE
from tarjama.memory.team_schema import COMPATIBLE_VERSION, SCHEMA_VERSION
from tarjama.project.schema import PROJECT_FILE
from tarjama.sqlite_file import FileKind

CHANGELOG = (Path(__file__).parents[1] / "CHANGELOG.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text under the `### title` heading, up to the next heading."""
    match = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", CHANGELOG, re.M | re.S)
    assert match, f"CHANGELOG.md has no section “{title}”"
    return match.group(1)


def unreleased() -> str:
    """What the next release changes, up to its first subsection."""
    return CHANGELOG.split("## [Unreleased]", 1)[1].split("\n##", 1)[0]


def versions_listed(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"^- \*\*v(\d+)\*\*", text, re.M)]


@pytest.mark.parametrize(("kind", "title", "name"), [
    (PROJECT_FILE, "Project (`.tarjama`)", "project"),
    (TM_FILE, "Translation memory (`.tarjama-tm`)", "translation memory"),
    (GLOSSARY_FILE, "Glossary (`.tarjama-glossary`)", "glossary"),
])
def test_every_file_schema_version_is_described_and_the_table_and_unreleased_name_the_latest(
    kind: FileKind, title: str, name: str
) -> None:
    assert versions_listed(section(title)) == list(range(1, kind.version + 1))
    row = re.search(rf"^\| {name} \|.*\| (?:1 – )?(\d+) \|$", CHANGELOG, re.M)
    assert row and int(row.group(1)) == kind.version, f"the table's {name} row"
    assert f"{name} v{kind.version}" in unreleased()


def test_every_team_memory_schema_version_is_described_with_what_it_is_compatible_with() -> None:
    text = section("Team memory (a PostgreSQL database)")
    assert versions_listed(text) == list(range(1, SCHEMA_VERSION + 1))
    latest = text.split(f"**v{SCHEMA_VERSION}**", 1)[1]
    assert f"Compatible with v{COMPATIBLE_VERSION}." in latest
    assert f"team memory v{SCHEMA_VERSION} (compatible with v{COMPATIBLE_VERSION})" in unreleased()
