"""NLLB-style models: the source framed as Hugging Face's NllbTokenizer frames it (``arb_Arab`` … ``</s>``), the
decoder started from ``eng_Latn``, found from the vocabulary alone and used everywhere the engine calls the model.

The model is a tiny real CTranslate2 Transformer shaped as ``ct2-transformers-converter`` leaves an NLLB one
(``add_source_eos`` off, decoder start ``</s>``, a shared vocabulary holding the language tokens, NLLB's
``sentencepiece.bpe.model``) with tests/tiny_models.py's glossary weights: decoder step t reads source position t
and writes its gloss. Position 0 must be ``arb_Arab`` (glossed ``eng_Latn``, the forced first target token) and the
last ``</s>`` (which ends the output): sent unframed, the same model drops the first word and never stops where it
should, so the words that come out show what the model was really given.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import tiny_models
from tarjama import mt
from tarjama.cli import main
from tarjama.inline_tags import close_mark, open_mark, plain
from tarjama.mt.engine import EngineSettings, Translator
from tarjama.mt.tag_placement import place_tags

FRAMED = ["arb_Arab", "▁بيت", "▁كبير", "</s>"]
TARGET = ["eng_Latn", "▁house", "▁big"]


@pytest.fixture(autouse=True)
def _fresh_translators():
    yield
    mt.release_translators()


@pytest.fixture(scope="module")
def nllb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A converted NLLB-shaped folder with no metadata.json and no README: only its vocabulary says what it is."""
    folder = tmp_path_factory.mktemp("nllb") / "tiny-nllb"
    sp_model = tiny_models.glossary_sentencepiece()
    pieces = tiny_models.pieces_of(sp_model) + ["arb_Arab", "eng_Latn", "fra_Latn"]
    gloss = {tiny_models.SPACE + ar: [(tiny_models.SPACE + en, offset) for en, offset in glosses]
             for ar, glosses in tiny_models.GLOSSARY.items()}
    gloss["<unk>"] = [("<unk>", 0.0)]
    gloss["arb_Arab"] = [("eng_Latn", 0.0)]
    spec, _ = tiny_models.glossary_spec(pieces, gloss)
    spec.config.add_source_eos = False  # as the converter writes NLLB's: the tokenizer adds </s>, not CTranslate2
    spec.config.decoder_start_token = "</s>"
    spec.validate()
    spec.optimize(quantization="float32")
    folder.mkdir()
    spec.save(str(folder))
    (folder / "sentencepiece.bpe.model").write_bytes(sp_model)
    return folder


@pytest.fixture
def package(nllb_dir: Path) -> mt.InstalledPackage:
    return mt.install_package(nllb_dir)


def test_the_framing_and_the_languages_are_found_in_the_vocabulary(package: mt.InstalledPackage) -> None:
    assert (package.from_code, package.to_code) == ("ar", "en")
    assert (package.source_prefix, package.source_suffix, package.target_prefix) == ("arb_Arab", "</s>", "eng_Latn")
    written = json.loads((package.path / "metadata.json").read_text(encoding="utf-8"))
    assert (written["source_prefix"], written["source_suffix"], written["target_prefix"]) == (
        "arb_Arab", "</s>", "eng_Latn")


def test_a_text_vocabulary_is_read_too_and_metadata_wins(nllb_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "converted"
    shutil.copytree(nllb_dir, folder)
    tokens = json.loads((folder / "shared_vocabulary.json").read_text(encoding="utf-8"))
    (folder / "shared_vocabulary.json").unlink()
    (folder / "shared_vocabulary.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    assert mt.install_package(folder).source_prefix == "arb_Arab"
    (folder / "metadata.json").write_text(json.dumps({"from_code": "ar", "to_code": "en", "source_suffix": "",
                                                      "package_version": "2"}), encoding="utf-8")
    named = mt.install_package(folder)
    assert (named.source_prefix, named.source_suffix, named.target_prefix) == ("arb_Arab", "", "eng_Latn")


def test_the_cli_installs_it_without_languages_given(capsys: pytest.CaptureFixture[str], nllb_dir: Path) -> None:
    assert main(["models", "install", str(nllb_dir)]) == 0
    assert "(Arabic → English)" in capsys.readouterr().out
    assert main(["models", "install", str(nllb_dir), "--from", "fr", "--to", "en"]) == 2  # its vocabulary says ar
    assert "not fr→en as expected" in capsys.readouterr().err


def test_the_packages_dialog_installs_it(qtbot, nllb_dir: Path) -> None:  # noqa: ANN001 - pytest-qt fixture
    from tarjama.ui.mt.models_dialog import ModelsDialog

    dialog = ModelsDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.packagesChanged, timeout=60000):
        dialog.install_file(nllb_dir)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert dialog.table.package_names() == ["ct2-tiny-nllb-0"]
    assert mt.list_packages()[0].source_prefix == "arb_Arab"


def test_the_model_receives_the_framed_source(package: mt.InstalledPackage) -> None:
    result = Translator(package).translate_one("بيت كبير")
    assert result.text == "house big"
    assert [a.text for a in result.alternatives][:2] == ["house large", "home big"]
    unframed = Translator(replace(package, source_prefix="", source_suffix="")).translate_one("بيت كبير")
    assert unframed.text != "house big" and unframed.text.startswith("big")  # the first word read as the prefix
    batch = Translator(package).translate(["بيت كبير", "ولد ذهب إلى مدرسة .", "سلام"])
    assert [r.text for r in batch] == ["house big", "boy went to school .", "peace"]


def test_clause_splitting_leaves_room_for_the_framing(package: mt.InstalledPackage) -> None:
    translator = Translator(package)
    assert translator.max_input_tokens == 64 - 2  # the model's 64 positions, less arb_Arab and </s>
    long_segment = " ، ".join(["بيت كبير"] * 40)  # 119 tokens: more than one input
    result = translator.translate_one(long_segment)
    assert result.pieces > 1 and result.text.split(" , ") == ["house big"] * 40


def test_tags_land_on_the_words_the_attention_shows(package: mt.InstalledPackage) -> None:
    translator = Translator(package)
    for source, expected in (
        (f"{open_mark(1)}بيت{close_mark(1)} كبير", f"{open_mark(1)}house{close_mark(1)} big"),
        (f"ولد ذهب {open_mark(1)}إلى مدرسة{close_mark(1)}", f"boy went {open_mark(1)}to school{close_mark(1)}"),
    ):
        result = translator.translate_one(plain(source), align=True)
        alignment = result.alignments[0]
        assert alignment.links == tuple(range(len(alignment.source_pieces)))  # framing columns left out
        assert place_tags(source, result.text, alignment) == expected


def test_word_scores_are_those_of_the_framed_source(package: mt.InstalledPackage) -> None:
    import ctranslate2

    model = ctranslate2.Translator(str(package.model_path))
    framed, unframed = (result.log_probs for result in model.score_batch(
        [FRAMED, FRAMED[1:-1]], [TARGET, TARGET], offset=1))
    assert max(abs(a - b) for a, b in zip(framed, unframed, strict=True)) > 1  # the framing matters to the scores
    translator = Translator(package)
    words = translator.score_words([("بيت كبير", "house big")])[0]
    assert [(w.start, w.end) for w in words] == [(0, 5), (6, 9)]
    assert [w.probability for w in words] == pytest.approx([math.exp(lp) for lp in framed[:2]], rel=1e-4)
    scored = Translator(package, EngineSettings(word_scores=True)).translate_one("بيت كبير")
    assert [w.probability for w in scored.words] == pytest.approx([w.probability for w in words], rel=1e-4)


def test_a_damaged_vocabulary_is_refused(nllb_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "damaged"
    shutil.copytree(nllb_dir, folder)
    (folder / "shared_vocabulary.json").write_text('["arb_Arab", ', encoding="utf-8")
    with pytest.raises(mt.PackageError, match="shared_vocabulary.json cannot be loaded"):
        mt.install_package(folder)
    assert mt.list_packages() == []
