"""A benchmark's scratch folder, removed when the benchmark's process ends (an exception, Ctrl+C and `sys.exit`
included): a round of benchmarks must not leave gigabytes of projects and memories in /tmp."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path


def scratch_folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)  # ignore_errors: a file a child process still holds is no failure
    return folder
