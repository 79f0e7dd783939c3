"""Running long work off the UI thread (Picard's `run_task` in spirit).

The work function must not touch widgets; its result or its error comes back on the UI thread through a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread, which shows it
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


_live_relays: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> None:
    relay = _Relay()
    _live_relays.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _live_relays.discard(relay)
        callback(value)

    relay.succeeded.connect(lambda result: finish(on_success, result))
    relay.failed.connect(lambda exc: finish(on_failure, exc))
    (pool or QThreadPool.globalInstance()).start(_Task(work, relay))
