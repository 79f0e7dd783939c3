"""Post-editing effort where translators see it: TMX props in a project export and in the linked translation memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tarjama.domain import ImportedDocument, MachineSuggestion, Status, TmMatch, TmUnit
from tarjama.stores.project import ProjectStore
from tarjama.stores.tm import TranslationMemory
from tarjama.tm_exchange import export_project

FIRST, SECOND, THIRD, FOURTH = "أعلنت الحكومة خطة جديدة.", "رحب السكان بالقرار.", "انتهى الاجتماع.", "وسيعود الوفد غدا."
MT_FIRST, FINAL_FIRST = "The government announced new plan.", "The government announced a new plan."
TM_SECOND, FINAL_SECOND = "Residents welcomed the plan.", "Residents welcomed the decision."
HTER_FIRST, HTER_SECOND = 1 / 6, 1 / 4  # one word inserted into six; one substituted in four


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Approved: segment 1 post-edited from MT (30.4 s), 2 from an 85 % TM match (15 s), 3 written by hand (15 s);
    segment 4 is machine output still in draft."""
    path = tmp_path / "خبر.tarjama"
    document = ImportedDocument("خبر.txt", "txt", [f"{FIRST} {SECOND}", f"{THIRD} {FOURTH}"])
    with ProjectStore.create(path, [document]) as store:
        store.link_tm(tmp_path / "memory.tarjama-tm")
        first, second, third, fourth = (s.id for s in store.segments())
        store.apply_machine_translations(
            [(first, MachineSuggestion(MT_FIRST, 0.7), []), (fourth, MachineSuggestion("The delegation.", 0.5), [])]
        )
        store.apply_tm_matches([(second, TmMatch(TmUnit("رحب السكان بالخطة.", TM_SECOND), score=85))])
        for segment_id, seconds, target in (
            (first, 30.4, FINAL_FIRST),
            (second, 15.0, FINAL_SECOND),
            (third, 15.0, "The meeting ended."),
        ):
            store.add_edit_time(segment_id, seconds)  # as the window does: the time first, then the approval
            store.update_segment(segment_id, target=target, status=Status.APPROVED)
        store.update_segment(fourth, target="The delegation returns tomorrow.")
    return path


def tmx_props(path: Path) -> dict[str, dict[str, str]]:
    """Each unit's props by its Arabic text, read back with lxml."""
    units = {}
    for tu in etree.parse(str(path)).iter("tu"):
        arabic = tu.find("tuv[@{http://www.w3.org/XML/1998/namespace}lang='ar']/seg").text
        units[arabic] = {prop.get("type"): prop.text for prop in tu.findall("prop")}
    return units


def test_a_project_tmx_export_carries_the_effort_of_post_edited_units(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    assert export_project(project, out) == 3
    units = tmx_props(out)
    assert units[FIRST]["x-hter"] == f"{HTER_FIRST:.4f}" == "0.1667"
    assert units[FIRST]["x-edit-seconds"] == "30"
    assert (units[SECOND]["x-hter"], units[SECOND]["x-edit-seconds"]) == ("0.2500", "15")
    assert "x-hter" not in units[THIRD] and "x-edit-seconds" not in units[THIRD]
    assert FOURTH not in units


def test_the_linked_tm_unit_gets_the_effort_at_approval(project: Path, tmp_path: Path) -> None:
    with TranslationMemory.open(tmp_path / "memory.tarjama-tm") as memory:
        props = {unit.source: dict(unit.props) for unit in memory.units()}
    assert props[FIRST] == {"x-hter": "0.1667", "x-edit-seconds": "30"}
    assert props[SECOND] == {"x-hter": "0.2500", "x-edit-seconds": "15"}
    assert props[THIRD] == {}
