"""Reads the header of a CTranslate2 ``model.bin`` without loading its weights.

Two uses: checking that a package's ``model/`` really holds a CTranslate2 model before it is installed, and finding
how many positions the model's position table has, i.e. the longest input it accepts (CTranslate2 fails on longer
inputs, or silently truncates them when asked to). Only the variable headers are read; the weights are skipped
with seeks, so this takes milliseconds even for a 300 MB model.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tarjama.errors import QT_TRANSLATE_NOOP, Message

#: Newest model.bin layout this reader understands (CTranslate2 4.x writes 6).
MAX_BINARY_VERSION = 6
_ENCODER_POSITIONS = "encoder/position_encodings/encodings"
_DECODER_POSITIONS = "decoder/position_encodings/encodings"
_ITEM_SIZES = {0: 4, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2}  # float32, int8, int16, int32, float16, bfloat16


class ModelFileError(ValueError):
    """model.bin is not a CTranslate2 model this version can read; the message says what is wrong.

    Not a TarjamaError (callers add which package it is), but it keeps its :class:`Message` for them to pass on."""

    def __init__(self, template: str, /, **values: object) -> None:
        self.message = Message(template, values)
        super().__init__(str(self.message))


@dataclass(frozen=True)
class ModelFacts:
    """What the header of a model.bin says about the model."""

    binary_version: int
    spec_name: str
    shapes: dict[str, tuple[int, ...]] = field(repr=False)
    aliases: dict[str, str] = field(repr=False)

    def shape(self, name: str) -> tuple[int, ...] | None:
        seen: set[str] = set()
        while name in self.aliases and name not in seen:
            seen.add(name)
            name = self.aliases[name]
        return self.shapes.get(name)

    @property
    def encoder_positions(self) -> int | None:
        """Rows of the encoder's stored position table; None when positions are computed (no hard limit)."""
        shape = self.shape(_ENCODER_POSITIONS)
        return shape[0] if shape else None

    @property
    def decoder_positions(self) -> int | None:
        shape = self.shape(_DECODER_POSITIONS)
        return shape[0] if shape else None


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("Errors", "model.bin ends in the middle of its header (the file is truncated)")
        )
    return data


def _read_uint(stream: IO[bytes], fmt: str) -> int:
    return struct.unpack("<" + fmt, _read_exact(stream, struct.calcsize(fmt)))[0]


def _read_string(stream: IO[bytes]) -> str:
    length = _read_uint(stream, "H")
    if length == 0:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("Errors", "model.bin has an empty name in its header (the file is damaged)")
        )
    raw = _read_exact(stream, length)
    try:
        return raw.rstrip(b"\0").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("Errors", "model.bin has an unreadable name in its header (the file is damaged)")
        ) from exc


def read_prologue(stream: IO[bytes]) -> tuple[int, str]:
    """Reads the binary version and model type; enough to tell a CTranslate2 model from another file."""
    version = _read_uint(stream, "I")
    if not 1 <= version <= MAX_BINARY_VERSION:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("Errors", "model.bin is not a CTranslate2 model (or needs a newer CTranslate2: format "
                                        "version {version})"),
            version=version,
        )
    spec_name = "TransformerSpec"
    if version >= 2:
        spec_name = _read_string(stream)
        _read_uint(stream, "I")  # spec revision
    return version, spec_name


def read_model_facts(model_bin: Path) -> ModelFacts:
    """Parses every variable header of ``model_bin``; raises :class:`ModelFileError` if the file is not valid."""
    size = model_bin.stat().st_size
    shapes: dict[str, tuple[int, ...]] = {}
    aliases: dict[str, str] = {}
    with model_bin.open("rb") as stream:
        version, spec_name = read_prologue(stream)
        count = _read_uint(stream, "I")
        for _ in range(count):
            name = _read_string(stream)
            rank = _read_uint(stream, "B")
            if rank > 8:
                raise ModelFileError(QT_TRANSLATE_NOOP("Errors", "model.bin variable {name} has rank {rank} (the file "
                                                                 "is damaged)"), name=repr(name), rank=rank)
            dims = struct.unpack(f"<{rank}I", _read_exact(stream, 4 * rank)) if rank else ()
            if version >= 4:
                type_id = _read_uint(stream, "B")
                num_bytes = _read_uint(stream, "I")
                if type_id not in _ITEM_SIZES:
                    raise ModelFileError(
                        QT_TRANSLATE_NOOP("Errors", "model.bin variable {name} has unknown type {type}"),
                        name=repr(name),
                        type=type_id,
                    )
            else:
                item_size = _read_uint(stream, "B")
                num_bytes = _read_uint(stream, "I") * item_size
            if stream.tell() + num_bytes > size:
                raise ModelFileError(QT_TRANSLATE_NOOP("Errors", "model.bin is truncated inside variable {name}"),
                                     name=repr(name))
            stream.seek(num_bytes, 1)
            shapes[name] = tuple(dims)
        if version >= 3 and stream.tell() < size:
            for _ in range(_read_uint(stream, "I")):
                alias = _read_string(stream)
                aliases[alias] = _read_string(stream)
    if not shapes:
        raise ModelFileError(QT_TRANSLATE_NOOP("Errors", "model.bin holds no weights"))
    return ModelFacts(version, spec_name, shapes, aliases)


def read_model_config(model_dir: Path) -> dict[str, object]:
    """The model's config.json (special tokens, whether BOS/EOS are added to the source); {} if absent."""
    path = model_dir / "config.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


VOCABULARY_FILES = (
    ("shared_vocabulary.json",),
    ("shared_vocabulary.txt",),
    ("source_vocabulary.json", "target_vocabulary.json"),
    ("source_vocabulary.txt", "target_vocabulary.txt"),
)


def has_vocabulary(names: set[str]) -> bool:
    """True when ``names`` (file names inside model/) include a complete CTranslate2 vocabulary set."""
    return any(all(name in names for name in group) for group in VOCABULARY_FILES)
