"""Glossary files read within bounds: a cell no spreadsheet could hold, a file larger than any glossary, and files
that never end (/dev/zero, a FIFO) are refused naming the file and the problem, leaving the glossary as it was.

An endless file is read in a child process limited in address space, so that a regression (reading it whole)
fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from disk_conditions import feed_fifo
from tarjama.cli import EXIT_BAD_INPUT
from tarjama.domain import GlossaryEntry
from tarjama.errors import BadInputError
from tarjama.formats.glossary_csv import MAX_CELL_CHARS
from tarjama.glossary import exchange as glossary_exchange
from tarjama.glossary.exchange import MAX_GLOSSARY_BYTES, import_glossary
from tarjama.glossary.store import Glossary

MB = 1024 * 1024


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    """A glossary with one term, whose bytes every refused import must leave as they are."""
    path = tmp_path / "g.tarjama-glossary"
    with Glossary.create(path) as opened:
        opened.add(GlossaryEntry("جيش", ("army",)))
    return path


def _long_cell_file(tmp_path: Path, suffix: str, length: int) -> Path:
    """Two good terms, then on line 3 (line 2 without a header) a note or English term of `length` characters."""
    path = tmp_path / f"terms{suffix}"
    if suffix == ".txt":  # OmegaT: no header, no quoting
        path.write_text(f"حلب\tAleppo\nإدلب\tIdlib\t{'x' * length}\n", encoding="utf-8")
    else:
        separator = "\t" if suffix == ".tsv" else ","
        rows = ["arabic", "english", "note"], ["حلب", "Aleppo", ""], ["إدلب", "Idlib", "x" * length]
        path.write_text("".join(separator.join(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("length", [MAX_CELL_CHARS + 1, 140_000])  # ours, and past the csv module's own limit
@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".txt"])
def test_a_cell_longer_than_a_spreadsheet_cell_is_refused_naming_its_line(
    tmp_path: Path, glossary: Path, suffix: str, length: int
) -> None:
    path = _long_cell_file(tmp_path, suffix, length)
    before = glossary.read_bytes()
    with pytest.raises(BadInputError) as caught:
        import_glossary(glossary, path)
    line = 2 if suffix == ".txt" else 3
    assert str(caught.value) == (
        f"{path}: line {line} has a cell of more than 32767 characters, longer than a spreadsheet cell can be and "
        "than any term or note; a quote mark may be missing, which runs the rest of the file into one cell — open "
        "the file in a spreadsheet, correct it and save it again"
    )
    assert glossary.read_bytes() == before


def test_a_missing_quote_running_the_file_into_one_cell_says_so(tmp_path: Path, glossary: Path) -> None:
    """The usual way to get such a cell: an opening quote never closed swallows every later line (past the csv
    module's own 131,072-character limit here)."""
    path = tmp_path / "broken.csv"
    path.write_text('arabic,english,note\nحلب,Aleppo,"the city\n' + "إدلب,Idlib,province\n" * 10_000, encoding="utf-8")
    with pytest.raises(BadInputError, match=r"line 2 has a cell of more than 32767 characters.*quote mark"):
        import_glossary(glossary, path)


def test_a_note_as_long_as_a_spreadsheet_cell_is_kept(tmp_path: Path, glossary: Path) -> None:
    path = _long_cell_file(tmp_path, ".csv", MAX_CELL_CHARS)
    assert import_glossary(glossary, path).added == 2
    with Glossary.open(glossary) as opened:
        assert len(next(e for e in opened.entries() if e.source == "إدلب").note) == MAX_CELL_CHARS


@pytest.mark.parametrize("name", ["terms.csv", "terms.tsv", "terms.txt", "terms.tbx"])
def test_a_file_over_the_size_limit_is_refused_and_one_at_it_read(
    tmp_path: Path, glossary: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = tmp_path / name
    if name.endswith(".tbx"):
        path.write_text('<martif type="TBX"><text><body><termEntry><langSet xml:lang="ar"><tig><term>حلب</term>'
                        '</tig></langSet><langSet xml:lang="en"><tig><term>Aleppo</term></tig></langSet></termEntry>'
                        "</body></text></martif>", encoding="utf-8")
    else:
        path.write_text("حلب\tAleppo\n" if name.endswith((".tsv", ".txt")) else "حلب,Aleppo\n", encoding="utf-8")
    size = path.stat().st_size
    before = glossary.read_bytes()

    monkeypatch.setattr(glossary_exchange, "MAX_GLOSSARY_BYTES", size - 1)
    with pytest.raises(BadInputError, match=r"is larger than 0 MB, far more than any glossary"):
        import_glossary(glossary, path)
    assert glossary.read_bytes() == before

    monkeypatch.setattr(glossary_exchange, "MAX_GLOSSARY_BYTES", size)
    assert import_glossary(glossary, path).added == 1


def test_a_huge_sparse_file_is_refused_by_its_size_without_reading_it(tmp_path: Path, glossary: Path) -> None:
    path = tmp_path / "terms.tbx"
    with path.open("wb") as file:
        file.truncate(MAX_GLOSSARY_BYTES + 1)
    before = glossary.read_bytes()
    with pytest.raises(BadInputError) as caught:
        import_glossary(glossary, path)
    assert str(caught.value) == (f"{path}: is larger than 128 MB, far more than any glossary (100,000 terms take "
                                 "about 8 MB as CSV, 56 MB as TBX); check that it is the right file, or split it "
                                 "into parts")
    assert glossary.read_bytes() == before


@pytest.mark.parametrize("name", ["pipe.csv", "pipe.txt", "pipe.tbx"])
def test_a_fifo_is_read_only_to_just_past_the_limit(
    tmp_path: Path, glossary: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A FIFO's size is 0 whatever comes through it: the reading itself stops one byte past the (here lowered)
    limit and closes the pipe, which the writer sees."""
    monkeypatch.setattr(glossary_exchange, "MAX_GLOSSARY_BYTES", 4 * MB)
    fifo = tmp_path / name
    os.mkfifo(fifo)
    written = [0]
    feeder = threading.Thread(target=feed_fifo, args=(fifo, "حلب,Aleppo\n".encode() * (MB // 14), 64 * MB, written),
                              daemon=True)
    feeder.start()
    before = glossary.read_bytes()
    try:
        with pytest.raises(BadInputError, match=r"pipe\.\w+: is larger than 4 MB"):
            import_glossary(glossary, fifo)
    finally:
        feeder.join(30)
    assert written[0] < 8 * MB  # what was read, plus what the pipe held when the reader stopped
    assert glossary.read_bytes() == before


@pytest.mark.parametrize("name", ["zero.csv", "zero.tbx"])
def test_dev_zero_as_a_glossary_exits_2_with_a_message(tmp_path: Path, glossary: Path, name: str) -> None:
    """`tarjama-cli glossary import` given /dev/zero (through a name with a glossary's extension) ended in
    MemoryError after eating the machine's memory; a child limited to 1.5 GB of address space runs it now."""
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    before = glossary.read_bytes()
    child = textwrap.dedent("""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
        from tarjama.cli import main
        sys.exit(main(sys.argv[1:]))
    """)
    done = subprocess.run([sys.executable, "-c", child, "glossary", "import", str(link), "--glossary", str(glossary)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr) == (
        EXIT_BAD_INPUT,
        f"tarjama-cli: {link}: is larger than 128 MB, far more than any glossary (100,000 terms take about 8 MB as "
        "CSV, 56 MB as TBX); check that it is the right file, or split it into parts\n",
    )
    assert glossary.read_bytes() == before
