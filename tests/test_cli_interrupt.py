"""Ctrl+C never leaves a store or a file half-written: exit code 130, a message saying what was kept, and the
project, memory, glossary or earlier export exactly as before, with no temporary file left behind.

Long commands get a real SIGINT while they run on a pseudo-terminal (so their progress bar shows when they are
under way); commands too quick to catch get a KeyboardInterrupt raised in the middle of their work in-process.
"""

from __future__ import annotations

import dataclasses
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pty_cli import run_on_pty, with_default_sigint
from tarjama.cli import EXIT_INTERRUPTED, main
from tarjama.domain import TmUnit
from tarjama.formats.registry import GLOSSARY_FORMATS
from tarjama.glossary.store import Glossary
from tarjama.memory import tmx_loading
from tarjama.memory.store import TranslationMemory
from tarjama.project import files as project_files
from tarjama.project import intake as project_module
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore

INTERRUPTED = "Interrupted; nothing was half-written: "
#: A progress bar that has counted at least one step.
UNDER_WAY = r"[1-9]\d* units"


def tmx_of(units: int) -> str:
    rows = "".join(
        f'<tu><tuv xml:lang="ar"><seg>جملة رقم {i} عن الاتفاق</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Sentence number {i} about the agreement</seg></tuv></tu>\n'
        for i in range(units)
    )
    return f'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="ar"/><body>\n{rows}</body></tmx>\n'


def sources(tm: Path) -> list[str]:
    with TranslationMemory.open(tm) as memory:
        return [unit.source for unit in memory.units()]


@pytest.fixture(scope="module")
def big_tm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A memory of 40,000 units: several seconds of TMX to write."""
    path = tmp_path_factory.mktemp("big") / "big.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(TmUnit(f"جملة رقم {i}", f"Sentence number {i}") for i in range(40_000))
    return path


# -- a real Ctrl+C during long work ---------------------------------------------------------------------------


def test_the_child_gets_the_default_sigint_handler_even_when_the_runner_ignores_it() -> None:
    """A runner started in the background by a script (`bash -c 'pytest &'`) ignores SIGINT, and a child would
    inherit that: the Ctrl+C tests below would then see the command finish as if never interrupted."""
    says = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    probe = [sys.executable, "-c", says]
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        inherited = subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()
        restored = subprocess.run(with_default_sigint(probe), capture_output=True, text=True, check=True).stdout.strip()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert inherited == "False"  # what the child gets without the wrapper
    assert restored == "True"


def test_ctrl_c_during_a_tmx_import_leaves_the_memory_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    tm = folder / "mine.tarjama-tm"
    with TranslationMemory.create(tm) as memory:
        memory.import_units([TmUnit("سلام", "Peace"), TmUnit("بيت كبير", "A big house")])
    big = tmp_path / "big.tmx"
    big.write_text(tmx_of(100_000), encoding="utf-8")

    code, drawn = run_on_pty("tm", "import", big, "--tm", tm, interrupt_when=UNDER_WAY)

    assert code == EXIT_INTERRUPTED, drawn
    assert INTERRUPTED + "an import is one transaction, so the translation memory is as it was before." in drawn
    assert "Imported" not in drawn
    assert sources(tm) == ["سلام", "بيت كبير"]
    assert sorted(p.name for p in folder.iterdir()) == ["mine.tarjama-tm"]  # no journal, WAL or temporary file


@pytest.mark.slow
def test_ctrl_c_during_a_tmx_export_leaves_the_earlier_file_and_no_partial_one(tmp_path: Path, big_tm: Path) -> None:
    exported = tmp_path / "memory.tmx"
    exported.write_text("an earlier export", encoding="utf-8")

    code, drawn = run_on_pty("tm", "export", exported, "--force", "--tm", big_tm, interrupt_when=UNDER_WAY)

    assert code == EXIT_INTERRUPTED, drawn
    assert INTERRUPTED + "an export is written under a temporary name" in drawn
    assert exported.read_text(encoding="utf-8") == "an earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.tmx"]


def test_ctrl_c_during_a_large_import_creates_no_project(tmp_path: Path) -> None:
    document = tmp_path / "large.txt"
    paragraphs = (f"الفقرة رقم {i} عن الاتفاق. جملة ثانية فيها.\n\n" for i in range(40_000))
    document.write_text("".join(paragraphs), encoding="utf-8")

    code, drawn = run_on_pty("import", document, "--project", tmp_path / "large.tarjama", interrupt_when="Importing")

    assert code == EXIT_INTERRUPTED, drawn
    assert "A new project is created only when complete." in drawn
    assert sorted(p.name for p in tmp_path.iterdir()) == ["large.txt"]


# -- Ctrl+C in the middle of quick work -------------------------------------------------------------------------


def interrupt_on_third_call(real):
    """`real`, raising KeyboardInterrupt (as Ctrl+C would) on its third call instead of returning."""
    calls = []

    def wrapper(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    return wrapper


@pytest.fixture
def long_document(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text("".join(f"الفقرة رقم {i}. جملة ثانية.\n\n" for i in range(10)), encoding="utf-8")
    return path


def test_ctrl_c_while_importing_into_an_existing_project_leaves_it_as_it_was(
    tmp_path: Path, long_document: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first.txt"
    first.write_text("رحب السكان بالقرار.\n", encoding="utf-8")
    project = tmp_path / "p.tarjama"
    with import_document(first, project) as store:
        before = store.segments()
    monkeypatch.setattr(project_module, "split_sentences", interrupt_on_third_call(project_module.split_sentences))

    assert main(["import", str(long_document), "--project", str(project)]) == EXIT_INTERRUPTED

    assert capsys.readouterr().err.startswith(INTERRUPTED + "an import is one transaction, so the project")
    with ProjectStore.open(project) as store:
        assert store.segments() == before and len(store.documents()) == 1


def test_ctrl_c_while_creating_a_project_leaves_no_file(
    tmp_path: Path, long_document: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project_module, "split_sentences", interrupt_on_third_call(project_module.split_sentences))
    assert main(["import", str(long_document), "--project", str(tmp_path / "new.tarjama")]) == EXIT_INTERRUPTED
    assert "A new project is created only when complete." in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt"]


def test_ctrl_c_while_importing_a_glossary_leaves_it_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = tmp_path / "terms.tarjama-glossary"
    terms = tmp_path / "terms.csv"
    terms.write_text("Arabic,English\nسورية,Syria\n", encoding="utf-8")
    assert main(["glossary", "import", str(terms), "--glossary", str(glossary)]) == 0
    terms.write_text("Arabic,English\n" + "".join(f"كلمة{i},word {i}\n" for i in range(10)), encoding="utf-8")
    csv_format = GLOSSARY_FORMATS.find(terms)

    def read_then_interrupt(data, path, report):
        entries = csv_format.read(data, path, report)
        yield next(entries)
        yield next(entries)
        raise KeyboardInterrupt

    interrupting = dataclasses.replace(csv_format, read=read_then_interrupt)
    monkeypatch.setattr(GLOSSARY_FORMATS, "find", lambda path: interrupting)

    assert main(["glossary", "import", str(terms), "--glossary", str(glossary)]) == EXIT_INTERRUPTED

    assert capsys.readouterr().err.startswith(INTERRUPTED + "an import is one transaction, so the glossary")
    with Glossary.open(glossary) as opened:
        assert [entry.source for entry in opened.entries()] == ["سورية"]


def test_ctrl_c_while_writing_the_translation_keeps_the_earlier_file(
    tmp_path: Path, long_document: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "p.tarjama"
    import_document(long_document, project).close()
    out = tmp_path / "out.txt"
    out.write_text("an earlier translation", encoding="utf-8")
    real_write = project_files.write_document

    def write_half_then_interrupt(path, paragraphs, separator):
        paragraphs = list(paragraphs)  # the export streams them
        real_write(path, paragraphs[: len(paragraphs) // 2], separator)
        raise KeyboardInterrupt

    monkeypatch.setattr(project_files, "write_document", write_half_then_interrupt)

    assert main(["export-target", str(project), str(out), "--force"]) == EXIT_INTERRUPTED

    assert "an earlier file of that name is unchanged" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "an earlier translation"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt", "out.txt", "p.tarjama"]


def test_ctrl_c_while_importing_a_tmx_into_a_new_memory_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tmx = tmp_path / "other.tmx"
    tmx.write_text(tmx_of(10), encoding="utf-8")
    monkeypatch.setattr(tmx_loading, "read_tmx", interrupt_after_two_units(tmx_loading.read_tmx))

    assert main(["tm", "import", str(tmx), "--tm", str(tmp_path / "new.tarjama-tm")]) == EXIT_INTERRUPTED

    assert capsys.readouterr().err.startswith(INTERRUPTED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.tmx"]  # no memory was there, and none is now


def interrupt_after_two_units(real):
    """`real` (read_tmx), whose units stop with a KeyboardInterrupt after the second, as Ctrl+C would."""

    def wrapper(*args, **kwargs):
        units = real(*args, **kwargs)
        yield next(units)
        yield next(units)
        raise KeyboardInterrupt

    return wrapper
