"""TMX export and import: what other tools read back, round trips, atomic writes, hostile files, other tools' files."""

from __future__ import annotations

import codecs
import http.server
import importlib.metadata
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage import tmx as tt_tmx

import tarjama
from tarjama import inline_tags as tags
from tarjama.domain import TmUnit, UnitOrigin
from tarjama.errors import BadInputError
from tarjama.formats.tmx import TmxCancelled, TmxReport, read_tmx, write_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")

RICH = TmUnit(
    source="أعلن رئيس الوزراء عن خطة «الطوارئ» & <الأسعار>",
    target="The prime minister announced an \"emergency\" plan & <prices>",
    created_at="2026-03-01T09:15:30.250+03:00",
    changed_at="2026-03-02T18:00:05.999+00:00",
    author="Layla",
    origin=UnitOrigin.MT_POSTEDITED,
    usage_count=4,
    document="news/syria-truce.docx",
    mt_original="The prime minister announced plan emergency",
    props=(("x-client", "Al-Wasat"), ("x-domain", "politics")),
    notes=("Checked against the ministry's English release.", "second note"),
    id=41,
)
PLAIN = TmUnit(source="وقال مصدر إن «المفاوضات مستمرة».", target="A source said talks are continuing.")


def _tmx(path: Path, body: str, *, header: str = '<header srclang="ar" adminlang="en" segtype="sentence" '
         'datatype="plaintext" o-tmf="x" creationtool="test" creationtoolversion="1"/>',
         prolog: str = "", version: str = "1.4", encoding: str = "utf-8", bom: bytes = b"") -> Path:
    """A TMX file written by hand the way another tool would, so the reader is tested against files it did not make."""
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    text = (f'<?xml version="1.0" encoding="{declared}"?>\n{prolog}<tmx version="{version}">\n{header}\n'
            f"<body>\n{body}\n</body>\n</tmx>\n")
    path.write_bytes(bom + text.encode(encoding))
    return path


def _iso_seconds(iso: str) -> str:
    """What a TMX date keeps of an ISO time: the UTC second."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _as_read_back(unit: TmUnit) -> TmUnit:
    """The unit as read_tmx should return it: dates to the UTC second, and no store id (a TMX tuid is not one)."""
    return replace(unit, created_at=_iso_seconds(unit.created_at), changed_at=_iso_seconds(unit.changed_at),
                   id=None)


# -- export, read back by translate-toolkit and by us -----------------------------------------------------------


def test_export_is_read_by_translate_toolkit(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    assert write_tmx(path, [RICH, PLAIN]) == 2

    store = tt_tmx.tmxfile.parsefile(str(path))

    assert [(unit.source, unit.target) for unit in store.units] == [(RICH.source, RICH.target),
                                                                     (PLAIN.source, PLAIN.target)]


def test_export_round_trips_every_field(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    write_tmx(path, [RICH, PLAIN])

    units = list(read_tmx(path))

    assert units == [_as_read_back(RICH), _as_read_back(PLAIN)]
    assert units[0].created_at == "2026-03-01T06:15:30+00:00"


def test_segment_whitespace_and_line_breaks_round_trip_exactly(tmp_path: Path) -> None:
    unit = TmUnit(source="  سطر أول\r\nسطر\tثان \n", target="\n first line\rsecond\t line  ")
    path = tmp_path / "memory.tmx"
    write_tmx(path, [unit])

    (back,) = read_tmx(path)

    assert (back.source, back.target) == (unit.source, unit.target)


def test_export_writes_only_approved_units_and_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    draft = replace(PLAIN, source="مسودة", target="Draft", approved=False)

    assert write_tmx(path, [draft, RICH, draft]) == 1
    assert [unit.source for unit in read_tmx(path)] == [RICH.source]


def test_a_unit_left_blank_by_cleaning_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    blank = TmUnit(source="\u200f\x01 ", target="Nothing on the other side")

    assert write_tmx(path, [blank, PLAIN]) == 1
    assert [unit.source for unit in read_tmx(path)] == [PLAIN.source]


# -- the file itself: header, order, dates -----------------------------------------------------------------------


def test_header_and_element_order_follow_tmx_1_4(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    write_tmx(path, [RICH, PLAIN], source_lang="ar-SA", target_lang="en-GB")

    assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = etree.parse(str(path)).getroot()
    assert (root.tag, root.get("version")) == ("tmx", "1.4")
    header = root.find("header")
    try:
        version = importlib.metadata.version("tarjama")
    except importlib.metadata.PackageNotFoundError:
        version = tarjama.__version__
    assert {key: value for key, value in header.attrib.items() if key != "creationdate"} == {
        "creationtool": "Tarjama", "creationtoolversion": version, "segtype": "sentence", "o-tmf": "Tarjama",
        "adminlang": "en", "srclang": "ar-SA", "datatype": "plaintext",
    }
    assert TMX_DATE.match(header.get("creationdate"))

    rich, plain = root.find("body")
    assert [child.tag for child in rich] == ["prop"] * 6 + ["note"] * 2 + ["tuv", "tuv"]
    assert [(prop.get("type"), prop.text) for prop in rich.findall("prop")] == [
        ("x-origin", "mt-postedited"), ("x-status", "approved"), ("x-document", "news/syria-truce.docx"),
        ("x-mt-original", RICH.mt_original), ("x-client", "Al-Wasat"), ("x-domain", "politics"),
    ]
    assert [tuv.get(XML_LANG) for tuv in rich.findall("tuv")] == ["ar-SA", "en-GB"]
    assert rich.attrib == {"tuid": "41", "creationdate": "20260301T061530Z", "changedate": "20260302T180005Z",
                           "creationid": "Layla", "usagecount": "4"}
    assert [child.tag for child in plain] == ["prop", "prop", "tuv", "tuv"]
    assert plain.attrib == {"tuid": "2", "usagecount": "0"}  # no id: its running number; no dates: no attribute


@given(moment=st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9998, 12, 30),
                           timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=3)),
                                                      timezone(-timedelta(hours=9, minutes=30))])),
       timespec=st.sampled_from(["seconds", "milliseconds", "microseconds"]))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_dates_are_sixteen_character_utc(tmp_path: Path, moment: datetime, timespec: str) -> None:
    iso = moment.isoformat(timespec=timespec)
    path = tmp_path / "memory.tmx"
    write_tmx(path, [replace(PLAIN, created_at=iso, changed_at=iso)])

    tu = etree.parse(str(path)).getroot().find("body/tu")

    assert TMX_DATE.match(tu.get("creationdate")) and TMX_DATE.match(tu.get("changedate"))
    assert next(read_tmx(path)).created_at == _iso_seconds(iso)


# -- round trip of arbitrary text --------------------------------------------------------------------------------

_SPECIALS = ["&", "<", ">", '"', "'", "]", "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\t", "\n", "\r",
             "\u200e", "\u200f", "\u061c", "\u202a", "\u202e", "\u2066", "\u2069", "\ufffe", "\uffff", "\ud800",
             "\udfff", "\U0001f600", "\U0001d54f", "\u00a0", "\x85", "\x7f", "ل", " ", "\ue001", "\ue801"]
# Joined from a list rather than st.text(), which never yields the lone surrogates an export must survive.
_TEXT = st.lists(st.one_of(st.characters(), st.sampled_from(_SPECIALS)), max_size=30).map("".join)


def _expected_clean(text: str) -> str:
    """The documented rule, written independently of the module: drop what XML 1.0 cannot hold and bidi controls."""
    def keep(ch: str) -> bool:
        code = ord(ch)
        if code < 0x20:
            return ch in "\t\n\r"
        if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            return False
        return not (code in (0x200E, 0x200F, 0x061C) or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069)

    return "".join(ch for ch in text if keep(ch))


_OWN = {"x-origin", "x-status", "x-document", "x-mt-original"}

_UNITS = st.lists(st.builds(
    TmUnit,
    source=_TEXT, target=_TEXT,
    created_at=st.sampled_from(["", "2025-12-31T23:59:59.999+00:00", "2026-01-01T02:00:00+02:00"]),
    changed_at=st.sampled_from(["", "2026-06-01T12:00:00Z"]),
    author=_TEXT, origin=st.sampled_from(UnitOrigin), usage_count=st.integers(0, 10**6), document=_TEXT,
    approved=st.booleans(), mt_original=st.none() | _TEXT,
    props=st.lists(st.tuples(st.sampled_from(["x-client", "x-origin", "client", "x-\x01a"]) | _TEXT, _TEXT),
                   max_size=3).map(tuple),
    notes=st.lists(_TEXT, max_size=2).map(tuple), id=st.none() | st.integers(1, 10**9),
), max_size=6)


def _expected_unit(unit: TmUnit) -> TmUnit:
    clean = _expected_clean
    return _as_read_back(replace(
        unit, source=clean(unit.source), target=clean(unit.target), author=clean(unit.author),
        document=clean(unit.document), mt_original=None if unit.mt_original is None else clean(unit.mt_original),
        props=tuple((clean(kind), clean(value)) for kind, value in unit.props if clean(kind) not in _OWN),
        notes=tuple(clean(note) for note in unit.notes),
    ))


@pytest.mark.slow
@given(units=_UNITS)
@example(units=[TmUnit(source="\ud800 نص \u200f&<>\"'\U0001f600\x00\r\n", target="\t x\uffff\u2066y]]>\r",
                       author="a\x0b", document="\u202e", mt_original="", props=(("x-origin", "\x01"),),
                       notes=("", " \n "))])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_round_trips_less_what_xml_cannot_hold(tmp_path: Path, units: list[TmUnit]) -> None:
    path = tmp_path / "memory.tmx"
    expected = [_expected_unit(unit) for unit in units if unit.approved and
                _expected_clean(unit.source).strip() and _expected_clean(unit.target).strip()]

    assert write_tmx(path, units) == len(expected)

    # A private-use character comes back as a `char` tag, so that it is never taken for a tag mark.
    assert [replace(u, source=tags.as_text(u.source, u.tags), target=tags.as_text(u.target, u.tags))
            for u in read_tmx(path)] == expected
    assert [(u.source, u.target) for u in tt_tmx.tmxfile.parsefile(str(path)).units] == [
        (u.source, u.target) for u in expected]


# -- atomic writing, cancel, progress ----------------------------------------------------------------------------


def _failing_units(after: int) -> Iterator[TmUnit]:
    for number in range(after):
        yield replace(PLAIN, id=number + 1)
    raise RuntimeError("the store went away")


@pytest.mark.parametrize("existing", [True, False])
def test_a_failure_midway_leaves_no_file_and_an_existing_one_unchanged(tmp_path: Path, existing: bool) -> None:
    path = tmp_path / "memory.tmx"
    if existing:
        path.write_bytes(b"the previous export")

    with pytest.raises(RuntimeError, match="went away"):
        write_tmx(path, _failing_units(2500))

    assert [p.name for p in tmp_path.iterdir()] == (["memory.tmx"] if existing else [])
    if existing:
        assert path.read_bytes() == b"the previous export"


@pytest.mark.parametrize("calls_before_cancel", [0, 1])
def test_cancel_leaves_no_file_and_an_existing_one_unchanged(tmp_path: Path, calls_before_cancel: int) -> None:
    path = tmp_path / "memory.tmx"
    path.write_bytes(b"the previous export")
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > calls_before_cancel

    with pytest.raises(TmxCancelled, match="cancelled"):
        write_tmx(path, (replace(PLAIN, id=n) for n in range(1, 2501)), cancel=cancel)

    assert [p.name for p in tmp_path.iterdir()] == ["memory.tmx"]
    assert path.read_bytes() == b"the previous export"


def test_cancel_is_honoured_even_for_a_short_export(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    with pytest.raises(TmxCancelled):
        write_tmx(path, [PLAIN], cancel=lambda: True)
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_progress_reports_units_written(tmp_path: Path) -> None:
    seen: list[int] = []
    units = [replace(PLAIN, approved=n % 2 == 0) for n in range(2500)]

    assert write_tmx(tmp_path / "memory.tmx", units, on_progress=seen.append, cancel=lambda: False) == 1250

    assert seen == [500, 1000, 1250]


def test_export_replaces_an_existing_file_with_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    path.write_bytes(b"old")
    old_umask = os.umask(0o022)
    try:
        write_tmx(path, [PLAIN])
    finally:
        os.umask(old_umask)
    assert [unit.source for unit in read_tmx(path)] == [PLAIN.source]
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o644


def test_export_to_a_missing_folder_or_a_folder_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="could not be written") as missing:
        write_tmx(tmp_path / "nowhere" / "memory.tmx", [PLAIN])
    assert missing.value.path == tmp_path / "nowhere" / "memory.tmx"
    (tmp_path / "taken.tmx").mkdir()
    with pytest.raises(BadInputError, match="is a folder"):
        write_tmx(tmp_path / "taken.tmx", [PLAIN])
    assert [p.name for p in tmp_path.iterdir()] == ["taken.tmx"]


# -- hostile and broken files ------------------------------------------------------------------------------------

SECRET = "TOP-SECRET-7f3a9c"
_TU_WITH = '<tu><tuv xml:lang="ar"><seg>{ar}</seg></tuv><tuv xml:lang="en"><seg>{en}</seg></tuv></tu>'
# Longer than the prolog scan reads (1 MiB): puts an entity declaration where only the parser's own defences see it.
_PADDING = "<!--" + "x" * 1_100_000 + "-->\n"


class _CountingServer:
    """An HTTP server on loopback that counts requests: libxml2 connects from C, where the socket guard cannot see."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the http.server API)
                requests.append(self.path)
                body = f'<!ENTITY leak "{SECRET}">'.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def server() -> Iterator[_CountingServer]:
    counting = _CountingServer()
    yield counting
    counting.close()


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def _read_all(path: Path) -> tuple[list[TmUnit], TmxReport]:
    report = TmxReport()
    return list(read_tmx(path, report)), report


@pytest.mark.parametrize("padded", [False, True], ids=["prolog-scan", "parser-check"])
@pytest.mark.parametrize("kind", ["file", "http", "parameter-http", "billion-laughs"])
def test_entity_declarations_are_refused_without_reading_or_fetching(
        tmp_path: Path, secret_file: Path, server: _CountingServer, capfd: pytest.CaptureFixture[str],
        kind: str, padded: bool) -> None:
    doctypes = {
        "file": (f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>', "&xxe;"),
        "http": (f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "{server.url}/secret">]>', "&xxe;"),
        "parameter-http": (f'<!DOCTYPE tmx [<!ENTITY % ext SYSTEM "{server.url}/ext.dtd"> %ext;]>', "&leak;"),
        "billion-laughs": ('<!DOCTYPE tmx [<!ENTITY lol "lol">'
                           + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">'
                                     for n in range(2, 10)).replace("&lol1;", "&lol;")
                           + "]>", "&lol9;"),
    }
    doctype, reference = doctypes[kind]
    path = _tmx(tmp_path / "hostile.tmx", _TU_WITH.format(ar="نص", en=reference),
                prolog=(_PADDING if padded else "") + doctype + "\n")

    with pytest.raises(BadInputError) as refused:
        # The prolog scan refuses when read_tmx is called; past it, the parsed DTD is refused while reading.
        _read_all(path) if padded else read_tmx(path)

    message = str(refused.value)
    assert SECRET not in message and "lol" not in message
    captured = capfd.readouterr()
    assert SECRET not in captured.out + captured.err
    assert server.requests == []
    assert refused.value.path == path
    if not padded:
        assert "contains a DOCTYPE with entity declarations" in message


@pytest.mark.parametrize("decoy", [
    '<!-- <tmx> -->\n<!DOCTYPE tmx SYSTEM "<tmx" [<!ENTITY xxe SYSTEM "{uri}">]>',
    "<?tool <tmx>?>\n<!DOCTYPE tmx [<!-- <tmx> --><!ATTLIST tmx a CDATA '<tmx>'><!entity xxe SYSTEM \"{uri}\">]>",
], ids=["comment-and-literal", "pi-and-attlist"])
def test_markup_lookalikes_do_not_hide_entity_declarations(tmp_path: Path, secret_file: Path, decoy: str) -> None:
    path = _tmx(tmp_path / "hostile.tmx", _TU_WITH.format(ar="نص", en="&xxe;"),
                prolog=decoy.format(uri=secret_file.as_uri()) + "\n")
    with pytest.raises(BadInputError, match="contains a DOCTYPE with entity declarations"):
        read_tmx(path)


def test_entity_declarations_are_found_in_a_utf16_file(tmp_path: Path, secret_file: Path) -> None:
    path = _tmx(tmp_path / "hostile.tmx", _TU_WITH.format(ar="نص", en="&xxe;"), encoding="utf-16-le",
                bom=codecs.BOM_UTF16_LE, prolog=f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>\n')
    with pytest.raises(BadInputError, match="contains a DOCTYPE with entity declarations"):
        read_tmx(path)  # refused when called, before any iteration


def test_an_external_dtd_is_neither_fetched_nor_needed(tmp_path: Path, server: _CountingServer) -> None:
    path = _tmx(tmp_path / "memory.tmx", _TU_WITH.format(ar="نص", en="Text"),
                prolog=f'<!DOCTYPE tmx SYSTEM "{server.url}/tmx14.dtd">\n')

    units, _ = _read_all(path)

    assert [(u.source, u.target) for u in units] == [("نص", "Text")]
    assert server.requests == []


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    body = "\n".join([_TU_WITH.format(ar=f"نص {n}", en=f"Text {n}") for n in range(6)]
                     + ['<tu><tuv xml:lang="ar"><seg>نص</tuv></tu>'])
    path = _tmx(tmp_path / "broken.tmx", body)  # the broken <tu> is on line 11

    with pytest.raises(BadInputError, match=r"is not well-formed XML \(line 11: .*seg") as broken:
        _read_all(path)
    assert broken.value.path == path


def test_a_file_cut_short_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.tmx"
    path.write_bytes(_tmx(tmp_path / "whole.tmx", _TU_WITH.format(ar="نص", en="Text")).read_bytes()[:-30])
    with pytest.raises(BadInputError, match=r"line \d+: "):
        _read_all(path)


def test_xml_that_is_not_tmx_is_refused(tmp_path: Path) -> None:
    xliff = tmp_path / "file.xlf"
    xliff.write_text('<?xml version="1.0"?>\n<xliff version="1.2"><file><body/></file></xliff>\n')
    with pytest.raises(BadInputError, match=r"is not a TMX file \(its XML is <xliff>"):
        _read_all(xliff)

    lookalike = tmp_path / "lookalike.xml"
    lookalike.write_text(f"<memory>{_TU_WITH.format(ar='نص', en='Text')}</memory>")
    with pytest.raises(BadInputError, match="is not a TMX file"):
        next(read_tmx(lookalike))  # refused before the first unit


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="was not found"):
        read_tmx(tmp_path / "gone.tmx")


# -- files from other tools ----------------------------------------------------------------------------------

TRADOS_STYLE = """\
<tu creationdate="20190312T101500Z" creationid="CORP\\hsaleh" changedate="20190313T080000Z" changeid="CORP\\rev"
    lastusagedate="20200101T000000Z" usagecount="7">
  <prop type="x-Client:SinglePicklist">Al-Wasat</prop>
  <prop type="x-Domain:MultiplePicklist">politics</prop>
  <tuv xml:lang="ar-SA"><seg>قال <bpt i="1" type="bold" x="1">&lt;b&gt;</bpt>الوزير<ept i="1">&lt;/b&gt;</ept> إن\
<ph x="2" type="lb">&lt;br/&gt;</ph> الخطة جاهزة.</seg></tuv>
  <tuv xml:lang="en-US"><seg>The <bpt i="1" type="bold" x="1">&lt;b&gt;</bpt>minister<ept i="1">&lt;/b&gt;</ept> said\
<ph x="2" type="lb">&lt;br/&gt;</ph> the plan is ready.</seg></tuv>
</tu>
<tu creationdate="20190312T101600Z" usagecount="0">
  <tuv xml:lang="ar-SA"><seg>جملة بلا ترجمة</seg></tuv>
</tu>"""


def test_trados_style_utf16_file_with_a_dtd_and_inline_codes(tmp_path: Path) -> None:
    header = ('<header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" '
              'datatype="xml" segtype="sentence" adminlang="en-US" srclang="ar-SA" creationid="CORP\\hsaleh">\n'
              '<prop type="x-Recognizers">RecognizeAll</prop>\n</header>')
    path = _tmx(tmp_path / "trados.tmx", TRADOS_STYLE, header=header, encoding="utf-16-le",
                bom=codecs.BOM_UTF16_LE, prolog='<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')

    units, report = _read_all(path)

    bold, closing, line_break = tags.open_mark(1), tags.close_mark(1), tags.standalone_mark(2)
    assert units == [TmUnit(
        source=f"قال {bold}الوزير{closing} إن{line_break} الخطة جاهزة.",
        target=f"The {bold}minister{closing} said{line_break} the plan is ready.",
        created_at="2019-03-12T10:15:00+00:00", changed_at="2019-03-13T08:00:00+00:00", author="CORP\\hsaleh",
        origin=UnitOrigin.IMPORTED, usage_count=7,
        props=(("x-Client:SinglePicklist", "Al-Wasat"), ("x-Domain:MultiplePicklist", "politics")),
    )]
    assert units[0].tags == {1: tags.InlineTag(1, tags.TagKind.PAIRED, "bold", "", "<b>\x00</b>"),
                             2: tags.InlineTag(2, tags.TagKind.STANDALONE, "break", "", "<br/>")}
    assert (report.translation_units, report.units, report.skipped_missing_side) == (2, 1, 1)


def test_memoq_style_file_keeps_props_and_notes(tmp_path: Path) -> None:
    header = ('<header creationtool="MemoQ" creationtoolversion="10.0.8" segtype="sentence" o-tmf="MemoQTM" '
              'adminlang="en-us" srclang="ar-sa" datatype="unknown">\n'
              '<prop type="x-mq-tm-name">News AR-EN</prop>\n</header>')
    body = """\
<tu changedate="20230501T120000Z" creationdate="20230430T090000Z" creationid="Layla" changeid="Omar">
  <prop type="client">Al-Wasat</prop>
  <prop type="project">Elections</prop>
  <prop type="x-context-pre">السياق</prop>
  <note>Term agreed with the client.</note>
  <tuv xml:lang="ar-sa"><seg>انتهت الانتخابات.</seg></tuv>
  <tuv xml:lang="en-us"><seg>The elections ended.</seg></tuv>
</tu>"""
    path = _tmx(tmp_path / "memoq.tmx", body, header=header)

    (unit,), _ = _read_all(path)

    assert unit == TmUnit(
        source="انتهت الانتخابات.", target="The elections ended.", created_at="2023-04-30T09:00:00+00:00",
        changed_at="2023-05-01T12:00:00+00:00", author="Layla", origin=UnitOrigin.IMPORTED,
        props=(("client", "Al-Wasat"), ("project", "Elections"), ("x-context-pre", "السياق")),
        notes=("Term agreed with the client.",),
    )


def test_omegat_style_file_with_dates_on_the_variants(tmp_path: Path) -> None:
    header = ('<header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" '
              'creationtoolversion="6.0.0_0" segtype="sentence" srclang="AR-EG"/>')
    body = """\
<tu>
  <tuv xml:lang="AR-EG"><seg>صباح الخير</seg></tuv>
  <tuv xml:lang="EN-GB" changeid="sam" changedate="20240102T030405Z" creationid="sam" creationdate="20240101T000000Z">
    <seg>Good morning</seg>
  </tuv>
</tu>"""
    path = _tmx(tmp_path / "omegat.tmx", body, header=header)

    (unit,), _ = _read_all(path)

    assert (unit.source, unit.target, unit.author) == ("صباح الخير", "Good morning", "sam")
    assert (unit.created_at, unit.changed_at) == ("2024-01-01T00:00:00+00:00", "2024-01-02T03:04:05+00:00")


def test_tmx_1_1_file_with_lang_all_languages_and_every_inline_element(tmp_path: Path) -> None:
    header = ('<header creationtool="Old Tool" creationtoolversion="2" segtype="sentence" o-tmf="ABC" '
              'adminlang="EN" srclang="*all*" datatype="html"/>')
    body = """\
<tu tuid="a1">
  <tuv lang="AR_eg"><note>variant note</note><seg>مرحبا <it pos="begin">&lt;i&gt;</it>يا<ut>{\\b}</ut> \
<hi type="x">عالم <bpt i="1">&lt;u&gt;</bpt>جميل<ept i="1">&lt;/u&gt;</ept></hi>!</seg></tuv>
  <tuv lang="FR-FR"><seg>Bonjour le monde</seg></tuv>
  <tuv lang="EN-US"><seg>Hello <hi>wonderful</hi> world!</seg></tuv>
  <tuv lang="en-gb"><seg>Hello, lovely world!</seg></tuv>
</tu>
<tu><tuv lang="ar"><seg>لا إنجليزية</seg></tuv><tuv lang="fr"><seg>Pas d'anglais</seg></tuv></tu>
<tu><tuv lang="ar"><seg>قطعة فارغة</seg></tuv><tuv lang="en"><seg>  </seg></tuv></tu>
<tu><tuv lang="en"><seg>No Arabic</seg></tuv></tu>"""
    path = _tmx(tmp_path / "old.tmx", body, header=header, version="1.1")

    units, report = _read_all(path)

    assert [(tags.plain(u.source), tags.plain(u.target), u.notes) for u in units] == [
        ("مرحبا يا عالم جميل!", "Hello wonderful world!", ("variant note",)),
        ("مرحبا يا عالم جميل!", "Hello, lovely world!", ("variant note",)),
    ]
    # <it>, <ut>, <hi> and <bpt>/<ept> are tags 1-4 of the source; the English <hi> is the Arabic one (by order).
    assert units[0].target == f"Hello {tags.open_mark(3)}wonderful{tags.close_mark(3)} world!"
    assert all(u.origin == UnitOrigin.IMPORTED and u.approved for u in units)
    assert report == TmxReport(translation_units=4, units=2, skipped_missing_side=3, other_language_variants=2,
                               languages={"ar", "en", "fr"})


def test_a_file_written_by_translate_toolkit_is_read(tmp_path: Path) -> None:
    store = tt_tmx.tmxfile(sourcelanguage="ar", targetlanguage="en")
    store.addtranslation("نص أول", "ar", "First text", "en")
    store.addtranslation("نص ثان", "ar", "Second text", "en", comment="a note")
    path = tmp_path / "tt.tmx"
    path.write_bytes(bytes(store))

    units, _ = _read_all(path)

    assert [(u.source, u.target, u.notes) for u in units] == [("نص أول", "First text", ()),
                                                              ("نص ثان", "Second text", ("a note",))]


def test_status_and_origin_props_are_read_back(tmp_path: Path) -> None:
    body = """\
<tu><prop type="x-origin">human</prop><prop type="x-status">draft</prop>
<tuv xml:lang="ar"><seg>أ</seg></tuv><tuv xml:lang="en"><seg>A</seg></tuv></tu>
<tu><prop type="x-origin">from-the-future</prop><prop type="x-status">Approved</prop>
<tuv xml:lang="ar"><seg>ب</seg></tuv><tuv xml:lang="en"><seg>B</seg></tuv></tu>"""
    path = _tmx(tmp_path / "status.tmx", body)

    first, second = read_tmx(path)

    assert (first.origin, first.approved) == (UnitOrigin.HUMAN, False)
    assert (second.origin, second.approved) == (UnitOrigin.IMPORTED, True)


def test_other_language_pairs_can_be_read(tmp_path: Path) -> None:
    body = '<tu><tuv xml:lang="en-US"><seg>Hello</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv></tu>'
    path = _tmx(tmp_path / "enfr.tmx", body)

    (unit,) = read_tmx(path, source_lang="en", target_lang="fr")

    assert (unit.source, unit.target, unit.source_lang, unit.target_lang) == ("Hello", "Bonjour", "en", "fr")
