"""OmegaT, a CAT tool that shares no code with Tarjama, reads the XLIFF 1.2 files Tarjama delivers.

A colleague who works in OmegaT opens Tarjama's export in an OmegaT project. OmegaT's own XLIFF filter takes the text
of each `<target>` as what it works on (its "editing" workflow), so the TMX it writes in console mode
(`--mode=console-createpseudotranslatetmx`, every segment it extracted as its own translation) lists exactly what it
read. Every translation Tarjama wrote must be there, and no Arabic: a target OmegaT could not find would leave it
the source, and a broken file would leave it nothing at all.

OmegaT 3.6 (Debian's) reads XLIFF 1.2 only, and its filter's file masks are `*.xlf` and `*.sdlxliff`: a `.mqxliff`
is given to it as `.xlf`, as a memoQ job is in OmegaT. XLIFF 2.0 exports have their own independent readers
(tests/test_xliff20.py: the OASIS 2.0 schema and translate-toolkit).

Skipped on a developer's machine without OmegaT; under CI (`CI=true`, where `.ci/run` installs it) a missing OmegaT
fails, so the check can never silently stop running.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tarjama.domain import Status
from tarjama.inline_tags import marks
from tarjama.project.files import export_target, import_document

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data" / "xliff"
FIXTURES = sorted(DATA.glob("v12-*"))
INSTALL = "OmegaT is not installed: apt-get install omegat"
ARABIC = re.compile("[\u0600-\u06ff]")
OMEGAT_TAG = re.compile(r"<[^<>]*>")  # OmegaT shows an inline tag as a shortcut such as <g0/> or <b0>

PROJECT_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>AR</source_lang>
        <target_lang>EN</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneArabicTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"""


def _omegat() -> str:
    omegat = shutil.which("omegat")
    if omegat is None:
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL)
        pytest.skip(INSTALL)
    return omegat


def _deliver(fixture: Path, work: Path) -> tuple[Path, list[str]]:
    """Import the fixture, translate every segment with a numbered sentence (keeping the source's tags), approve it,
    and export; returns the delivered file and the sentences written."""
    source = Path(shutil.copy(fixture, work / fixture.name))
    written: list[str] = []
    with import_document(source, work / "job.tarjama") as store:
        for segment in store.segments():
            sentence = f"Translated {len(written)}."
            written.append(sentence)
            store.update_segment(segment.id, target="".join(m.char for m in marks(segment.source)) + sentence,
                                 status=Status.APPROVED)
        delivered = work / "delivered" / fixture.name
        delivered.parent.mkdir()
        export_target(store, delivered)
    return delivered, written


def _what_omegat_reads(omegat: str, delivered: Path, work: Path) -> list[str]:
    project = work / "omegat-project"
    for folder in ("source", "target", "tm", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT_FILE, encoding="utf-8")
    shutil.copy(delivered, project / "source" / delivered.with_suffix(".xlf" if delivered.suffix == ".mqxliff"
                                                                      else delivered.suffix).name)
    tmx = work / "omegat-read.tmx"
    subprocess.run([omegat, "--mode=console-createpseudotranslatetmx", f"--pseudotranslatetmx={tmx}",
                    "--pseudotranslatetype=equal", f"--config-dir={work / 'omegat-config'}", "--quiet",
                    str(project)],
                   check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(work)})
    segments = etree.parse(str(tmx)).iterfind(".//tu/tuv/seg")
    return [" ".join(OMEGAT_TAG.sub(" ", "".join(seg.itertext())).split()) for seg in segments]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.name)
def test_omegat_reads_every_translation_tarjama_delivers(fixture: Path, tmp_path: Path) -> None:
    omegat = _omegat()
    delivered, written = _deliver(fixture, tmp_path)
    read = _what_omegat_reads(omegat, delivered, tmp_path)

    assert read, f"OmegaT found nothing to work on in {delivered.name}"
    assert not [text for text in read if ARABIC.search(text)], "OmegaT read a source where a target should be"
    found = re.findall(r"Translated \d+\.", " ".join(read))
    assert sorted(set(found)) == sorted(written)
