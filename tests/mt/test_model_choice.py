"""Choosing a project's Arabic→English model (core and CLI), and what each model is: origin, licence, scores.

Two tiny real packages are installed side by side: the glossary model and one that swaps neighbouring words, so
the same Arabic comes out differently and the output tells which model ran.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tarjama import mt
from tarjama.cli import main
from tarjama.mt.model_choice import (
    MODEL_KEY,
    candidates,
    choose,
    chosen_package,
    licence_in,
    package_licence,
    package_origin,
    resolve_choice,
)
from tarjama.mt.model_notes import ARGOS, OPUS_MT, OPUS_MT_TC_BIG, published_score
from tarjama.mt.packages import read_package
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore

#: Three words the two models put in different orders ("house big beautiful" / "house beautiful big").
SOURCE = "بيت كبير جميل"
ARGOS_NAME = "translate-ar_en-1_0"
OPUS_NAME = "opus-mt-ar-en"


def install_copy(package_dir: Path, name: str, **metadata: object) -> mt.InstalledPackage:
    """A copy of a built package installed under folder `name`, its metadata.json updated with `metadata`."""
    target = mt.packages_dir() / name
    shutil.copytree(package_dir, target)
    path = target / "metadata.json"
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")) | metadata), encoding="utf-8")
    return read_package(target)


def install_two_models(glossary_dir: Path, swapped_dir: Path) -> tuple[mt.InstalledPackage, mt.InstalledPackage]:
    """The Argos-like glossary package and an "OPUS-MT" one (the swapping model), both Arabic→English."""
    argos = install_copy(glossary_dir, ARGOS_NAME)
    return argos, install_copy(swapped_dir, OPUS_NAME, code=OPUS_NAME, origin="OPUS-MT", license="CC-BY-4.0")


@pytest.fixture
def two_models(glossary_dir: Path, swapped_dir: Path) -> Iterator[tuple[mt.InstalledPackage, mt.InstalledPackage]]:
    yield install_two_models(glossary_dir, swapped_dir)
    mt.release_translators()


def output_of(package: mt.InstalledPackage) -> str:
    return mt.load_translator(package).translate_one(SOURCE).text


def make_project(tmp_path: Path, name: str) -> Path:
    document = tmp_path / f"{name}.txt"
    document.write_text(SOURCE + "\n", encoding="utf-8")
    project = tmp_path / f"{name}.tarjama"
    import_document(document, project).close()
    return project


def targets(project: Path) -> list[str | None]:
    with ProjectStore.open(project) as store:
        return [segment.target for segment in store.segments()]


def test_the_two_models_translate_differently(two_models) -> None:
    argos, opus = two_models
    assert output_of(argos) != output_of(opus)  # else nothing below could tell which model ran
    assert mt.load_translator(argos) is not mt.load_translator(opus)


def test_each_project_keeps_its_own_choice(tmp_path: Path, two_models) -> None:
    argos, opus = two_models
    first, second, third = (make_project(tmp_path, name) for name in ("first", "second", "third"))
    with ProjectStore.open(first) as store:
        choose(store, opus.name)
    with ProjectStore.open(second) as store:
        choose(store, argos.code)  # by code: the folder name is what is kept
        assert store.get_meta(MODEL_KEY) == argos.name
    with ProjectStore.open(first) as store:
        assert chosen_package(store).name == opus.name
    with ProjectStore.open(second) as store:
        assert chosen_package(store).name == argos.name
    with ProjectStore.open(third) as store:  # no choice: the default, as find_package picks it
        assert chosen_package(store).name == mt.find_package().name == candidates()[0].name


def test_a_removed_choice_falls_back_to_the_default_and_says_so_once(tmp_path: Path, two_models) -> None:
    argos, opus = two_models
    project = make_project(tmp_path, "news")
    with ProjectStore.open(project) as store:
        choose(store, opus.name)
    mt.remove_package(opus.name)
    with ProjectStore.open(project) as store:
        choice = resolve_choice(store)
        assert choice.package.name == argos.name and choice.replaced == opus.name
        assert opus.name in str(choice.notice()) and argos.name in str(choice.notice())
        again = resolve_choice(store)
    assert again.package.name == argos.name and again.notice() is None


def test_a_choice_is_kept_while_no_model_is_installed(tmp_path: Path, two_models) -> None:
    argos, opus = two_models
    project = make_project(tmp_path, "news")
    with ProjectStore.open(project) as store:
        choose(store, opus.name)
    for package in two_models:
        mt.remove_package(package.name)
    with ProjectStore.open(project) as store:
        assert resolve_choice(store).package is None and resolve_choice(store).notice() is None
        assert store.get_meta(MODEL_KEY) == opus.name


def test_only_arabic_english_models_can_be_chosen(tmp_path: Path, two_models, glossary_dir: Path) -> None:
    other = install_copy(glossary_dir, "translate-en_ar-1_0", from_code="en", to_code="ar", code="translate-en_ar")
    assert other.name not in {p.name for p in candidates()}
    with ProjectStore.open(make_project(tmp_path, "news")) as store, pytest.raises(mt.PackageNotFoundError) as error:
        choose(store, other.name)
    assert OPUS_NAME in str(error.value) and ARGOS_NAME in str(error.value)


# -- the CLI --------------------------------------------------------------------------------------------------


def test_pretranslate_uses_the_projects_model_then_the_one_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, two_models
) -> None:
    default = mt.find_package()
    other = next(package for package in two_models if package.name != default.name)
    chosen, overridden = make_project(tmp_path, "chosen"), make_project(tmp_path, "overridden")
    assert main(["models", "use", str(chosen), other.name]) == 0
    assert other.name in capsys.readouterr().out
    assert main(["models", "use", str(chosen)]) == 0
    assert capsys.readouterr().out.strip() == other.name
    assert main(["pretranslate", str(chosen)]) == 0
    assert targets(chosen) == [output_of(other)]
    assert main(["pretranslate", str(overridden), "--model", other.name]) == 0  # this once, not remembered
    assert targets(overridden) == [output_of(other)]
    with ProjectStore.open(overridden) as store:
        assert chosen_package(store).name == default.name


def test_an_unknown_model_exits_2_listing_the_installed_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, two_models
) -> None:
    project = make_project(tmp_path, "news")
    before = targets(project)
    assert main(["pretranslate", str(project), "--model", "no-such-model"]) == 2
    err = capsys.readouterr().err
    assert "no-such-model" in err and ARGOS_NAME in err and OPUS_NAME in err
    assert targets(project) == before
    assert main(["models", "use", str(project), "no-such-model"]) == 2
    assert OPUS_NAME in capsys.readouterr().err


def test_pretranslate_says_when_the_chosen_model_was_removed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, two_models
) -> None:
    argos, opus = two_models
    project = make_project(tmp_path, "news")
    assert main(["models", "use", str(project), opus.name]) == 0
    mt.remove_package(opus.name)
    capsys.readouterr()
    assert main(["pretranslate", str(project)]) == 0
    assert "no longer installed" in capsys.readouterr().err
    assert targets(project) == [output_of(argos)]


def test_models_list_shows_size_origin_licence_and_scores(capsys: pytest.CaptureFixture[str], two_models) -> None:
    argos, opus = two_models
    assert main(["models", "list"]) == 0
    captured = capsys.readouterr()
    lines = {line.split("\t")[0]: line.split("\t") for line in captured.out.splitlines()}
    measured = {p.name: p.size_bytes for p in mt.list_packages()}
    assert lines[ARGOS_NAME][3] == f"{measured[ARGOS_NAME] / 1e6:.1f} MB"
    assert lines[ARGOS_NAME][4:6] == ["Argos Translate", "licence: not stated"]
    assert "29.5 BLEU, 0.812 COMET (FLORES-200 devtest)" in lines[ARGOS_NAME][6]
    assert lines[OPUS_NAME][4:6] == ["OPUS-MT", "licence: CC-BY-4.0"]
    assert "Mozilla" in captured.err and "models use" in captured.err
    assert main(["models", "list", "--json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert (listed[ARGOS_NAME]["origin"], listed[ARGOS_NAME]["licence"]) == ("Argos Translate", None)
    assert listed[OPUS_NAME]["licence"] == "CC-BY-4.0"


# -- what a package is ------------------------------------------------------------------------------------------


def test_an_argos_packages_licence_is_read_from_its_files(glossary_dir: Path) -> None:
    package = install_copy(glossary_dir, ARGOS_NAME)
    assert (package_origin(package), package_licence(package)) == ("Argos Translate", "")
    (package.path / "README.md").write_text("# Arabic-English\n\n**License**: Some Licence 2.0\n", encoding="utf-8")
    assert package_licence(package) == "Some Licence 2.0"
    (package.path / "LICENSE").write_text("Creative Commons Attribution 4.0 International\n", encoding="utf-8")
    assert package_licence(package) == "CC-BY-4.0"
    assert licence_in("## License\n\nSee below.") == ""


def test_published_scores_go_only_to_the_models_measured(glossary_dir: Path) -> None:
    def named(name: str, **metadata: object) -> mt.InstalledPackage | None:
        return published_score(install_copy(glossary_dir, name, **metadata))

    assert named(ARGOS_NAME) == ARGOS
    assert named("translate-ar_en-1_1", package_version="1.1") is None  # retrained: never the 1.0 figures
    assert named("opus-mt-ar-en-2020-01-01", code="") == OPUS_MT
    assert named("big", code="opus-mt-tc-big-ar-en") == OPUS_MT_TC_BIG
    assert named("my-own-model", code="my-own-model") is None
