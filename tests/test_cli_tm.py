"""`tarjama-cli tm …`, `export-tmx` and TM-first `pretranslate`, end to end on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from translate.storage.tmx import tmxfile

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.store import ProjectStore
from test_cli import run, run_json

FIRST = "أعلنت الحكومة خطة جديدة للنقل العام."
SECOND = "وتشمل الخطة خطوط حافلات إضافية."
THIRD = "رحب السكان بالقرار."
FIRST_EN = "The government announced a new public transport plan."


@pytest.fixture
def approved_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project whose first segment is approved (so it is in the user's default TM); the others are not."""
    document = tmp_path / "news.txt"
    document.write_text(f"{FIRST} {SECOND}\n\n{THIRD}\n", encoding="utf-8")
    project = tmp_path / "news.tarjama"
    assert run(capsys, "import", document, "--project", project)[0] == EXIT_OK
    assert run(capsys, "edit", project, "1", "--target", FIRST_EN, "--approve")[0] == EXIT_OK
    assert run(capsys, "edit", project, "2", "--target", "A draft, not approved.")[0] == EXIT_OK
    return project


def test_an_approved_segment_is_an_exact_match_in_the_default_tm(
    approved_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert default_tm_path().is_file()
    code, out, _ = run(capsys, "tm", "match", FIRST)
    assert code == EXIT_OK
    assert out.splitlines() == [f"100%\t{FIRST}\t{FIRST_EN}"]
    # The draft of segment 2 is not in the TM.
    assert run_json(capsys, "tm", "match", SECOND) == []


def test_match_prints_fuzzy_percentages_and_ignores_harakat(
    approved_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_harakat = "أَعْلَنَتِ الحُكومةُ خطة جديدة للنقل العام."
    assert run_json(capsys, "tm", "match", with_harakat)[0]["score"] == 100
    one_word_changed = "أعلنت الوزارة خطة جديدة للنقل العام."
    code, out, _ = run(capsys, "tm", "match", one_word_changed)
    assert code == EXIT_OK
    percent, source, target = out.splitlines()[0].split("\t")
    assert 70 <= int(percent.rstrip("%")) < 100 and source == FIRST and target == FIRST_EN
    code, out, err = run(capsys, "tm", "match", one_word_changed, "--threshold", "95")
    assert code == EXIT_OK and out == "" and "95%" in err


def test_search_finds_a_word_in_either_language_with_its_position(
    approved_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = run_json(capsys, "tm", "search", "الحكومه")  # ة typed as ه, as many keyboards do
    assert [hit["target"] for hit in hits] == [FIRST_EN]
    start, end = hits[0]["source_spans"][0]
    assert FIRST[start:end] == "الحكومة"
    hits = run_json(capsys, "tm", "search", "TRANSPORT", "--side", "target")
    start, end = hits[0]["target_spans"][0]
    assert FIRST_EN[start:end] == "transport"
    assert run(capsys, "tm", "search", "غير موجود")[0] == EXIT_OK


def test_export_tmx_writes_only_the_projects_approved_segments(
    approved_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "news.tmx"
    code, stdout, _ = run(capsys, "export-tmx", approved_project, out)
    assert code == EXIT_OK and "1 approved" in stdout
    with out.open("rb") as handle:
        units = tmxfile(handle).units
    assert [(u.source, u.target) for u in units] == [(FIRST, FIRST_EN)]


def test_tm_export_then_import_into_another_tm(
    approved_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "mine.tmx"
    assert run(capsys, "tm", "export", exported)[0] == EXIT_OK
    other = tmp_path / "other.tarjama-tm"
    code, out, _ = run(capsys, "tm", "import", exported, "--tm", other)
    assert code == EXIT_OK and "1 units added" in out
    code, out, _ = run(capsys, "tm", "import", exported, "--tm", other)
    assert code == EXIT_OK and "0 units added, 1 merged" in out
    with TranslationMemory.open(other) as memory:
        assert [(u.source, u.target) for u in memory.units()] == [(FIRST, FIRST_EN)]


def test_importing_a_broken_tmx_names_it_and_changes_nothing(
    approved_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="ar"/><body>\n'
        '<tu><tuv xml:lang="ar"><seg>نص</seg></tuv><tuv xml:lang="en"><seg>text</seg></tuv></tu>\n'
        "<tu><tuv xml:lang='ar'><seg>مكسور</seg></tuv>\n</body></tmx>\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "tm", "import", broken)
    assert code == EXIT_BAD_INPUT and "broken.tmx" in err and "line" in err
    with TranslationMemory.open(default_tm_path()) as memory:
        assert [u.source for u in memory.units()] == [FIRST]


def test_importing_a_tmx_without_arabic_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    french = tmp_path / "fr.tmx"
    french.write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hello</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "tm", "import", french, "--tm", tmp_path / "t.tarjama-tm")
    assert code == EXIT_BAD_INPUT and "fr.tmx" in err and "Arabic" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fr.tmx"]  # no empty memory left where none was


def test_a_failed_import_into_an_existing_memory_keeps_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memory_path = tmp_path / "t.tarjama-tm"
    TranslationMemory.create(memory_path).close()
    (tmp_path / "empty.tmx").write_text('<tmx version="1.4"><header srclang="ar"/><body/></tmx>', encoding="utf-8")

    code, _, err = run(capsys, "tm", "import", tmp_path / "empty.tmx", "--tm", memory_path)

    assert code == EXIT_BAD_INPUT and "empty.tmx" in err
    with TranslationMemory.open(memory_path) as memory:  # the memory the translator had is still there
        assert list(memory.units()) == []


def test_pretranslate_from_the_tm_only(
    approved_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "again.txt"
    document.write_text(f"{FIRST}\n\nأعلنت الوزارة خطة جديدة للنقل العام.\n\n{THIRD}\n", encoding="utf-8")
    project = tmp_path / "again.tarjama"
    assert run(capsys, "import", document, "--project", project)[0] == EXIT_OK
    code, out, _ = run(capsys, "pretranslate", project, "--no-mt", "--tm-threshold", "70")
    assert code == EXIT_OK and "Filled 2 of 3" in out and "1 exact, 1 fuzzy" in out
    with ProjectStore.open(project) as store:
        exact, fuzzy, untouched = store.segments()
    assert (exact.target, exact.status.value, exact.origin.value, exact.tm_score) == (FIRST_EN, "draft", "tm", 100)
    assert fuzzy.target == FIRST_EN and 70 <= fuzzy.tm_score < 100
    assert untouched.target == "" and untouched.status.value == "new"
    with TranslationMemory.open(default_tm_path()) as memory:
        assert next(memory.units()).usage_count == 2


@pytest.mark.parametrize("value", ["102", "-1", "most"])
def test_a_threshold_outside_0_to_101_is_a_usage_error(
    approved_project: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, _, err = run(capsys, "pretranslate", approved_project, "--no-mt", "--tm-threshold", value)
    assert code == EXIT_BAD_INPUT and "0 to 101" in err


def test_match_json_reports_origin_and_author(approved_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (match,) = run_json(capsys, "tm", "match", FIRST)
    assert match["origin"] == "human" and match["document"] == "news.txt" and match["author"]
    assert json.dumps(match, ensure_ascii=False)
