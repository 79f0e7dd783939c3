"""XLIFF 1.2 exports validate against the OASIS XLIFF 1.2 transitional schema (`tests/data`, see
XLIFF_SCHEMA_NOTES.md), offline: every fixture, imported, every segment translated and approved, written back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from tarjama.domain import Status
from tarjama.inline_tags import marks
from tarjama.project.files import export_target, import_document
from xml_schemas import offline_schema

DATA = Path(__file__).parent / "data"
FIXTURES = sorted((DATA / "xliff").glob("v12-*"))


@pytest.fixture(scope="module")
def transitional_schema() -> etree.XMLSchema:
    return offline_schema("xliff-core-1.2-transitional.xsd")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.name)
def test_an_approved_export_is_valid_xliff_1_2(fixture: Path, tmp_path: Path,
                                               transitional_schema: etree.XMLSchema) -> None:
    assert transitional_schema.validate(etree.parse(str(fixture))), transitional_schema.error_log
    source = Path(shutil.copy(fixture, tmp_path / fixture.name))
    with import_document(source, tmp_path / "job.tarjama") as store:
        for segment in store.segments():
            target = "".join(mark.char for mark in marks(segment.source)) + "Translated."
            store.update_segment(segment.id, target=target, status=Status.APPROVED)
        out = tmp_path / "out" / fixture.name
        out.parent.mkdir()
        export_target(store, out)
    exported = etree.parse(str(out))
    assert transitional_schema.validate(exported), transitional_schema.error_log
    assert "Translated." in out.read_text(encoding="utf-8")


def test_translate_toolkits_xliff2po_reads_the_translations_back(tmp_path: Path) -> None:
    """An independent converter, run as a translator's colleague would run it on what Tarjama delivers."""
    import subprocess
    import sys

    from translate.storage import po

    source = Path(shutil.copy(DATA / "xliff" / "v12-plain.xlf", tmp_path / "job.xlf"))
    with import_document(source, tmp_path / "job.tarjama") as store:
        for segment in store.segments():
            store.update_segment(segment.id, target="".join(m.char for m in marks(segment.source)) + "Translated.",
                                 status=Status.APPROVED)
        (tmp_path / "out").mkdir()
        export_target(store, tmp_path / "out" / "job.xlf")
    converter = Path(sys.executable).with_name("xliff2po")
    subprocess.run([str(converter), str(tmp_path / "out" / "job.xlf"), str(tmp_path / "job.po")], check=True,
                   capture_output=True)
    units = [unit for unit in po.pofile.parsefile(str(tmp_path / "job.po")).units if not unit.isheader()]
    assert units and all("Translated." in unit.target for unit in units)
