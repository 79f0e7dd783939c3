"""OPUS-MT releases and CTranslate2 model folders: installed, converted, run through the same engine.

The releases are tiny but real Marian models (tests/tiny_marian.py): numpy weights saved as a Marian ``.npz``
under the names CTranslate2's ``OpusMTConverter`` reads, a ``decoder.yml``, two vocabularies and two
SentencePiece models (Arabic words; English words). Their weights are tests/tiny_models.py's glossary, so once
converted to int8 the model translates word by word and the tests assert the very words (and alternatives) that
come out of :class:`Translator`, not only that it runs.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
import sentencepiece

import tiny_marian
import tiny_models
from tarjama import mt
from tarjama.cli import main
from tarjama.mt.engine import Translator
from tarjama.mt.packages import OtherLanguagePairError
from tarjama.mt.tokenizers import SourceTargetTokenizer

from .mt_helpers import snapshot

SENTENCES = ["ولد ذهب إلى مدرسة .", "بيت كبير"]


def expected(arabic: str) -> str:
    return " ".join(tiny_models.gloss_words(arabic))


@pytest.fixture(autouse=True)
def _fresh_translators():
    yield
    mt.release_translators()


@pytest.fixture(scope="session")
def release_dir(mt_build: Path) -> Path:
    """An Arabic→English release folder whose README names its languages (ara → eng), as Tatoeba-MT's do."""
    return tiny_marian.build_glossary_release(mt_build / "opus" / "opus-2020-06-18")


@pytest.fixture(scope="session")
def release_zip(release_dir: Path, mt_build: Path) -> Path:
    return tiny_marian.zip_release(release_dir, mt_build / "opus-2020-06-18.zip")


@pytest.fixture(scope="session")
def ct2_dir(release_dir: Path, mt_build: Path) -> Path:
    """What ``ct2-opus-mt-converter`` leaves, with the release's tokenizers copied beside it, named like the model."""
    from ctranslate2.converters import OpusMTConverter

    folder = mt_build / "ct2" / "opus-mt-ar-en"
    OpusMTConverter(str(release_dir)).convert(str(folder), quantization="int8")
    for name in ("source.spm", "target.spm", "LICENSE"):
        shutil.copyfile(release_dir / name, folder / name)
    return folder


def copy_of(folder: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(folder, target)
    return target


def test_a_release_zip_is_converted_installed_and_translates(release_zip: Path) -> None:
    package = mt.install_package(release_zip)
    assert (package.from_code, package.to_code, package.origin) == ("ar", "en", "OPUS-MT")
    assert package.licence.startswith("Creative Commons Attribution 4.0")
    assert (package.path / "README.md").is_file() and (package.path / "LICENSE").is_file()
    assert package.version == "2020.06.18" and package.name == "opus-mt-ar-en-transformer-2020_06_18"
    assert json.loads((package.model_path / "config.json").read_text(encoding="utf-8"))["add_source_eos"] is True
    assert mt.list_packages() == [mt.list_packages()[0]] and mt.list_packages()[0].name == package.name

    results = Translator(package).translate(SENTENCES)
    assert [r.text for r in results] == [expected(s) for s in SENTENCES]
    assert [a.text for a in results[1].alternatives][:2] == ["house large", "home big"]


def test_the_separate_target_tokenizer_decodes_the_output(release_zip: Path) -> None:
    package = mt.install_package(release_zip)
    assert package.source_tokenizer_path.name == "source.spm"
    assert package.target_tokenizer_path.name == "target.spm"
    # Each model knows only its own side's words: the source one Arabic, the target one English.
    source = sentencepiece.SentencePieceProcessor(model_file=str(package.source_tokenizer_path))
    target = sentencepiece.SentencePieceProcessor(model_file=str(package.target_tokenizer_path))
    assert source.piece_to_id("▁house") == source.unk_id() != source.piece_to_id("▁بيت")
    assert target.piece_to_id("▁بيت") == target.unk_id() != target.piece_to_id("▁house")
    translator = Translator(package)
    tokenizer = translator._tokenizer
    assert isinstance(tokenizer, SourceTargetTokenizer)
    assert tokenizer.encode("بيت") == ["▁بيت"] and tokenizer.target.encode("house") == ["▁house"]
    assert translator.translate_one("بيت كبير").text == "house big"
    long_segment = " ، ".join(["بيت كبير"] * 40)  # longer than the model's 64 positions: split into clauses
    result = translator.translate_one(long_segment)
    assert result.pieces > 1 and result.text.replace(" , ", ",").count("house big") == 40


def test_a_release_folder_named_opus_mt_ar_en_without_readme_installs(tmp_path: Path) -> None:
    folder = tiny_marian.build_glossary_release(tmp_path / "opus-mt-ar-en", readme=None)
    package = mt.install_package(folder)
    assert (package.from_code, package.to_code, package.licence) == ("ar", "en", "Creative Commons Attribution "
                                                                                 "4.0 International (CC-BY 4.0)")
    assert Translator(package).translate_one("سلام").text == "peace"
    assert folder.is_dir()  # the release given is left as it was


def test_a_release_in_a_folder_of_a_zip_installs_beside_an_argos_package(
    release_dir: Path, tmp_path: Path, glossary_archive: Path
) -> None:
    argos = mt.install_package(glossary_archive)
    zipped = tiny_marian.zip_release(release_dir, tmp_path / "release.zip", top="opus-2020-06-18")
    opus = mt.install_package(zipped)
    assert {p.name for p in mt.list_packages()} == {argos.name, opus.name}


def test_a_ct2_folder_installs_and_runs(ct2_dir: Path) -> None:
    package = mt.install_package(ct2_dir)
    assert (package.from_code, package.to_code, package.origin) == ("ar", "en", "CTranslate2 folder")
    assert package.licence.startswith("Creative Commons")
    assert (package.model_path / "model.bin").is_file() and package.target_tokenizer_path.name == "target.spm"
    assert [r.text for r in Translator(package).translate(SENTENCES)] == [expected(s) for s in SENTENCES]


def test_a_ct2_folder_that_names_no_languages_needs_them_given(ct2_dir: Path, tmp_path: Path) -> None:
    folder = copy_of(ct2_dir, tmp_path, "converted")
    with pytest.raises(mt.PackageError, match="do not say which languages"):
        mt.install_package(folder)
    assert mt.list_packages() == []
    with pytest.raises(OtherLanguagePairError):
        mt.install_package(folder, expect_pair=("fr", "en"))
    package = mt.install_package(folder, expect_pair=("ar", "en"))
    assert (package.from_code, package.to_code) == ("ar", "en")


def test_an_nllb_style_prefix_is_given_and_stripped(tmp_path: Path) -> None:
    """A model that must be started with ``eng_Latn`` (as NLLB is): the prefix reaches CTranslate2 as
    ``target_prefix`` (without it this model's output is shifted by one word) and never reaches the text."""
    folder = tmp_path / "nllb-like"
    sp_model = tiny_models.glossary_sentencepiece()
    gloss = {tiny_models.SPACE + ar: [(tiny_models.SPACE + en, offset) for en, offset in glosses]
             for ar, glosses in tiny_models.GLOSSARY.items()}
    gloss["<unk>"] = [("<unk>", 0.0)]
    tiny_models.build_glossary_model(folder, tiny_models.pieces_of(sp_model), gloss, extra_tokens=["eng_Latn"],
                                     target_shift=1)
    (folder / "sentencepiece.model").write_bytes(sp_model)
    metadata = {"from_code": "arb_Arab", "to_code": "eng_Latn", "target_prefix": "eng_Latn", "license": "CC-BY-NC"}
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    package = mt.install_package(folder)
    assert (package.from_code, package.to_code, package.target_prefix, package.licence) == (
        "ar", "en", "eng_Latn", "CC-BY-NC")
    result = Translator(package).translate_one("بيت كبير")
    assert result.text == "house big"
    assert all("eng_Latn" not in a.text for a in result.alternatives) and result.alternatives


def _rewrite_zip(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for name, data in extra.items():
            new.writestr(name, data)
    return target


def test_unsafe_or_unsuitable_releases_are_refused_and_change_nothing(
    release_dir: Path, release_zip: Path, tmp_path: Path
) -> None:
    packages = mt.packages_dir()
    before = snapshot(packages)
    other = tiny_marian.build_glossary_release(tmp_path / "fra-eng", source="fra", target="eng")
    with pytest.raises(OtherLanguagePairError, match="fra→en"):
        mt.install_package(other)
    climbing = _rewrite_zip(release_zip, tmp_path / "climbing.zip", {"../evil.txt": b"x"})
    with pytest.raises(mt.PackageError, match="climbs out"):
        mt.install_package(climbing)
    assert not (tmp_path / "evil.txt").exists()
    missing = copy_of(release_dir, tmp_path, "missing")
    (missing / "target.spm").unlink()
    with pytest.raises(mt.PackageError, match="target.spm is missing"):
        mt.install_package(missing)
    escaping = copy_of(release_dir, tmp_path, "escaping")
    config = (escaping / "decoder.yml").read_text(encoding="utf-8")
    (escaping / "decoder.yml").write_text(config.replace(f"  - {tiny_marian.NPZ_NAME}", "  - ../../etc/x.npz"),
                                          encoding="utf-8")
    with pytest.raises(mt.PackageError, match="outside its folder"):
        mt.install_package(escaping)
    broken = copy_of(release_dir, tmp_path, "broken")
    (broken / tiny_marian.NPZ_NAME).write_bytes(b"not a numpy archive")
    with pytest.raises(mt.PackageError, match="cannot be converted"):
        mt.install_package(broken)
    with pytest.raises(mt.PackageError, match="not the expected|as expected"):
        mt.install_package(release_dir, expect_pair=("ar", "fr"))
    not_a_model = tmp_path / "empty"
    not_a_model.mkdir()
    with pytest.raises(mt.PackageError, match="not a translation model"):
        mt.install_package(not_a_model)
    assert snapshot(packages) == before


def test_cli_models_install_takes_each_kind(
    capsys: pytest.CaptureFixture[str], release_zip: Path, release_dir: Path, ct2_dir: Path, tmp_path: Path
) -> None:
    assert main(["models", "install", str(release_zip)]) == 0
    assert "Installed opus-mt-ar-en-transformer-2020_06_18" in capsys.readouterr().out
    assert main(["models", "install", str(release_dir)]) == 0  # the same release again: replaces itself
    unnamed = copy_of(ct2_dir, tmp_path, "converted")
    assert main(["models", "install", str(unnamed)]) == 2
    assert "--from ar --to en" in capsys.readouterr().err
    assert main(["models", "install", str(unnamed), "--from", "ar"]) == 2
    assert main(["models", "install", str(unnamed), "--from", "ar", "--to", "en"]) == 0
    capsys.readouterr()
    assert main(["models", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(p["name"] for p in listed) == ["ct2-converted-0", "opus-mt-ar-en-transformer-2020_06_18"]


def test_the_packages_dialog_installs_a_release_zip_and_a_model_folder(
    qtbot, monkeypatch: pytest.MonkeyPatch, release_zip: Path, ct2_dir: Path  # noqa: ANN001 - pytest-qt fixture
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tarjama.ui.mt.models_dialog import ModelsDialog

    dialog = ModelsDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.packagesChanged, timeout=60000):
        dialog.install_file(release_zip)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(ct2_dir))
    with qtbot.waitSignal(dialog.packagesChanged, timeout=60000):
        dialog.install_folder_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert sorted(dialog.table.package_names()) == ["ct2-opus-mt-ar-en-0", "opus-mt-ar-en-transformer-2020_06_18"]
