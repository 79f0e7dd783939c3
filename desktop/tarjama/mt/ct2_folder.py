"""Installs a CTranslate2 model folder already converted (by ``ct2-opus-mt-converter``,
``ct2-transformers-converter`` or Tarjama itself): ``model.bin``, its vocabulary and its SentencePiece model(s).

Such a folder is checked like a package: ``model.bin``'s header must read as a CTranslate2 model, a complete
vocabulary (``shared_vocabulary.*`` or ``source_vocabulary.*`` + ``target_vocabulary.*``) and a tokenizer
(``source.spm`` + ``target.spm``, ``sentencepiece.model`` or NLLB's ``sentencepiece.bpe.model``) must be there,
every file a plain file (no link) and the whole bounded in size. It is then copied into a staging folder laid out
as a package (the model in ``model/``, tokenizers and README/LICENSE beside it) and published like one.

What it translates is read from a ``metadata.json`` in the folder (Argos's keys, plus ``target_prefix``,
``source_prefix``, ``source_suffix``, ``license``), else from its vocabulary (an NLLB model's holds ``arb_Arab`` and
``eng_Latn``: it is framed as NLLB frames, :mod:`tarjama.mt.source_framing`, and translates Arabic→English), else its
README or its name (as for an OPUS-MT release), else from the caller's ``expect_pair`` (``tarjama-cli models install
FOLDER --from ar --to en``): a converter writes no languages, and guessing them would list a French model as
Arabic→English, so a folder that does not say is refused with a message saying how to name them.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.mt.errors import PackageError
from tarjama.mt.modelfile import VOCABULARY_FILES, ModelFileError, has_vocabulary, read_model_facts
from tarjama.mt.opus_mt import (
    MAX_TEXT_BYTES,
    MAX_VOCABULARY_BYTES,
    check_sentencepiece,
    copy_documents,
    languages,
    licence_of,
    pair_of,
    plain_file,
    read_facts,
    read_text,
    readme_of,
    safe_name,
)
from tarjama.mt.packages import InstalledPackage, Release, publish_package
from tarjama.mt.source_framing import NLLB_ARABIC, NLLB_ENGLISH, detected_framing

ORIGIN = "CTranslate2 folder"
MODEL_FILE = "model.bin"
#: Tokenizer layouts, preferred first: one model per side, or one for both.
TOKENIZER_LAYOUTS = (("source.spm", "target.spm"), ("sentencepiece.model",), ("sentencepiece.bpe.model",))
MODEL_EXTRAS = ("config.json", "vocabulary_map.json")
FRAMING_KEYS = ("source_prefix", "source_suffix", "target_prefix")


def _metadata(path: Path, folder: Path) -> dict[str, object]:
    text = read_text(path, folder / "metadata.json")
    if not text:
        return {}
    try:
        metadata = json.loads(text)
    except ValueError as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its metadata.json is not valid JSON ({reason})"),
                           reason=exc) from exc
    if not isinstance(metadata, dict):
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its metadata.json must hold a JSON object"))
    return metadata


def _model_files(path: Path, folder: Path, limit: int) -> list[Path]:
    """model.bin (its header checked), the vocabulary and the config, each a plain file of the folder."""
    model = plain_file(path, folder, MODEL_FILE, limit=limit)
    try:
        read_model_facts(model)
    except ModelFileError as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "model.bin: {reason}"), reason=exc.message) from exc
    names = {child.name for child in folder.iterdir()}
    if not has_vocabulary(names):
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it has no vocabulary file (shared_vocabulary.json "
                                                             "or .txt, or source_ and target_vocabulary)"))
    vocabulary = next(group for group in VOCABULARY_FILES if all(name in names for name in group))
    files = [model] + [plain_file(path, folder, name, limit=MAX_VOCABULARY_BYTES) for name in vocabulary]
    return files + [plain_file(path, folder, name, limit=MAX_TEXT_BYTES) for name in MODEL_EXTRAS if name in names]


def _tokens(path: Path, file: Path) -> set[str]:
    """The tokens of a CTranslate2 vocabulary file: a JSON list, or one token a line."""
    text = file.read_text(encoding="utf-8", errors="replace")
    if file.suffix != ".json":
        return set(text.splitlines())
    try:
        tokens = json.loads(text)
    except ValueError as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its {name} cannot be loaded ({reason})"),
                           name=file.name, reason=exc) from exc
    return {str(token) for token in tokens} if isinstance(tokens, list) else set()


def _framing(path: Path, model_files: list[Path], metadata: dict[str, object]) -> dict[str, str]:
    """Each framing token as metadata.json names it, else as the vocabulary shows it (NLLB's), else ""."""
    vocabularies = [file for file in model_files if file.name.endswith(("_vocabulary.json", "_vocabulary.txt"))]
    source = _tokens(path, vocabularies[0])
    detected = detected_framing(source, _tokens(path, vocabularies[-1]) if len(vocabularies) > 1 else source)
    return {key: str(metadata.get(key) or "") if key in metadata else detected.get(key, "") for key in FRAMING_KEYS}


def _tokenizers(path: Path, folder: Path) -> list[Path]:
    for layout in TOKENIZER_LAYOUTS:
        if all((folder / name).is_file() for name in layout):
            files = [plain_file(path, folder, name, limit=MAX_VOCABULARY_BYTES) for name in layout]
            for file in files:
                check_sentencepiece(path, file)
            return files
    raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it has no tokenizer (source.spm and target.spm, or "
                                                         "sentencepiece.model)"))


def install_folder(
    path: Path, *, directory: Path, max_uncompressed_bytes: int, expect_pair: tuple[str, str] | None = None
) -> InstalledPackage:
    """Checks a CTranslate2 model folder and installs a copy of it; see the module's docstring."""
    if not (path / MODEL_FILE).is_file():
        raise PackageError(path, QT_TRANSLATE_NOOP(
            "Errors", "not a translation model: a folder must hold an OPUS-MT release (decoder.yml) or a "
                      "CTranslate2 model (model.bin)"))
    metadata = _metadata(path, path)
    model_files = _model_files(path, path, max_uncompressed_bytes)
    tokenizers = _tokenizers(path, path)
    if sum(file.stat().st_size for file in model_files + tokenizers) > max_uncompressed_bytes:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it is larger than any translation model; refusing "
                                                             "to install it"))
    facts = read_facts(readme_of(path, path), path.name)
    framing = _framing(path, model_files, metadata)
    named = (metadata.get("from_code"), metadata.get("to_code"))
    if not all(named) and (framing["source_prefix"], framing["target_prefix"]) == (NLLB_ARABIC, NLLB_ENGLISH):
        named = (NLLB_ARABIC, NLLB_ENGLISH)  # what its vocabulary says it is framed for
    if all(named):
        from_code, to_code = pair_of([str(named[0])], [str(named[1])])
        facts = replace(facts, from_code=from_code, to_code=to_code)
    from_code, to_code = languages(path, facts, expect_pair)
    version = str(metadata.get("package_version") or facts.date or "0")
    code = str(metadata.get("code") or f"ct2-{safe_name(path.name)}")
    release = Release(safe_name(f"{code}-{version.replace('.', '_')}"), from_code, to_code, version, code)
    licence = str(metadata.get("license") or licence_of(path, path, facts))

    def build(staging: Path) -> Path:
        package = staging / "package"
        (package / "model").mkdir(parents=True)
        for file in model_files:
            shutil.copyfile(file, package / "model" / file.name)
        for file in tokenizers:
            shutil.copyfile(file, package / file.name)
        copy_documents(path, package)
        written = {
            **metadata,
            "package_version": version,
            "from_code": from_code,
            "to_code": to_code,
            "from_name": "Arabic",
            "to_name": "English",
            "code": code,
            "type": "translate",
            "origin": str(metadata.get("origin") or ORIGIN),
            "license": licence,
            "source_tokenizer": tokenizers[0].name,
            "target_tokenizer": tokenizers[-1].name,
            **framing,
        }
        (package / "metadata.json").write_text(json.dumps(written, indent=2, ensure_ascii=False), encoding="utf-8")
        return package

    return publish_package(path, release, build, directory=directory)
