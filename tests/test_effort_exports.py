"""Post-editing effort where translators see it: TMX props in a project export and in the linked translation memory,
`tarjama-cli stats`, and `tarjama-cli report` (CSV, JSON, terminal)."""

from __future__ import annotations

import csv
import errno
from pathlib import Path

import pytest
from lxml import etree

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.domain import ImportedDocument, MachineSuggestion, Status, TmMatch, TmUnit
from tarjama.memory.exchange import export_project
from tarjama.memory.store import TranslationMemory
from tarjama.project.store import ProjectStore
from test_cli import run, run_json

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


def test_stats_shows_the_effort(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", project)
    assert code == EXIT_OK
    assert "Segments approved: 3 / 4" in out
    assert "Post-edited:       2 approved segments from MT (1) or a fuzzy TM match (1)" in out
    assert f"mean {(HTER_FIRST + HTER_SECOND) / 2:.4f}, median 0.2083" in out
    assert "Active editing:    0:01:00 (536 approved source words per hour)" in out  # 9 words in 60.4 s

    stats = run_json(capsys, "stats", project)
    assert stats["approved_segments"] == 3
    effort = stats["effort"]
    assert (effort["segments"], effort["from_mt"], effort["from_tm"]) == (2, 1, 1)
    assert effort["mean_hter"] == pytest.approx((HTER_FIRST + HTER_SECOND) / 2)
    assert effort["edit_seconds"] == pytest.approx(60.4)


def test_stats_of_a_project_without_post_editing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ProjectStore.create(tmp_path / "p.tarjama", [ImportedDocument("d.txt", "txt", [FIRST])]).close()
    code, out, _ = run(capsys, "stats", tmp_path / "p.tarjama")
    assert code == EXIT_OK
    assert "no approved segment began as MT or a fuzzy TM match" in out and "Active editing:    0:00:00\n" in out
    assert run_json(capsys, "stats", tmp_path / "p.tarjama")["effort"]["mean_hter"] is None


def test_report_csv(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "تقرير.csv"
    code, stdout, _ = run(capsys, "report", project, "--csv", out)
    assert code == EXIT_OK
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Arabic right only with a BOM
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["source"] for row in rows] == [FIRST, SECOND]
    first, second = rows
    assert first == {
        "segment": "1",
        "paragraph": "1",
        "source": FIRST,
        "origin_text": MT_FIRST,
        "target": FINAL_FIRST,
        "origin": "mt",
        "tm_score": "",
        "hter": "0.1667",
        "char_distance": "2",
        "char_ratio": f"{2 / len(FINAL_FIRST):.4f}",
        "edit_seconds": "30",
    }
    assert (second["origin"], second["origin_text"], second["tm_score"]) == ("tm", TM_SECOND, "85")
    assert second["hter"] == "0.25"
    assert stdout.splitlines() == [
        f"Wrote {out}. 2 approved segments post-edited (1 from MT, 1 from fuzzy TM matches), mean HTER 0.2083; "
        "0:01:00 of active editing."
    ]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_report_json_and_terminal(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, "report", project)
    assert report["summary"]["segments"] == 2
    assert [(row["segment"], row["origin"], row["hter"]) for row in report["segments"]] == [
        (1, "mt", 0.1667),
        (2, "tm", 0.25),
    ]
    code, out, _ = run(capsys, "report", project)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0].split("\t")[:3] == ["1", "1", FIRST] and lines[1].split("\t")[5:8] == ["tm", "85", "0.25"]
    assert lines[2].startswith("2 approved segments post-edited")


@pytest.mark.parametrize(("where", "message"), [("missing/r.csv", "could not be written"), (".", "is a folder")])
def test_report_to_a_bad_path_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, message: str
) -> None:
    code, out, err = run(capsys, "report", project, "--csv", tmp_path / where)
    assert code == EXIT_BAD_INPUT and out == ""
    assert str(tmp_path / where) in err and message in err


def test_a_failed_report_leaves_the_earlier_one(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.csv"
    out.write_text("the earlier report", encoding="utf-8")

    def disk_full(self: csv.DictWriter, rows: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(csv.DictWriter, "writerows", disk_full)
    code, _, err = run(capsys, "report", project, "--csv", out, "--force")
    assert code == EXIT_BAD_INPUT and "No space left" in err
    assert out.read_text(encoding="utf-8") == "the earlier report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
