"""`tarjama-cli glossary …` end to end: import a term list, find terms in a sentence, list, export, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.glossary.store import Glossary
from tarjama.paths import default_glossary_path
from test_cli import run, run_json

SENTENCE = "قالت جبهة النُّصْرة إن مقاتليها انسحبوا أمام الجيش الحر وللنصرة حلفاء."


@pytest.fixture
def term_list(tmp_path: Path) -> Path:
    path = tmp_path / "client terms.csv"
    path.write_text(
        "Arabic,English,Note,Forbidden\n"
        'النصرة,"Nusra Front; al-Nusra","Renamed in 2016, keep the old name.",Victory Front\n'
        "الجيش الحر,Free Syrian Army|FSA,,rebels\n",
        encoding="utf-8-sig",
    )
    return path


def test_import_find_list_export(term_list: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "glossary", "import", term_list)
    assert code == EXIT_OK and out == "Imported client terms.csv: 2 terms added, 0 merged with terms already there.\n"
    assert default_glossary_path().is_file()

    hits = run_json(capsys, "glossary", "find", SENTENCE)
    assert [(SENTENCE[h["start"]:h["end"]], h["text"], h["english"][0]) for h in hits] == [
        ("النُّصْرة", "النُّصْرة", "Nusra Front"),
        ("الجيش الحر", "الجيش الحر", "Free Syrian Army"),
        ("وللنصرة", "وللنصرة", "Nusra Front"),
    ]
    assert hits[0]["forbidden"] == ["Victory Front"] and hits[0]["note"] == "Renamed in 2016, keep the old name."
    code, out, _ = run(capsys, "glossary", "find", "الجيش الحر")
    assert code == EXIT_OK and out == "0-10\tالجيش الحر\tالجيش الحر\tFree Syrian Army | FSA\t(not: rebels)\n"
    code, out, err = run(capsys, "glossary", "find", "مدرسة")
    assert code == EXIT_OK and out == "" and "No glossary term" in err

    listed = run_json(capsys, "glossary", "list")
    assert [(e["arabic"], e["english"]) for e in listed] == [
        ("النصرة", ["Nusra Front", "al-Nusra"]),
        ("الجيش الحر", ["Free Syrian Army", "FSA"]),
    ]

    exported = tmp_path / "terms.tbx"
    code, out, _ = run(capsys, "glossary", "export", exported)
    assert code == EXIT_OK and out == f"Wrote {exported}: 2 terms.\n"
    other = tmp_path / "other.tarjama-glossary"
    code, out, _ = run(capsys, "glossary", "import", exported, "--glossary", other)
    assert code == EXIT_OK and "2 terms added" in out
    with Glossary.open(other) as glossary:
        assert [e.forbidden for e in glossary.entries()] == [("Victory Front",), ("rebels",)]
    code, out, _ = run(capsys, "glossary", "import", term_list, "--glossary", other)
    assert code == EXIT_OK and "0 terms added, 2 merged" in out


def test_a_bad_file_exits_2_with_the_reason_and_changes_nothing(
    term_list: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "glossary", "import", term_list)[0] == EXIT_OK
    bad = tmp_path / "bad.csv"
    bad.write_text("arabic,english\nحلب,Aleppo\n,orphan\n", encoding="utf-8")
    code, out, err = run(capsys, "glossary", "import", bad)
    assert code == EXIT_BAD_INPUT and out == ""
    assert "bad.csv: line 3: the Arabic term is empty" in err
    assert [e["arabic"] for e in run_json(capsys, "glossary", "list")] == ["النصرة", "الجيش الحر"]

    code, _, err = run(capsys, "glossary", "import", tmp_path / "terms.xlsx")
    assert code == EXIT_BAD_INPUT and ".csv, .tsv, .tbx, .txt" in err
    not_a_glossary = tmp_path / "notes.tarjama-glossary"
    not_a_glossary.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "glossary", "list", "--glossary", not_a_glossary)
    assert code == EXIT_BAD_INPUT and "not a Tarjama glossary" in err


def test_import_files_without_a_header_and_omegat_glossaries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text("المصدر,source\nالجيش الحر,Free Syrian Army|FSA,keep FSA after first use\n", encoding="utf-8")
    code, out, _ = run(capsys, "glossary", "import", plain)
    assert code == EXIT_OK and out == "Imported plain.csv: 2 terms added, 0 merged with terms already there.\n"
    omegat = tmp_path / "glossary.txt"
    omegat.write_bytes(
        "\ufeff# Glossary in tab-separated format -*- coding: utf-8 -*-\nالنصرة\tNusra Front\tRenamed in 2016\n"
        "# a comment\nالنصرة\tal-Nusra\n".encode()
    )
    code, out, _ = run(capsys, "glossary", "import", omegat)
    assert code == EXIT_OK and "1 terms added, 1 merged" in out
    assert [(e["arabic"], e["english"], e["note"]) for e in run_json(capsys, "glossary", "list")] == [
        ("المصدر", ["source"], ""),
        ("الجيش الحر", ["Free Syrian Army", "FSA"], "keep FSA after first use"),
        ("النصرة", ["Nusra Front", "al-Nusra"], "Renamed in 2016"),
    ]
    exported = tmp_path / "for omegat.txt"
    code, out, _ = run(capsys, "glossary", "export", exported)
    assert code == EXIT_OK and out == f"Wrote {exported}: 3 terms.\n"
    assert exported.read_text(encoding="utf-8").splitlines()[1:] == [
        "المصدر\tsource",
        "الجيش الحر\tFree Syrian Army\tkeep FSA after first use",
        "الجيش الحر\tFSA\tkeep FSA after first use",
        "النصرة\tNusra Front\tRenamed in 2016",
        "النصرة\tal-Nusra\tRenamed in 2016",
    ]


def test_find_without_a_glossary_creates_none(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "glossary", "find", SENTENCE) == []
    assert not default_glossary_path().exists()


@pytest.mark.parametrize("action", ["import", "export", "list", "find"])
def test_each_action_has_help(action: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "glossary", action, "--help")
    assert code == EXIT_OK and "--glossary" in out and f"glossary {action}" in out
