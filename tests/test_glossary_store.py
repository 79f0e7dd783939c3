"""The glossary store: its own kind of file, merged duplicates, all-or-nothing imports, the project's glossary."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tarjama.domain import GlossaryEntry, ImportedDocument
from tarjama.errors import BadInputError, ProjectError
from tarjama.glossary.store import (
    GLOSSARY_FILE,
    Glossary,
    load_term_finder,
    project_glossary_path,
    set_project_glossary,
)
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_glossary_path
from tarjama.project.store import ProjectStore


@pytest.fixture
def glossary(tmp_path: Path) -> Iterator[Glossary]:
    with Glossary.create(tmp_path / "terms.tarjama-glossary") as opened:
        yield opened


def test_entries_round_trip_and_find_terms_follows_changes(glossary: Glossary) -> None:
    nusra = GlossaryEntry("النصرة", ("Nusra Front", "al-Nusra"), note="Renamed in 2016.", forbidden=("Victory Front",))
    entry_id = glossary.add(nusra)
    assert glossary.entries() == [GlossaryEntry(**{**nusra.__dict__, "id": entry_id})]
    assert [hit.entry.preferred for hit in glossary.find_terms("بيان للنصرة")] == ["Nusra Front"]
    glossary.update(GlossaryEntry("النصرة", ("Jabhat al-Nusra",), id=entry_id))
    assert [hit.entry.targets for hit in glossary.find_terms("بيان للنصرة")] == [("Jabhat al-Nusra",)]
    glossary.remove(entry_id)
    assert glossary.entries() == [] and glossary.find_terms("بيان للنصرة") == []


def test_an_entry_is_tidied_before_it_is_stored(glossary: Glossary) -> None:
    glossary.add(GlossaryEntry("  الجيش الحر ", (" FSA ", "", "fsa", "Free Syrian Army"), forbidden=("FSA", " rebels")))
    (stored,) = glossary.entries()
    assert (stored.source, stored.targets, stored.forbidden) == ("الجيش الحر", ("FSA", "Free Syrian Army"), ("rebels",))


def test_the_same_term_spelt_differently_merges(glossary: Glossary) -> None:
    first = glossary.add(GlossaryEntry("النصرة", ("Nusra Front",), note="A jihadist group.", forbidden=("Victory",)))
    again = glossary.add(GlossaryEntry("النُّصْـرة", ("al-Nusra", "Nusra Front"), note="Renamed.", forbidden=("Support",)))
    assert again == first
    (merged,) = glossary.entries()
    assert merged.source == "النصرة"
    assert merged.targets == ("Nusra Front", "al-Nusra")
    assert merged.note == "A jihadist group.\nRenamed."
    assert merged.forbidden == ("Victory", "Support")


def test_import_merges_duplicates_within_the_batch_and_with_the_store(glossary: Glossary) -> None:
    glossary.add(GlossaryEntry("جيش", ("army",)))
    result = glossary.import_entries(
        [GlossaryEntry("جيش", ("military",)), GlossaryEntry("إدلب", ("Idlib",)), GlossaryEntry("ادلب", ("Edlib",))]
    )
    assert (result.added, result.merged) == (1, 2)
    assert [(e.source, e.targets) for e in glossary.entries()] == [("جيش", ("army", "military")),
                                                                   ("إدلب", ("Idlib", "Edlib"))]


def test_an_import_that_fails_midway_keeps_nothing(glossary: Glossary) -> None:
    glossary.add(GlossaryEntry("جيش", ("army",)))

    def reader() -> Iterator[GlossaryEntry]:
        yield GlossaryEntry("إدلب", ("Idlib",))
        yield GlossaryEntry("جيش", ("military",))
        raise BadInputError("terms.csv", "line 4: the Arabic term is empty")

    with pytest.raises(BadInputError, match="line 4"):
        glossary.import_entries(reader())
    assert [(e.source, e.targets) for e in glossary.entries()] == [("جيش", ("army",))]
    assert [hit.entry.source for hit in glossary.find_terms("جيش في إدلب")] == ["جيش"]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (GlossaryEntry("  ", ("army",)), "Arabic term is empty"),
        (GlossaryEntry("army", ("جيش",)), "no Arabic letter"),
        (GlossaryEntry("جيش", (" ",)), "no English term"),
    ],
)
def test_an_unusable_entry_is_refused_with_the_reason(glossary: Glossary, entry: GlossaryEntry, problem: str) -> None:
    with pytest.raises(ProjectError, match=problem) as raised:
        glossary.import_entries([GlossaryEntry("إدلب", ("Idlib",)), entry])
    assert "terms.tarjama-glossary" in str(raised.value)
    assert glossary.entries() == []


def test_update_refuses_to_make_two_entries_for_one_term(glossary: Glossary) -> None:
    glossary.add(GlossaryEntry("جيش", ("army",)))
    other = glossary.add(GlossaryEntry("إدلب", ("Idlib",)))
    with pytest.raises(ProjectError, match="already has an entry for «جيش»"):
        glossary.update(GlossaryEntry("جَيش", ("troops",), id=other))
    with pytest.raises(ProjectError, match="no entry 99"):
        glossary.update(GlossaryEntry("حلب", ("Aleppo",), id=99))


def test_a_foreign_or_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    tm_path = tmp_path / "memory.tarjama-tm"
    TranslationMemory.create(tm_path).close()
    with pytest.raises(ProjectError, match="not a Tarjama glossary"):
        Glossary.open(tm_path)
    text = tmp_path / "notes.tarjama-glossary"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(ProjectError, match="not a Tarjama glossary"):
        Glossary.open_or_create(text)
    assert text.read_text(encoding="utf-8") == "not a database"
    newer = tmp_path / "newer.tarjama-glossary"
    Glossary.create(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version={GLOSSARY_FILE.version + 1}")
    with pytest.raises(ProjectError, match="newer version of Tarjama"):
        Glossary.open(newer)
    with pytest.raises(ProjectError, match="already exists"):
        Glossary.create(newer)


def test_a_project_uses_the_default_glossary_until_it_names_another(tmp_path: Path) -> None:
    document = ImportedDocument(name="news.txt", format="txt", paragraphs=["قال الجيش."])
    with ProjectStore.create(tmp_path / "news.tarjama", [document]) as store:
        assert project_glossary_path(store) == default_glossary_path()
        assert default_glossary_path().parent.is_dir()
        own = tmp_path / "client.tarjama-glossary"
        set_project_glossary(store, own)
        assert own.is_file()
    with ProjectStore.open(tmp_path / "news.tarjama") as store:
        assert project_glossary_path(store) == own.absolute()
        with pytest.raises(ProjectError, match="not a Tarjama glossary"):
            set_project_glossary(store, tmp_path / "news.tarjama")
        assert project_glossary_path(store) == own.absolute()


def test_a_term_finder_for_a_missing_glossary_is_empty_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.tarjama-glossary"
    assert not load_term_finder(missing)
    assert not missing.exists()
    with Glossary.create(missing) as glossary:
        glossary.add(GlossaryEntry("جيش", ("army",)))
    assert [hit.entry.preferred for hit in load_term_finder(missing).find_terms("وجيش")] == ["army"]
