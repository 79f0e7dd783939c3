"""A document with no sentence breaks gives one multi-megabyte segment (issue 14): machine pre-translation leaves
it untouched and names it, translates the others, keeps its progress and can be cancelled; QA still runs.

Uses the tiny real glossary model of tests/tiny_models.py (64 positions: 63 tokens per input, so at most 8 x 63 =
504 tokens per segment). Nothing here is timed: what must stay bounded is counted (tokens given to the model,
characters given to the tokenizer).
"""

from __future__ import annotations

import json
import random
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import tiny_models
from pty_cli import run_on_pty
from tarjama import mt
from tarjama.cli import EXIT_FAILED, EXIT_INTERRUPTED, main
from tarjama.domain import Origin, Status, TmUnit
from tarjama.errors import TarjamaError
from tarjama.memory.store import TranslationMemory
from tarjama.mt.engine import EngineSettings, SegmentTooLongError, TooLong, Translator
from tarjama.project.files import import_document
from tarjama.project.pretranslate import PretranslateProgress, TooLongSegment, pretranslate
from tarjama.project.store import ProjectStore
from tiny_models import gloss_words
from window_fixtures import open_window as open_project_window

WORDS = ["ولد", "بنت", "ذهب", "إلى", "مدرسة", "كتاب", "قرأ", "في", "مدينة", "جميل", "بيت", "كبير"]
#: Ordinary sentences, every word in the glossary (the full stop too, spaced), so their translations are known.
SENTENCES = ["ولد ذهب إلى مدرسة .", "بيت كبير .", "بنت قرأ كتاب في مدينة .", "يوم جميل ."]
HUGE_BYTES = 2_000_000


def words(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(count))


def huge_paragraph(size: int = HUGE_BYTES) -> str:
    """About `size` bytes of glossary words with no punctuation: one segment once imported."""
    return words(size // 9)  # a word and its space average 9 bytes of UTF-8


def write_project(folder: Path, name: str, paragraphs: list[str]) -> Path:
    document = folder / f"{name}.txt"
    document.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    project = folder / f"{name}.tarjama"
    import_document(document, project).close()
    document.unlink()
    return project


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_models.build_glossary_package(tmp_path_factory.mktemp("long-mt") / "translate-ar_en-1_0")


@pytest.fixture(scope="module")
def archive(package_dir: Path) -> Path:
    return tiny_models.zip_folder(package_dir, package_dir.parent / "translate-ar_en-1_0.argosmodel")


@pytest.fixture(scope="module")
def translator(package_dir: Path) -> Translator:
    return Translator(package_dir)


@pytest.fixture(scope="module")
def huge() -> str:
    return huge_paragraph()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, huge: str) -> Path:
    """Ten ordinary paragraphs of two sentences, the huge one, ten more: 41 segments, the huge one 21st."""
    normal = [" ".join(SENTENCES[:2]), " ".join(SENTENCES[2:])] * 5
    return write_project(tmp_path_factory.mktemp("long-template"), "long", [*normal, huge, *normal])


@pytest.fixture
def project(tmp_path: Path, template: Path) -> Path:
    copy = tmp_path / template.name
    shutil.copy(template, copy)
    return copy


@pytest.fixture
def installed(archive: Path) -> Iterator[mt.InstalledPackage]:
    package = mt.install_package(archive)
    yield package
    mt.release_translators()


@dataclass
class Work:
    """What a translator was given: tokens submitted to the model, characters to the tokenizer (largest call too)."""

    tokens: int = 0
    characters: int = 0
    largest: int = 0
    batches: list[int] = field(default_factory=list)


@pytest.fixture
def work(translator: Translator, monkeypatch: pytest.MonkeyPatch) -> Work:
    """Counts the work `translator` does from now on."""
    seen = Work()
    submit, tokenizer = translator._submit, translator._tokenizer
    encode, encode_many = tokenizer.encode, tokenizer.encode_many

    def counting_submit(sources: list[list[str]], align: bool) -> list[object]:
        seen.tokens += sum(len(tokens) for tokens in sources)
        seen.batches.append(len(sources))
        return submit(sources, align)

    def count(texts: list[str]) -> None:
        seen.characters += sum(map(len, texts))
        seen.largest = max([seen.largest, *map(len, texts)])

    def counting_encode(text: str) -> list[str]:
        count([text])
        return encode(text)

    def counting_encode_many(texts: list[str]) -> list[list[str]]:
        count(texts)
        return encode_many(texts)

    monkeypatch.setattr(translator, "_submit", counting_submit)
    monkeypatch.setattr(tokenizer, "encode", counting_encode)
    monkeypatch.setattr(tokenizer, "encode_many", counting_encode_many)
    return seen


def segments_of(project: Path) -> list:
    with ProjectStore.open(project) as store:
        return store.segments()


def the_huge_one(project: Path) -> object:
    return max(segments_of(project), key=lambda segment: len(segment.source))


# -- the engine -------------------------------------------------------------------------------------------------


def test_the_limit_is_max_pieces_inputs_of_the_model(translator: Translator, package_dir: Path) -> None:
    assert translator.max_input_tokens == 63
    assert translator.max_segment_tokens == 8 * 63
    assert Translator(package_dir, EngineSettings(max_pieces=2)).max_segment_tokens == 2 * 63
    with pytest.raises(ValueError, match="max_pieces"):
        EngineSettings(max_pieces=0)


def test_a_segment_at_the_limit_is_translated_whole_and_one_token_more_is_refused(
    translator: Translator, work: Work
) -> None:
    at_limit = words(translator.max_segment_tokens)  # one token per glossary word
    result = translator.translate_one(at_limit)
    assert result.text.split() == gloss_words(at_limit)  # every word: nothing truncated
    assert 8 <= result.pieces <= 9  # packed between words into the model's 63-token inputs
    submitted = work.tokens

    with pytest.raises(SegmentTooLongError) as caught:
        translator.translate_one(at_limit + " بيت")
    assert work.tokens == submitted  # refused before anything reached the model
    assert caught.value.too_long == (TooLong(0, len(at_limit) + 4, translator.max_segment_tokens + 1),)


def test_a_huge_segment_is_refused_without_being_tokenised(translator: Translator, huge: str, work: Work) -> None:
    with pytest.raises(SegmentTooLongError) as caught:
        translator.translate(["بيت كبير", huge])
    error = caught.value
    assert isinstance(error, TarjamaError) and not error.work_failed  # bad input: exit 2 where it is not handled
    assert error.too_long == (TooLong(1, len(huge), None),)
    assert f"A segment of {len(huge)} characters is too long to machine-translate" in str(error)
    assert "at most 504 tokens" in str(error) and "Split it into sentences" in str(error)
    assert work.tokens == 0 and work.largest <= translator.max_segment_chars


def test_the_refusal_names_every_segment_over_the_limit_and_only_those(
    translator: Translator, huge: str, work: Work
) -> None:
    over_in_tokens = words(600)
    with pytest.raises(SegmentTooLongError) as caught:
        translator.translate(["بيت كبير", huge, words(300), over_in_tokens, ""])
    assert caught.value.too_long == (TooLong(1, len(huge), None), TooLong(3, len(over_in_tokens), 600))
    assert caught.value.limit == 504 and work.tokens == 0
    assert translator.translate_one(words(300)).text.split() == gloss_words(words(300))


# -- pre-translation ------------------------------------------------------------------------------------------


def test_the_huge_segment_is_left_untouched_and_named_and_the_others_are_translated(
    project: Path, translator: Translator, work: Work
) -> None:
    progress: list[PretranslateProgress] = []
    with ProjectStore.open(project) as store:
        report = pretranslate(store, translator, on_progress=progress.append)

    segments = segments_of(project)
    huge = the_huge_one(project)
    number = segments.index(huge) + 1
    assert report.too_long == (TooLongSegment(huge.id, number, len(huge.source)),) and number == 21
    assert report.token_limit == 504 and not report.cancelled
    assert (report.total, report.translated) == (41, 40)
    assert (huge.status, huge.origin, huge.target, huge.mt_text) == (Status.NEW, Origin.NONE, "", None)
    others = [segment for segment in segments if segment.id != huge.id]
    assert all(s.status == Status.MACHINE and s.target.split() == gloss_words(s.source) for s in others)
    # Bounded: the model got exactly the ordinary segments' tokens (their words and full stops), and the tokenizer
    # saw them twice (the length check, then the translation), never the huge one.
    assert work.tokens == sum(len(s.source.split()) for s in others)
    assert work.characters == 2 * sum(len(s.source) for s in others)
    # Progress counts the refused segment as finished, so it reaches the total.
    assert progress[-1].done == progress[-1].total == 41


def test_a_memory_unit_for_the_huge_segment_still_fills_it(
    project: Path, translator: Translator, tmp_path: Path, huge: str
) -> None:
    with TranslationMemory.create(tmp_path / "memory.tarjama-tm") as memory:
        memory.import_units([TmUnit(huge, "A very long text."), TmUnit("بيت كبير .", "A big house.")])
        with ProjectStore.open(project) as store:
            report = pretranslate(store, translator, tm=memory, tm_threshold=75)

    assert report.too_long == () and report.tm_exact == 11  # the huge segment and the ten "بيت كبير ."
    assert report.translated == 30
    huge_segment = the_huge_one(project)
    assert (huge_segment.target, huge_segment.origin) == ("A very long text.", Origin.TM)


def test_cancel_keeps_finished_batches_and_leaves_the_huge_segment_untouched(
    tmp_path: Path, package_dir: Path, huge: str
) -> None:
    translator = Translator(package_dir, EngineSettings(batch_size=4))
    normal = [" ".join(SENTENCES) for _ in range(100)]  # 400 ordinary segments, then the huge one
    project = write_project(tmp_path, "cancel", [*normal, huge])
    cancel = threading.Event()

    def on_progress(progress: PretranslateProgress) -> None:
        if progress.changed:  # the first batch stored: cancel
            cancel.set()

    with ProjectStore.open(project) as store:
        report = pretranslate(store, translator, cancel=cancel, on_progress=on_progress)

    segments = segments_of(project)
    machine = [s for s in segments if s.status == Status.MACHINE]
    assert report.cancelled and 0 < report.translated == len(machine) < 400
    assert all(s.target.split() == gloss_words(s.source) for s in machine)
    assert the_huge_one(project).status == Status.NEW

    with ProjectStore.open(project) as store:  # the next run finishes the rest and names the huge one again
        again = pretranslate(store, translator)
    assert again.translated == 400 - len(machine) and len(again.too_long) == 1


def test_qa_still_checks_a_project_with_a_huge_segment(
    project: Path, translator: Translator, capsys: pytest.CaptureFixture[str]
) -> None:
    with ProjectStore.open(project) as store:
        pretranslate(store, translator)
    capsys.readouterr()
    assert main(["qa", str(project), "--json"]) in (0, EXIT_FAILED)  # ran; 1 only means it found errors
    findings = json.loads(capsys.readouterr().out)
    assert isinstance(findings, list)
    assert the_huge_one(project).id not in {finding["segment_id"] for finding in findings}


# -- the CLI --------------------------------------------------------------------------------------------------


def test_cli_names_the_huge_segment_says_what_to_do_and_exits_1(
    project: Path, installed: mt.InstalledPackage, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = the_huge_one(project)
    code = main(["pretranslate", str(project)])
    captured = capsys.readouterr()
    assert code == EXIT_FAILED, captured.err
    assert "Machine-translated 40 of 41 untranslated segments." in captured.out
    assert (
        f"tarjama-cli: {project}: left 1 segment untouched, too long to machine-translate (a segment should be a "
        f"sentence; this model translates at most 504 tokens in one): segment {huge.id} ({len(huge.source)} "
        f"characters). Split it into sentences (tarjama-cli split {project} {huge.id} OFFSET"
    ) in captured.err
    assert the_huge_one(project).status == Status.NEW
    assert sum(1 for s in segments_of(project) if s.status == Status.MACHINE) == 40


@pytest.mark.slow
def test_ctrl_c_stops_a_run_with_a_huge_segment_and_a_second_run_finishes(
    tmp_path: Path, installed: mt.InstalledPackage, huge: str
) -> None:
    rng = random.Random(3)
    normal = [" ".join(rng.choice(SENTENCES) for _ in range(10)) for _ in range(300)]
    project = write_project(tmp_path, "interrupt", [*normal[:150], huge, *normal[150:]])

    code, drawn = run_on_pty("pretranslate", project, interrupt_when=r"\b[1-9]\d+/\d+ \[")  # 10 or more done

    assert code == EXIT_INTERRUPTED, drawn
    assert "Interrupted; nothing was half-written" in drawn
    segments = segments_of(project)
    done = [s for s in segments if s.status == Status.MACHINE]
    assert 0 < len(done) < 3000
    assert all(s.target.split() == gloss_words(s.source) for s in done)
    assert the_huge_one(project).status == Status.NEW

    code, drawn = run_on_pty("pretranslate", project)
    assert code == EXIT_FAILED, drawn
    assert f"Machine-translated {3000 - len(done)} of {3001 - len(done)} untranslated segments." in drawn
    assert "left 1 segment untouched, too long to machine-translate" in drawn


# -- the window -----------------------------------------------------------------------------------------------


@pytest.fixture
def open_window(qtbot, installed: mt.InstalledPackage) -> Iterator:
    """Opens a project in a new window; the window is closed (its worker stopped) at the end of the test."""
    windows = []

    def opener(project: Path):  # noqa: ANN202 - the window
        windows.append(open_project_window(qtbot, project))
        return windows[-1]

    yield opener
    for window in windows:
        window.close()


def test_window_names_the_huge_segment_in_its_result_and_translates_the_rest(qtbot, open_window, project: Path) -> None:
    window = open_window(project)
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)

    message = window.statusBar().currentMessage()
    assert "40 machine-translated" in message
    assert "Left untouched, too long to machine-translate (a segment should be a sentence): segment(s) 21 " in message
    assert f"({len(the_huge_one(project).source)} characters). Split them into sentences" in message
    assert the_huge_one(project).status == Status.NEW
    shown = window.session.model.segments()
    assert sum(1 for s in shown if s.status == Status.MACHINE) == 40 and shown[20].status == Status.NEW


def test_window_cancel_stops_a_run_with_a_huge_segment(qtbot, open_window, tmp_path: Path, huge: str) -> None:
    normal = [" ".join(SENTENCES) for _ in range(150)]  # 600 ordinary segments, then the huge one
    project = write_project(tmp_path, "cancel-window", [*normal, huge])
    window = open_window(project)
    done: list[int] = []
    window.pretranslation.start()
    window.pretranslation.worker.progressed.connect(lambda finished, total, rate, ids: done.append(finished))
    qtbot.waitUntil(lambda: any(finished > 1 for finished in done), timeout=30000)  # past the refused one
    window.pretranslation.cancel()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)

    assert window.statusBar().currentMessage().startswith("Pre-translation cancelled")
    machine = [s for s in segments_of(project) if s.status == Status.MACHINE]
    assert 0 < len(machine) < 600 and all(s.target.split() == gloss_words(s.source) for s in machine)
    assert the_huge_one(project).status == Status.NEW


@pytest.mark.slow
def test_window_retranslating_the_huge_segment_says_it_is_too_long(qtbot, open_window, project: Path) -> None:
    window = open_window(project)
    huge = the_huge_one(project)
    window.go_to(huge.id)
    window.retranslate_current()
    qtbot.waitUntil(lambda: "too long to machine-translate" in window.statusBar().currentMessage(), timeout=30000)
    shown = window.statusBar().currentMessage().replace("\u2068", "").replace("\u2069", "")  # values isolated
    assert f"A segment of {len(huge.source)} characters is too long" in shown
    assert the_huge_one(project) == huge
    assert not window.session.undo_stack.canUndo()


def test_the_summary_names_five_segments_and_counts_the_rest(qapp) -> None:
    from tarjama.project.pretranslate import PretranslateReport
    from tarjama.ui.mt.machine_translation import pretranslation_summary

    too_long = tuple(TooLongSegment(100 + n, n, 1000 * n) for n in range(1, 8))
    report = PretranslateReport(total=10, translated=3, cancelled=False, too_long=too_long, token_limit=504)
    summary = pretranslation_summary(report, mt_skipped=False)
    assert "segment(s) 1 (1000 characters), 2 (2000 characters), 3 (3000 characters), 4 (4000 characters), " in summary
    assert "5 (5000 characters) and 2 more. Split them" in summary and "6 (" not in summary
    assert "too long" not in pretranslation_summary(PretranslateReport(10, 10, False), mt_skipped=False)
