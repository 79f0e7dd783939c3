"""One way to ask long operations (downloads, translation runs) to stop, usable from any thread.

A UI worker passes a ``threading.Event`` it sets from the Cancel button; a CLI can pass a plain callable. The
operation checks the token between units of work (a chunk of a download, a batch of segments), so cancelling
never leaves a half-written file or a half-translated batch behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

CancelToken = threading.Event | Callable[[], bool] | None


def is_cancelled(token: CancelToken) -> bool:
    """True when the caller asked to stop."""
    if token is None:
        return False
    if isinstance(token, threading.Event):
        return token.is_set()
    return bool(token())
