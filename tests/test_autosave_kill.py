"""Nothing typed is lost when the app is killed: a confirmed edit at once, idle typing after at most 1 s."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tarjama.domain import Status
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore

CHILD = Path(__file__).with_name("autosave_child.py")


def _wait_for(process: subprocess.Popen, word: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.strip() == word:
            return
        if not line and process.poll() is not None:
            raise AssertionError(f"child exited before {word}: {process.stderr.read() if process.stderr else ''}")
    raise AssertionError(f"child never printed {word}")


def _run_and_kill(project: Path, after: str, wait: float) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, str(CHILD), str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        _wait_for(process, after)
        time.sleep(wait)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL


def _project(tmp_path: Path) -> Path:
    document = tmp_path / "brief.txt"
    document.write_text("بدأت الجلسة في الموعد. وانتهت بعد ساعتين.\n", encoding="utf-8")
    project = tmp_path / "brief.tarjama"
    import_document(document, project).close()
    return project


def test_confirmed_edit_survives_sigkill(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _run_and_kill(project, "CONFIRMED", wait=0)
    with ProjectStore.open(project) as store:
        first = store.segments()[0]
    assert (first.target, first.status) == ("Confirmed text", Status.APPROVED)


@pytest.mark.slow
def test_idle_typing_survives_sigkill_after_one_and_a_half_seconds(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _run_and_kill(project, "TYPED", wait=1.5)
    with ProjectStore.open(project) as store:
        first, second = store.segments()
        assert store.get_meta("current_segment") == str(second.id)
    assert (first.target, first.status) == ("Confirmed text", Status.APPROVED)
    assert (second.target, second.status) == ("Idle typing", Status.DRAFT)
