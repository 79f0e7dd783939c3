"""The translation engine on a real (tiny, glossary) CTranslate2 model: outputs can be asserted word by word."""

from __future__ import annotations

import math
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tarjama.errors import TarjamaError
from tarjama.mt import (
    EngineError,
    EngineSettings,
    PackageNotFoundError,
    Progress,
    TranslationCancelled,
    Translator,
    install_package,
    load_translator,
    remove_package,
)
from tarjama.mt.confidence_features import ConfidenceFeatures
from tarjama.mt.engine import Alternative
from tiny_models import gloss_words

SENTENCES = [
    "ذهب ولد إلى مدرسة .",
    "بيت كبير",
    "قرأ بنت كتاب جميل في بيت صغير .",
    "سلام",
    "اتفاق وقف النار في سوريا",
    "موسكو و واشنطن ،",
    "يوم جميل في مدينة كبير ؟",
    "ولد",
] * 3


def test_glossary_translation_word_by_word(session_translator: Translator) -> None:
    results = session_translator.translate(SENTENCES)
    assert [r.text.split() for r in results] == [gloss_words(s) for s in SENTENCES]
    assert [r.source for r in results] == SENTENCES
    assert results[0].text == "went boy to school ."


def test_batched_results_equal_one_by_one_results(glossary_dir: Path) -> None:
    """Batching must not change a translation, its confidence, or its real alternatives.

    What it may change are the glossary model's *slips* (hypotheses with a wrong word, all below 0.35): the model
    gives every wrong word the same logit, so at the second step a slip followed by </s> and the right word followed
    by a slip cost the same, -11.9951963 vs -11.9951954 (one float32 ulp apart). Which of these tied candidates beam
    search keeps depends on the last bit of the output projection's GEMM, which changes with the number of rows
    (segments x beams) and the CPU's kernel (CT2_FORCE_CPU_ISA=AVX2: 12 of 24 segments differ, AVX512: 6, GENERIC:
    20); the kept slips then grow differently, so their confidences differ (0.135 vs 0.126). This is CTranslate2's
    arithmetic, the same in 4.4 to 4.8.5, on two segments of equal length (no padding) as well. Before 4.8 the
    opt-in CT2_USE_EXPERIMENTAL_PACKED_GEMM=1 packed the projection too and hid the ties; 4.8 packs every linear
    layer but the projection.
    """
    settings = EngineSettings(beam_size=4, batch_size=5)
    batched = Translator(glossary_dir, settings).translate(SENTENCES)
    single = Translator(glossary_dir, EngineSettings(beam_size=4, batch_size=1))
    one_by_one = [single.translate_one(sentence) for sentence in SENTENCES]
    assert [r.source for r in batched] == SENTENCES
    assert [r.text for r in batched] == [r.text for r in one_by_one]
    for a, b in zip(batched, one_by_one, strict=True):
        assert a.confidence == pytest.approx(b.confidence, abs=1e-4)
        # Real alternatives (a second gloss) are far from any tie: same texts, same confidences, same order.
        real_a = [(x.text, x.confidence) for x in a.alternatives if _raw_confidence(x) > 0.35]
        real_b = [(x.text, x.confidence) for x in b.alternatives if _raw_confidence(x) > 0.35]
        assert [text for text, _ in real_a] == [text for text, _ in real_b]
        assert [c for _, c in real_a] == pytest.approx([c for _, c in real_b], abs=1e-4)
        for result in (a, b):  # either way, the alternatives are ranked below the translation and among themselves
            confidences = [result.confidence] + [x.confidence for x in result.alternatives]
            assert confidences == sorted(confidences, reverse=True)
            assert result.text not in [x.text for x in result.alternatives]
    assert len([x for x in batched[1].alternatives if _raw_confidence(x) > 0.35]) == 3


def _raw_confidence(alternative: Alternative) -> float:
    """exp(mean token log-probability) of an alternative, from the features its calibrated confidence came from."""
    features = ConfidenceFeatures.from_json(alternative.features or "")
    assert features is not None
    return math.exp(features.mean_log_prob)


def test_alternatives_and_confidence_order(glossary_dir: Path) -> None:
    translator = Translator(glossary_dir, EngineSettings(beam_size=4))
    ambiguous, plain = translator.translate(["بيت كبير", "ذهب ولد إلى مدرسة ."])

    assert ambiguous.text == "house big"
    texts = [a.text for a in ambiguous.alternatives]
    assert len(texts) == 3
    assert "home big" in texts and "house large" in texts
    confidences = [ambiguous.confidence] + [a.confidence for a in ambiguous.alternatives]
    assert all(0.0 <= c <= 1.0 for c in confidences)
    assert confidences == sorted(confidences, reverse=True)
    assert texts.index("house large") < texts.index("home big")  # "large" is the closer second meaning

    # The unambiguous sentence is near certain, and likely fine once calibrated; the ambiguous one is not.
    assert plain.raw_confidence > 0.99
    assert plain.confidence > 0.9
    assert ambiguous.confidence < 0.9
    assert all(a.confidence < 0.5 for a in plain.alternatives)


def test_default_beam_gives_two_alternatives(session_translator: Translator) -> None:
    result = session_translator.translate_one("بيت كبير")
    assert session_translator.settings.beam_size == 3
    assert [a.text for a in result.alternatives] == ["house large", "home big"]
    assert EngineSettings(beam_size=2, alternatives=3).beam_size == 2  # fewer hypotheses, fewer alternatives


def test_confidence_is_the_geometric_mean_token_probability(session_translator: Translator) -> None:
    """exp(mean log p) over generated tokens: with one ambiguous word among n+1 tokens, conf = p_word^(1/(n+1))."""
    result = session_translator.translate_one("بيت")
    # Alternatives for بيت have logits 12 (house) and 11 (home) against ~0 elsewhere; </s> is certain.
    p_house = math.exp(12) / (math.exp(12) + math.exp(11) + 75)
    assert result.text == "house"
    assert result.raw_confidence == pytest.approx(math.sqrt(p_house), abs=0.02)
    assert [a.text for a in result.alternatives][0] == "home"


def test_unknown_words_are_copied_and_empty_segments_kept(session_translator: Translator) -> None:
    results = session_translator.translate(["سلام Tarjama سلام", "", "   ", "بيت"])
    assert results[0].text == "peace Tarjama peace"
    assert (results[1].text, results[1].confidence, results[1].alternatives) == ("", 1.0, ())
    assert results[2].text == ""
    assert results[3].text == "house"


def test_long_segment_is_split_at_clauses_and_rejoined(session_translator: Translator) -> None:
    assert session_translator.max_input_tokens == 63  # 64 positions, one taken by the source's </s>
    clause = "ذهب ولد إلى مدرسة في مدينة كبير ،"  # 8 tokens
    segment = " ".join([clause] * 20)  # 160 tokens: cannot be translated whole
    result = session_translator.translate_one(segment)
    assert result.pieces == 3
    assert result.text.split() == gloss_words(segment)


def test_long_segment_without_punctuation_is_split_between_words(session_translator: Translator) -> None:
    segment = " ".join(["سلام", "بيت", "كتاب"] * 50)  # 150 tokens, no punctuation at all
    result = session_translator.translate_one(segment)
    assert result.pieces == 3
    assert result.text.split() == gloss_words(segment)


def test_target_prefix_is_honoured(prefix_dir: Path) -> None:
    translator = Translator(prefix_dir)
    results = translator.translate(SENTENCES[:6])
    assert [r.text.split() for r in results] == [gloss_words(s) for s in SENTENCES[:6]]
    assert all("__en__" not in r.text for r in results)
    # A prefix is forced, not predicted: it must not change the confidence.
    plain = Translator(prefix_dir.parent.parent / "v1.0" / "translate-ar_en-1_0").translate(SENTENCES[:6])
    for a, b in zip(results, plain, strict=True):
        assert a.confidence == pytest.approx(b.confidence, abs=0.02)


def test_progress_reports_every_batch(glossary_dir: Path) -> None:
    translator = Translator(glossary_dir, EngineSettings(batch_size=4))
    reports: list[Progress] = []
    results = translator.translate(SENTENCES, progress=reports.append)

    assert len(reports) == math.ceil(len(SENTENCES) / 4)
    assert [r.done for r in reports] == sorted(r.done for r in reports)
    assert reports[-1].done == reports[-1].total == len(SENTENCES)
    finished = {index: result for report in reports for index, result in report.finished}
    assert sorted(finished) == list(range(len(SENTENCES)))
    assert [finished[i] for i in range(len(SENTENCES))] == results


def test_cancel_half_way_keeps_finished_segments(glossary_dir: Path) -> None:
    translator = Translator(glossary_dir, EngineSettings(batch_size=3))
    cancel = threading.Event()
    seen: list[int] = []

    def on_progress(progress: Progress) -> None:
        seen.extend(index for index, _ in progress.finished)
        cancel.set()

    with pytest.raises(TranslationCancelled) as caught:
        translator.translate(SENTENCES, progress=on_progress, cancel=cancel)

    partial = caught.value.partial
    assert isinstance(caught.value, TarjamaError)
    assert 0 < len(partial) < len(SENTENCES)
    assert sorted(partial) == sorted(seen)
    for index, result in partial.items():
        assert result.text.split() == gloss_words(SENTENCES[index])
    # The translator is still usable afterwards.
    assert translator.translate_one("سلام").text == "peace"


def test_cancel_accepts_a_callable(session_translator: Translator) -> None:
    with pytest.raises(TranslationCancelled):
        session_translator.translate(SENTENCES, cancel=lambda: True)


def test_translation_opens_no_socket_and_never_reads_stanza(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch, stanza_watch: list[str]
) -> None:
    attempts: list[object] = []
    for name in ("connect", "connect_ex"):
        original = getattr(socket.socket, name)  # the conftest guard, which blocks non-loopback addresses

        def record(self: socket.socket, address: object, _original=original) -> object:
            attempts.append(address)
            return _original(self, address)

        monkeypatch.setattr(socket.socket, name, record)

    translator = Translator(glossary_dir)
    results = translator.translate(SENTENCES)

    assert [r.text.split() for r in results] == [gloss_words(s) for s in SENTENCES]
    assert attempts == []
    assert stanza_watch == []


def test_stanza_watch_would_notice_a_read(glossary_dir: Path, stanza_watch: list[str]) -> None:
    """The watch above is not vacuous: reading or listing the stanza folder is recorded."""
    (glossary_dir / "stanza" / "resources.json").read_text(encoding="utf-8")
    list((glossary_dir / "stanza").iterdir())
    assert len(stanza_watch) == 2


def test_engine_does_not_load_argos_translate_or_sentence_splitters(glossary_dir: Path) -> None:
    """In a fresh interpreter: translating must not import argostranslate's translate/sbd, minisbd or stanza."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tarjama.mt import Translator\n"
        f"print(Translator(Path({str(glossary_dir)!r})).translate_one('سلام').text)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('argostranslate', 'minisbd', 'stanza', 'spacy',"
        " 'torch', 'onnxruntime')]\n"
        "print(sorted(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.splitlines() == ["peace", "[]"]


def test_load_translator_loads_once_and_reloads_after_install(glossary_archive: Path, newer_archive: Path) -> None:
    with pytest.raises(PackageNotFoundError):
        load_translator()
    install_package(glossary_archive)
    first = load_translator()
    assert load_translator() is first
    assert first.translate_one("بيت كبير").text == "house big"

    install_package(newer_archive)
    second = load_translator()
    assert second is not first
    assert second.package.version == "1.1"
    remove_package("translate-ar_en-1_1")
    with pytest.raises(PackageNotFoundError):
        load_translator()


def test_broken_model_is_reported(glossary_dir: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(glossary_dir, broken)
    (broken / "model" / "model.bin").write_bytes(b"\x06\x00\x00\x00garbage")
    with pytest.raises(EngineError, match="reinstall the package"):
        Translator(broken)
