"""`tarjama-cli models …` and `pretranslate`, end to end with a tiny real package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tarjama import mt
from tarjama.cli import main
from tarjama.domain import Status
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore


@pytest.fixture(autouse=True)
def _fresh_translators():
    yield
    mt.release_translators()


def test_models_install_list_remove(capsys: pytest.CaptureFixture[str], glossary_archive: Path) -> None:
    assert main(["models", "list"]) == 0
    assert "No translation package" in capsys.readouterr().out
    assert main(["models", "install", str(glossary_archive)]) == 0
    capsys.readouterr()
    assert main(["models", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["from"], p["to"]) for p in listed] == [("ar", "en")]
    assert main(["models", "remove", listed[0]["name"]]) == 0
    assert mt.list_packages() == []


def test_models_install_of_a_bad_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "model.argosmodel"
    bad.write_text("not a zip", encoding="utf-8")
    assert main(["models", "install", str(bad)]) == 2
    assert "model.argosmodel" in capsys.readouterr().err


def test_pretranslate_then_segments_json_reports_origin_and_confidence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, glossary_archive: Path
) -> None:
    mt.install_package(glossary_archive)
    document = tmp_path / "d.txt"
    document.write_text("ولد ذهب إلى مدرسة. بيت كبير.\n", encoding="utf-8")
    project = tmp_path / "d.tarjama"
    with import_document(document, project) as store:
        first = store.segments()[0]
        store.update_segment(first.id, target="Mine.", status=Status.APPROVED)
    assert main(["pretranslate", str(project)]) == 0
    assert "1 of 1" in capsys.readouterr().out
    assert main(["segments", str(project), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["target"] == "Mine." and rows[0]["origin"] == "human" and rows[0]["confidence"] is None
    assert rows[1]["status"] == "machine" and rows[1]["origin"] == "mt"
    assert 0 < rows[1]["confidence"] <= 1 and rows[1]["target"].startswith("house")
    with ProjectStore.open(project) as store:
        assert store.segments()[1].mt_text == rows[1]["target"]


def test_pretranslate_without_a_package_says_what_to_do(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_text("سلام.\n", encoding="utf-8")
    import_document(document, tmp_path / "d.tarjama").close()
    assert main(["pretranslate", str(tmp_path / "d.tarjama")]) == 2
    assert "install" in capsys.readouterr().err.lower()
