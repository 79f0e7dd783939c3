"""The one registry of formats by extension, and the one guard every XML format reads through."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tarjama.errors import BadInputError
from tarjama.formats import DocxFormat, TextFormat
from tarjama.formats.registry import DOCUMENT_FORMATS, GLOSSARY_FORMATS, FormatRegistry
from tarjama.formats.tbx import TbxReport, read_tbx
from tarjama.formats.tmx import read_tmx

TBX = ('<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<martif type="TBX-Basic"><text><body><termEntry>'
       '<langSet xml:lang="ar"><tig><term>إدلب</term></tig></langSet>'
       '<langSet xml:lang="en"><tig><term>Idlib</term></tig></langSet>'
       "</termEntry></body></text></martif>\n")
TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<tmx version="1.4"><header srclang="ar"/><body><tu>'
       '<tuv xml:lang="ar"><seg>إدلب</seg></tuv><tuv xml:lang="en"><seg>Idlib</seg></tuv></tu></body></tmx>\n')


def test_each_kind_of_file_finds_its_format_by_extension_whatever_the_case() -> None:
    assert isinstance(DOCUMENT_FORMATS.find("report.DOCX"), DocxFormat)
    assert isinstance(DOCUMENT_FORMATS.find("report.txt"), TextFormat)
    # The same extension means another format to another kind of file: .txt is an OmegaT glossary.
    assert GLOSSARY_FORMATS.find(Path("terms.txt")).name == "OmegaT"
    assert [GLOSSARY_FORMATS.find(f"terms{ext}").name for ext in (".csv", ".TSV", ".tbx")] == ["CSV", "TSV", "TBX"]
    assert DOCUMENT_FORMATS.find("terms.tbx") is None and GLOSSARY_FORMATS.find("report.docx") is None
    assert GLOSSARY_FORMATS.find("no-extension") is None
    assert GLOSSARY_FORMATS.extensions() == (".csv", ".tsv", ".tbx", ".txt")


def test_two_formats_may_not_claim_one_extension() -> None:
    @dataclass(frozen=True)
    class Claim:
        extensions: tuple[str, ...]

    with pytest.raises(ValueError, match=r"two formats claim \.csv"):
        FormatRegistry([Claim((".csv",)), Claim((".tsv", ".csv"))])


def test_the_glossary_formats_try_their_own_delimiter_first(tmp_path: Path) -> None:
    """A first row that no delimiter makes a header or a term is split by the format's own delimiter."""
    data = b"Idlib;x\tAleppo;y\n"
    csv = GLOSSARY_FORMATS.find("t.csv").read(data, tmp_path / "t.csv", TbxReport())
    tsv = GLOSSARY_FORMATS.find("t.tsv").read(data, tmp_path / "t.tsv", TbxReport())
    with pytest.raises(BadInputError) as as_csv:
        list(csv)
    with pytest.raises(BadInputError) as as_tsv:
        list(tsv)
    assert "«Idlib;x\tAleppo;y»" in str(as_csv.value)  # one cell: no comma in the row
    assert "«Idlib;x»" in str(as_tsv.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_tmx_and_tbx_refuse_an_entity_declared_in_the_prolog_alike(tmp_path: Path, encoding: str) -> None:
    prolog = '<!-- a note --><!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n'
    tbx = TBX.format(prolog=prolog).replace("UTF-8", encoding).encode(encoding)
    tmx = tmp_path / "memory.tmx"
    tmx.write_bytes(TMX.format(prolog=prolog).replace("UTF-8", encoding).encode(encoding))
    with pytest.raises(BadInputError, match="entity declarations"):
        list(read_tbx(tbx, tmp_path / "terms.tbx"))
    with pytest.raises(BadInputError, match="entity declarations"):
        list(read_tmx(tmx))


def test_an_entity_mentioned_in_a_comment_is_no_declaration_for_either(tmp_path: Path) -> None:
    """The guard reads the prolog's markup, not its characters: a comment naming <!ENTITY declares nothing."""
    prolog = "<!-- exported without <!ENTITY declarations -->\n"
    (entry,) = read_tbx(TBX.format(prolog=prolog).encode(), tmp_path / "terms.tbx")
    assert (entry.source, entry.targets) == ("إدلب", ("Idlib",))
    tmx = tmp_path / "memory.tmx"
    tmx.write_text(TMX.format(prolog=prolog), encoding="utf-8")
    assert [(unit.source, unit.target) for unit in read_tmx(tmx)] == [("إدلب", "Idlib")]
