"""Forgets loaded translators after packages change, in Argos Translate and in Tarjama's own engine.

Argos Translate keeps the installed languages in an ``lru_cache`` and the loaded translators in a module list; if a
package is replaced or removed while they are cached, a later call would use the old model or fail on its deleted
files. Argos is only touched if something already imported it: Tarjama itself never needs it loaded, and importing
it creates folders in the user's home.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

_listeners: list[Callable[[], None]] = []


def on_packages_changed(callback: Callable[[], None]) -> None:
    """Registers ``callback`` to run after every install or removal (the engine drops its loaded models)."""
    if callback not in _listeners:
        _listeners.append(callback)


def clear_caches() -> None:
    """Clears Argos Translate's caches (if it is loaded) and every registered Tarjama cache."""
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        languages = getattr(translate, "get_installed_languages", None)
        if languages is not None and hasattr(languages, "cache_clear"):
            languages.cache_clear()
        installed = getattr(translate, "installed_translates", None)
        if isinstance(installed, list):
            installed.clear()
    for callback in list(_listeners):
        callback()
