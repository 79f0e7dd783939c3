"""Machine translation core (no Qt): installed packages, the package index, and the translation engine.

What the window, the CLI and the store call::

    from tarjama import mt

    mt.list_packages()                       # installed packages (name, version, languages, size)
    mt.install_package(path)                 # validate a .argosmodel, then install it atomically
    mt.remove_package(name)
    mt.available_packages()                  # Arabic→English packages in the online index (user asked)
    mt.download_and_install(pkg, progress=..., cancel=event)
    translator = mt.load_translator()        # newest Arabic→English package, loaded once
    translator.translate(segments, progress=..., cancel=event)  # -> list[SegmentTranslation]

Importing this package loads neither CTranslate2 nor Argos Translate; the engine loads CTranslate2 when a
translator is first created.
"""

from tarjama.mt.archive import DEFAULT_MAX_UNCOMPRESSED_BYTES, ArchiveInfo, inspect_archive
from tarjama.mt.cancellation import CancelToken
from tarjama.mt.download import DownloadProgress, download_and_install, download_package
from tarjama.mt.engine import (
    Alternative,
    EngineSettings,
    Progress,
    SegmentTranslation,
    Translator,
    load_translator,
    release_translators,
)
from tarjama.mt.errors import (
    DownloadCancelled,
    DownloadError,
    EngineError,
    MTError,
    PackageError,
    PackageNotFoundError,
    TranslationCancelled,
)
from tarjama.mt.index import AvailablePackage, available_packages, cached_index, index_url, update_index
from tarjama.mt.packages import InstalledPackage, find_package, install_package, list_packages, remove_package
from tarjama.mt.paths import packages_dir

__all__ = [
    "DEFAULT_MAX_UNCOMPRESSED_BYTES",
    "Alternative",
    "ArchiveInfo",
    "AvailablePackage",
    "CancelToken",
    "DownloadCancelled",
    "DownloadError",
    "DownloadProgress",
    "EngineError",
    "EngineSettings",
    "InstalledPackage",
    "MTError",
    "PackageError",
    "PackageNotFoundError",
    "Progress",
    "SegmentTranslation",
    "TranslationCancelled",
    "Translator",
    "available_packages",
    "cached_index",
    "download_and_install",
    "download_package",
    "find_package",
    "index_url",
    "inspect_archive",
    "install_package",
    "list_packages",
    "load_translator",
    "packages_dir",
    "release_translators",
    "remove_package",
    "update_index",
]
