""".docx files at their limits: a zip bomb refused before it inflates (also one whose sizes lie), an endless or
oversized file refused without being read whole, and the streamed export: the same package python-docx writes,
in memory that does not grow with the paragraphs.

Memory is measured in child processes (their peak resident size, `ru_maxrss`, before and after the work), with
an address-space limit so that a regression fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import textwrap
import threading
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from disk_conditions import feed_fifo
from tarjama.errors import BadInputError
from tarjama.formats import docx_file, read_document
from tarjama.formats.docx_file import MAX_EXPANDED_BYTES, DocxFormat

MB = 1024 * 1024
#: The address space a child may use: python-docx, lxml and a small document fit many times over.
CHILD_ADDRESS_SPACE = 1536 * MB


# -- building a bomb ----------------------------------------------------------------------------------------------


def _deflate(data: bytes, mode: int = zlib.Z_FINISH) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(mode)


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already deflated members (name, raw deflate, CRC-32, declared size), written by hand so that a
    gigabyte member costs only its compressed bytes to build and its declared size can be anything."""
    out, central = io.BytesIO(), []
    for name, raw, crc, size in members:
        offset, encoded = out.tell(), name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0))
        out.write(encoded + raw)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(raw), size,
                                   len(encoded), 0, 0, 0, 0, 0o600 << 16, offset) + encoded)
    directory = b"".join(central)
    start = out.tell()
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), start, 0))
    return out.getvalue()


def docx_bomb(inflated_mb: int, declared: int | None = None) -> bytes:
    """A real Word package whose document.xml is `inflated_mb` MiB of paragraphs, ~3 KB per MiB compressed.

    A MiB of paragraphs is deflated once and ended with a full flush, which makes the block independent of what
    came before it, so the same block repeated is a valid deflate stream of that MiB repeated. `declared` makes
    the zip claim another size for document.xml than it inflates to."""
    saved = io.BytesIO()
    docx.Document().save(saved)
    with zipfile.ZipFile(saved) as package:
        parts = [(info.filename, package.read(info)) for info in package.infolist()]
    head, tail = dict(parts)["word/document.xml"].split(b"<w:body>")
    head += b"<w:body>"
    paragraph = "<w:p><w:r><w:t>قنبلة</w:t></w:r></w:p>".encode()
    chunk = paragraph * (MB // len(paragraph))
    raw = _deflate(head, zlib.Z_FULL_FLUSH) + _deflate(chunk, zlib.Z_FULL_FLUSH) * inflated_mb + _deflate(tail)
    crc = zlib.crc32(head)
    for _ in range(inflated_mb):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * inflated_mb + len(tail)
    members = [
        (name, raw, crc, size if declared is None else declared) if name == "word/document.xml"
        else (name, _deflate(data), zlib.crc32(data), len(data))
        for name, data in parts
    ]
    return _zip(members)


# -- running in a child -------------------------------------------------------------------------------------------


def run_child(code: str, *args: str) -> dict:
    """Run `code` in a fresh interpreter limited to CHILD_ADDRESS_SPACE; it prints one JSON object last."""
    prologue = textwrap.dedent(f"""
        import json, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({CHILD_ADDRESS_SPACE}, {CHILD_ADDRESS_SPACE}))
        def peak_mb():
            # VmHWM, not ru_maxrss: after exec, Linux keeps in ru_maxrss the peak of the process it replaced (here
            # pytest's), which would hide any growth below it.
            try:
                with open("/proc/self/status") as status:
                    return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
            except (OSError, StopIteration):
                return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    """)
    done = subprocess.run([sys.executable, "-c", prologue + textwrap.dedent(code), *args], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


READ_IN_A_CHILD = """
    from tarjama.errors import BadInputError
    from tarjama.formats import read_document
    before = peak_mb()
    try:
        read_document(sys.argv[1])
        message = None
    except BadInputError as exc:
        message = str(exc)
    except MemoryError:
        message = "MemoryError"
    print(json.dumps({"message": message, "growth_mb": peak_mb() - before}))
"""


def test_a_docx_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    """3 MB that inflate to 1 GiB: python-docx used to take 2.1 GB before refusing it. Refused now by the
    declared sizes, naming the file and the limit, without inflating anything."""
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bomb(1024))
    assert bomb.stat().st_size < 4 * MB

    result = run_child(READ_IN_A_CHILD, str(bomb))

    assert result["message"] == (f"{bomb}: expands to more than {MAX_EXPANDED_BYTES // MB} MB, far more than any "
                                 "article or report; it may be a damaged or malicious file — open it in Word, check "
                                 "it and save it again")
    assert result["growth_mb"] < 40  # the file's 3 MB and python-docx's parts; inflating it would be gigabytes


def test_a_docx_bomb_whose_sizes_lie_is_refused_by_what_it_inflates_to(tmp_path: Path) -> None:
    """The zip says document.xml is 2 KB; it inflates to 512 MiB. Counting the bytes really inflated (in 64 KB
    chunks, none kept) finds it out, and memory stays small."""
    bomb = tmp_path / "liar.docx"
    bomb.write_bytes(docx_bomb(512, declared=2048))
    assert sum(info.file_size for info in zipfile.ZipFile(bomb).infolist()) < MAX_EXPANDED_BYTES

    result = run_child(READ_IN_A_CHILD, str(bomb))

    assert result["message"] is not None and "expands to more than" in result["message"]
    assert result["growth_mb"] < 40


def test_a_member_inflating_to_less_than_it_declares_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "short.docx"
    path.write_bytes(docx_bomb(1, declared=3 * MB))
    with pytest.raises(BadInputError, match="is not a valid Word document"):
        read_document(path)


@pytest.mark.slow
def test_a_bomb_just_under_the_limit_is_still_a_document(tmp_path: Path) -> None:
    """The limit is on the expansion, not the ratio: an honest 8 MiB document.xml of short paragraphs is read."""
    path = tmp_path / "long.docx"
    path.write_bytes(docx_bomb(8))
    document = read_document(path)
    assert set(document.paragraphs) == {"قنبلة"} and len(document.paragraphs) > 100_000


def test_a_compression_word_never_writes_is_refused(tmp_path: Path) -> None:
    """bzip2 and LZMA members inflate a whole read at once, unbounded; Word writes only stored or deflated ones."""
    saved = io.BytesIO()
    docx.Document().save(saved)
    path = tmp_path / "bzip2.docx"
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_BZIP2) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    with pytest.raises(BadInputError, match="is not a valid Word document"):
        read_document(path)


def test_an_endless_docx_is_refused_after_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FIFO named .docx that would give 64 MB (it used to be called a folder) is read only to just past the
    (here lowered) 4 MB limit."""
    monkeypatch.setattr(docx_file, "MAX_FILE_BYTES", 4 * MB)
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    written = [0]
    chunk = b"PK\x03\x04" + bytes(MB - 4)
    feeder = threading.Thread(target=feed_fifo, args=(fifo, chunk, 64 * MB, written), daemon=True)
    feeder.start()
    try:
        with pytest.raises(BadInputError, match=r"pipe\.docx: is larger than 4 MB, far more than any document"):
            read_document(fifo)
    finally:
        feeder.join(30)
    assert written[0] < 8 * MB  # what was read, plus what the pipe held when the reader stopped


# -- the streamed export ------------------------------------------------------------------------------------------

TRICKY = ["Hello", "", "  leading", "trailing ", "a\tb", "line\nbreak\r\nand more", "\t", "<&>\"'", "سلام عليكم",
          "\xa0no-break space", "two  spaces", "x\n", "\u200fRLM", "tab at end\t", "‏Arabic ‎and English"]


def _python_docx(texts: list[str]) -> zipfile.ZipFile:
    """What the writer did before it streamed: python-docx's own add_paragraph, one per text."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    saved = io.BytesIO()
    document.save(saved)
    return zipfile.ZipFile(saved)


def test_the_export_is_python_docx_s_package_byte_for_byte(tmp_path: Path) -> None:
    """Every part (styles, settings, theme, properties...) and document.xml itself are the bytes python-docx
    writes for the same paragraphs, with the same entry flags: Word and LibreOffice open it exactly as before."""
    out = tmp_path / "out.docx"
    DocxFormat().write(out, iter(TRICKY))

    expected = _python_docx(TRICKY)
    written = zipfile.ZipFile(out)
    assert [i.filename for i in written.infolist()] == [i.filename for i in expected.infolist()]
    for info in expected.infolist():
        mine = written.getinfo(info.filename)
        assert written.read(mine) == expected.read(info), info.filename
        assert (mine.compress_type, mine.external_attr, mine.flag_bits) == (
            info.compress_type, info.external_attr, info.flag_bits), info.filename


def test_characters_xml_cannot_hold_are_left_out_not_a_traceback(tmp_path: Path) -> None:
    """A NUL or vertical tab pasted into a target made python-docx raise ValueError in the middle of an export.
    The vertical tab and form feed, Word's plain-text line and page breaks, become line breaks; the rest go."""
    out = tmp_path / "controls.docx"
    DocxFormat().write(out, ["a\x00b\x1f", "line\x0bfeed\x0cend", "lone \ud800 surrogate", "fine"])
    assert [p.text for p in docx.Document(str(out)).paragraphs] == ["ab", "line\nfeed\nend", "lone  surrogate",
                                                                    "fine"]


WRITE_IN_A_CHILD = """
    from tarjama.formats.docx_file import DocxFormat
    count = int(sys.argv[2])
    DocxFormat().write(sys.argv[1], ["warm-up"])
    before = peak_mb()
    texts = (f"Paragraph {n}: the ministry said on Tuesday that talks would resume next week." for n in range(count))
    DocxFormat().write(sys.argv[1], texts)
    print(json.dumps({"growth_mb": peak_mb() - before}))
"""


def test_export_memory_does_not_grow_with_the_paragraphs(tmp_path: Path) -> None:
    """Peak memory writing 60,000 paragraphs is that of writing 6,000, give or take a few MB (python-docx's tree
    took about 1 KB per paragraph: 60 MB more here). A memory bound, not a timing."""
    small = run_child(WRITE_IN_A_CHILD, str(tmp_path / "small.docx"), "6000")["growth_mb"]
    large = run_child(WRITE_IN_A_CHILD, str(tmp_path / "large.docx"), "60000")["growth_mb"]
    assert large < small + 8, (small, large)
    assert len(docx.Document(str(tmp_path / "large.docx")).paragraphs) == 60_000
