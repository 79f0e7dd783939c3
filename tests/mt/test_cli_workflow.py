"""The whole workflow through `tarjama-cli`, on the shared news article with the tiny glossary model: import,
list, pre-translate, post-edit and approve, look up the TM and the glossary, check, report, export."""

from __future__ import annotations

import csv
import json
import socket
from pathlib import Path

import docx
import pytest
from translate.storage.tmx import tmxfile

from pty_cli import run_on_pty
from tarjama import mt
from tarjama.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from tarjama.formats import read_document
from test_cli import run, run_json

from .mt_helpers import LoopbackServer

#: The headline's post-edited translation; the model glosses only the words it knows and copies the rest.
HEADLINE_EN = "Moscow and Washington announce work to map the areas held by ISIS and al-Nusra in Syria"


@pytest.fixture(autouse=True)
def _fresh_translators():
    yield
    mt.release_translators()


def test_the_workflow_on_the_shared_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_article: Path, glossary_archive: Path
) -> None:
    project = tmp_path / "article.tarjama"
    paragraphs = read_document(shared_article).paragraphs

    code, out, err = run(capsys, "import", shared_article, "--project", project)
    assert code == EXIT_OK, err
    segments = run_json(capsys, "segments", project)
    assert f"{len(segments)} segments" in out and len(segments) > len(paragraphs)
    assert {s["status"] for s in segments} == {"new"} and segments[0]["source"] == paragraphs[0]

    code, out, _ = run(capsys, "models", "install", glossary_archive)
    assert code == EXIT_OK and "ar" in out
    code, out, err = run(capsys, "pretranslate", project)
    assert code == EXIT_OK, err
    assert f"Machine-translated {len(segments)} of {len(segments)}" in out
    translated = run_json(capsys, "segments", project)
    assert all(s["status"] == "machine" and s["origin"] == "mt" and s["target"] for s in translated)
    headline = translated[0]
    assert headline["target"].startswith("Moscow and Washington")  # glossed: موسكو و واشنطن

    code, out, _ = run(capsys, "edit", project, headline["id"], "--target", HEADLINE_EN, "--approve")
    assert (code, out.strip()) == (EXIT_OK, f"Segment {headline['id']}: approved")

    (match,) = run_json(capsys, "tm", "match", headline["source"])
    assert (match["score"], match["target"], match["document"]) == (100, HEADLINE_EN, shared_article.name)
    hits = run_json(capsys, "tm", "search", "النصره")  # ة typed as ه
    assert [hit["target"] for hit in hits] == [HEADLINE_EN]
    start, end = hits[0]["source_spans"][0]
    assert headline["source"][start:end] == "النصرة"

    terms = tmp_path / "terms.csv"
    terms.write_text("Arabic,English,Note,Forbidden\nسورية,Syria,,Syrie\nداعش,ISIS,,Daesh\n", encoding="utf-8")
    code, out, _ = run(capsys, "glossary", "import", terms)
    assert (code, out.strip()) == (EXIT_OK, "Imported terms.csv: 2 terms added, 0 merged with terms already there.")
    found = run_json(capsys, "glossary", "find", headline["source"])
    assert [(hit["text"], hit["english"]) for hit in found] == [("داعش", ["ISIS"]), ("سورية", ["Syria"])]

    code, out, _ = run(capsys, "qa", project, "--json")
    issues = json.loads(out)
    assert code == EXIT_FAILED  # the model copies the Arabic words it does not know: errors to fix
    assert not [i for i in issues if i["segment_id"] == headline["id"] and i["severity"] == "error"]
    flagged = {(issue["segment_id"], issue["check"]) for issue in issues}
    assert (translated[1]["id"], "arabic_letters") in flagged
    assert any(check == "glossary_term" for _, check in flagged)  # سورية machine-translated without "Syria"

    report = tmp_path / "effort.csv"
    code, out, _ = run(capsys, "report", project, "--csv", report)
    assert code == EXIT_OK and "1 approved segments post-edited (1 from MT" in out
    with report.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["segment"], row["origin"], row["origin_text"], row["target"]) == (
        str(headline["id"]), "mt", headline["target"], HEADLINE_EN
    )
    assert 0 < float(row["hter"]) <= 1

    code, out, err = run(capsys, "export-target", project, tmp_path / "article-en.docx")
    assert code == EXIT_OK and f"1 of {len(segments)} segments approved" in out and "not yet approved" in err
    exported = [p.text for p in docx.Document(str(tmp_path / "article-en.docx")).paragraphs]
    assert len(exported) == len(paragraphs)
    assert exported[0] == HEADLINE_EN and exported[1].startswith(translated[1]["target"])

    code, out, _ = run(capsys, "export-tmx", project, tmp_path / "article.tmx")
    assert code == EXIT_OK and "1 approved segments" in out
    with (tmp_path / "article.tmx").open("rb") as handle:
        assert [(u.source, u.target) for u in tmxfile(handle).units] == [(headline["source"], HEADLINE_EN)]


def test_models_download_shows_a_byte_progress_bar_on_a_terminal(
    loopback_server: LoopbackServer, glossary_archive: Path
) -> None:
    archive = glossary_archive.read_bytes()
    entry = {
        "package_version": "1.0", "argos_version": "1.9.0", "code": "translate-ar_en",
        "from_code": "ar", "from_name": "Arabic", "to_code": "en", "to_name": "English",
        "links": [f"{loopback_server.url}/ar_en.argosmodel"],
    }
    loopback_server.routes.files.update({"/index.json": json.dumps([entry]).encode(), "/ar_en.argosmodel": archive})

    code, drawn = run_on_pty("models", "download", "--index", f"{loopback_server.url}/index.json")

    assert code == EXIT_OK, drawn
    assert "Downloading Arabic → English 1.0:" in drawn and "B/s" in drawn  # tqdm's byte units
    assert drawn.rstrip().endswith("Installed translate-ar_en-1_0 1.0 (Arabic → English).")
    assert [p.version for p in mt.list_packages()] == ["1.0"]


def test_models_download_without_a_network_is_a_failure_not_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A script must tell "the network failed, try later" (1) from "the command was wrong" (2)."""
    with socket.socket() as probe:  # a loopback port that nothing listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    code, _, err = run(capsys, "models", "download", "--index", f"http://127.0.0.1:{closed_port}/index.json")
    assert code == EXIT_FAILED, err
    assert "connection was refused" in err and "install a package from a .argosmodel file" in err

    code, _, err = run(capsys, "models", "download", "--index", (tmp_path / "index.json").as_uri())
    assert code == EXIT_BAD_INPUT, err
    assert "only http and https addresses can be downloaded" in err
    assert mt.list_packages() == []
