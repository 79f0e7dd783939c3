"""Arabic on a terminal: visual order (python-bidi's levels, our mirroring), the output layer, and the real
`tarjama-cli` on a pseudo-terminal against piped output; every command's `--help`."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
from pathlib import Path

import pytest
from bidi import get_display
from bidi.algorithm import get_display as get_display_v5
from bidi.mirror import MIRRORED
from hypothesis import given
from hypothesis import strategies as st

from pty_cli import run_on_pty
from tarjama.cli import EXIT_INTERRUPTED, build_parser, visual_order
from tarjama.cli.terminal import Out
from tarjama.cli.visual_order import visual
from test_cli import cli_executable

# -- what python-bidi 0.6 does (the finding visual_order's docstring records) ---------------------------------


def test_python_bidi_rust_reorders_without_mirroring_and_v5_mirrors_without_bracket_pairs() -> None:
    assert get_display("(مرحبا)") == ")ابحرم("
    assert get_display("«نص»") == "»صن«"
    assert get_display("نص [x] نص") == "صن ]x[ صن"
    assert get_display("hello (مرحبا) world") == "hello (ابحرم) world"  # brackets resolved LTR: right as is
    assert get_display_v5("(مرحبا)") == "(ابحرم)"
    assert get_display_v5("«نص»") == "«صن»"
    assert get_display_v5("قال (مرحبا) 12 [x] end") == "x] end] 12 (ابحرم) لاق"  # no rule N0


# -- visual order -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("logical", "shown"),
    [
        ("(مرحبا)", "(ابحرم)"),
        ("«نص»", "«صن»"),
        ("[x]", "[x]"),
        ("نص [x] نص", "صن [x] صن"),
        ("قال (مرحبا) 12 [x] end", "end [x] 12 (ابحرم) لاق"),
        ("hello (مرحبا) world", "hello (ابحرم) world"),
        ("hello «نص» x", "hello «صن» x"),
        ("العدد 3.5% (تقريبا) في 2024", "2024 يف (ابيرقت) %3.5 ددعلا"),
        ("(مرحبا", "ابحرم)"),  # a lone bracket at an odd level is mirrored too
        ("plain English (text)", "plain English (text)"),
        ("", ""),
    ],
)
def test_visual_order_mirrors_brackets_at_odd_levels(logical: str, shown: str) -> None:
    assert visual(logical) == shown


def test_harakat_stay_after_their_letter() -> None:
    assert visual("كَتَبَ") == "بَتَكَ"
    assert visual("أَعْلَنَ (خطة)") == "(ةطخ) نَلَعْأَ"


_MIXED = st.text(st.sampled_from(list("abc XY 12 ٣٤ نصمر،.:%-+/()[]«»<>") + ["\u200f", "\u2067", "\u2069"]))


@given(_MIXED)
def test_visual_order_is_python_bidis_order_with_only_mirrored_glyphs_changed(text: str) -> None:
    shown, reference = visual(text), get_display(text)
    assert len(shown) == len(reference)
    for ours, theirs in zip(shown, reference, strict=True):
        assert ours == theirs or ours == MIRRORED.get(theirs)


def test_an_unexpected_python_bidi_dump_falls_back_to_its_plain_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(visual_order, "get_display", lambda text, debug=False: "?" if debug else get_display(text))
    assert visual("(مرحبا)") == ")ابحرم("


# -- the output layer -------------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_each_tab_separated_field_is_reordered_in_place() -> None:
    stdout, stderr = Terminal(), Terminal()
    Out(stdout, stderr).line("7\tnew\tرحب السكان (جدا)\tResidents (very) welcomed it")
    assert stdout.getvalue() == "7\tnew\t(ادج) ناكسلا بحر\tResidents (very) welcomed it\n"


def test_piped_or_no_bidi_output_is_logical_byte_for_byte() -> None:
    line = "7\tرحب السكان (جدا)\t«نص»"
    piped = io.StringIO()
    Out(piped, io.StringIO()).line(line)
    assert piped.getvalue() == line + "\n"
    terminal = Terminal()
    Out(terminal, Terminal(), bidi=False).line(line)
    assert terminal.getvalue() == line + "\n"


def test_json_is_never_reordered_and_messages_follow_stderr() -> None:
    stdout, stderr = Terminal(), io.StringIO()
    out = Out(stdout, stderr)
    out.json({"source": "رحب السكان"})
    out.note("tarjama-cli: غائب.tarjama: does not exist.")
    assert json.loads(stdout.getvalue()) == {"source": "رحب السكان"}
    assert stderr.getvalue() == "tarjama-cli: غائب.tarjama: does not exist.\n"
    terminal_err = Terminal()
    Out(io.StringIO(), terminal_err).note("tarjama-cli: غائب.tarjama: does not exist.")
    assert terminal_err.getvalue() == "tarjama-cli: بئاغ.tarjama: does not exist.\n"


def test_shaping_joins_letters_on_a_terminal_and_keeps_harakat() -> None:
    terminal = Terminal()
    Out(terminal, Terminal(), shape=True).line("1\tلا نَص\tNo text")
    # لا becomes the lam-alef ligature; ن takes its initial form and keeps its fatha; ص its final form.
    assert terminal.getvalue() == "1\t\ufeba\ufee7\u064e \ufefb\tNo text\n"
    piped = io.StringIO()
    Out(piped, io.StringIO(), shape=True).line("1\tلا نَص")
    assert piped.getvalue() == "1\tلا نَص\n"


def test_progress_is_drawn_on_a_terminal_only_and_wiped_at_the_end() -> None:
    piped = io.StringIO()
    with Out(io.StringIO(), piped).progress("Reading", total=10) as advance:
        advance(5)
    assert piped.getvalue() == ""
    terminal = Terminal()
    with Out(io.StringIO(), terminal).progress("Reading", unit="B") as advance:
        advance(2048, total=4096)
    drawn = terminal.getvalue()
    assert "Reading" in drawn and drawn.endswith("\r")  # the last write blanks the line


# -- the real entry point on a pseudo-terminal --------------------------------------------------------------------

MIXED_LINE = "أعلنت الحكومة 3 خطط في 2024 عبر BBC News (تقريبا)."


@pytest.fixture
def mixed_project(tmp_path: Path) -> Path:
    document = tmp_path / "mixed.txt"
    document.write_text(MIXED_LINE + "\n", encoding="utf-8")
    project = tmp_path / "mixed.tarjama"
    done = subprocess.run([cli_executable(), "import", document, "--project", project], capture_output=True)
    assert done.returncode == 0, done.stderr
    return project


def test_segments_on_a_terminal_show_arabic_in_visual_order(mixed_project: Path) -> None:
    code, drawn = run_on_pty("segments", mixed_project)
    assert code == 0
    segment_id, paragraph, status, source, target = drawn.rstrip("\n").split("\t")
    assert (paragraph, status, target) == ("1", "new", "")
    # Computed without tarjama: python-bidi's order, and the brackets of this Arabic line (odd level) mirrored.
    assert source == get_display(MIXED_LINE).translate(str.maketrans("()", ")("))
    assert source.startswith(".(ابيرقت) BBC News") and "2024" in source and "ةموكحلا تنلعأ" in source
    assert source.index("2024") < source.index(" 3 ")  # later in the sentence, further left


def test_segments_piped_or_with_no_bidi_are_logical(mixed_project: Path) -> None:
    piped = subprocess.run([cli_executable(), "segments", mixed_project], capture_output=True)
    assert piped.returncode == 0
    logical = piped.stdout.decode("utf-8")
    assert logical.split("\t")[3] == MIXED_LINE
    for argv in (["--no-bidi", "segments", mixed_project], ["segments", mixed_project, "--no-bidi"]):
        code, drawn = run_on_pty(*argv)
        assert code == 0
        assert drawn == logical


def test_shape_on_a_terminal_draws_presentation_forms(mixed_project: Path) -> None:
    code, drawn = run_on_pty("--shape", "segments", mixed_project)
    assert code == 0
    source = drawn.split("\t")[3]
    arabic = [char for char in source if not char.isascii()]
    assert arabic and all("\ufb50" <= char <= "\ufeff" for char in arabic)
    assert "BBC News" in source and "2024" in source


def test_json_on_a_terminal_is_logical(mixed_project: Path) -> None:
    code, drawn = run_on_pty("segments", mixed_project, "--json")
    assert code == 0
    assert json.loads(drawn)[0]["source"] == MIXED_LINE


def test_an_error_naming_an_arabic_file_is_reordered_on_a_terminal(tmp_path: Path) -> None:
    code, drawn = run_on_pty("stats", tmp_path / "غائب.tarjama")
    assert code == 2
    assert "بئاغ.tarjama" in drawn and "does not exist" in drawn


def test_a_reader_that_stops_early_ends_the_output_quietly(tmp_path: Path) -> None:
    document = tmp_path / "long.txt"
    document.write_text("".join(f"{MIXED_LINE}\n\n" for _ in range(2000)), encoding="utf-8")
    project = tmp_path / "long.tarjama"
    assert subprocess.run([cli_executable(), "import", document, "--project", project]).returncode == 0
    reader = subprocess.Popen([cli_executable(), "segments", project], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stdout.readline().startswith(b"1\t1\tnew\t")
    reader.stdout.close()  # as `| head -1` does
    assert reader.wait(timeout=60) == 1
    assert reader.stderr is not None and reader.stderr.read() == b""


# -- help ---------------------------------------------------------------------------------------------------------


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _commands(child, (*path, name))
            return
    yield path, parser


def test_every_command_explains_itself_and_each_argument() -> None:
    commands = dict(_commands(build_parser()))
    assert {" ".join(path) for path in commands} >= {
        "import", "segments", "edit", "stats", "pretranslate", "models list", "tm match", "tm search", "tm import",
        "glossary import", "glossary find", "qa", "report", "export-target", "export-tmx",
    }
    for path, parser in commands.items():
        assert parser.description, path
        for action in parser._actions:
            assert action.help, (path, action.dest)


def test_top_level_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    text = capsys.readouterr().out
    assert f"{EXIT_INTERRUPTED}  stopped by Ctrl+C" in text and "--no-bidi" in text
