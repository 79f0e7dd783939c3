"""The "Translation packages" dialog: see, install, remove and download Arabic→English packages.

Installing validates and unpacks hundreds of megabytes and downloading can take minutes, so every change runs on
the thread pool (:func:`tarjama.ui.common.tasks.run_in_background`) and the dialog stays responsive and cancellable.
Results and errors are written in a message label inside the dialog rather than only in a modal box, so the
translator can read (and copy) them next to the list they concern, and tests can read them too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tarjama import mt
from tarjama.errors import TarjamaError
from tarjama.mt.model_choice import package_licence, package_origin
from tarjama.mt.model_notes import flores_note, published_score, score_message
from tarjama.mt.packages import version_key
from tarjama.ui.common.bidi import name_filters
from tarjama.ui.common.error_text import error_text, message_text
from tarjama.ui.common.tasks import run_in_background

_MB = 1_000_000
_PROGRESS_STEPS = 1000  # QProgressBar takes ints; packages can exceed 2 GiB, so progress is shown in thousandths


class _ProgressRelay(QObject):
    """Carries download progress from the worker thread to the UI thread (a queued signal, no widget access)."""

    progressed = Signal(object, object)  # bytes received, total bytes or None


class PackageTable(QTableWidget):
    """Installed packages, one row each; the package folder name is kept in the first cell for removal."""

    NAME, VERSION, LANGUAGES, SIZE, USE, ORIGIN, LICENCE, SCORES = range(8)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Package"), self.tr("Version"), self.tr("Languages"), self.tr("Size (MB)"), self.tr("Use"),
             self.tr("Origin"), self.tr("Licence"), self.tr("Published scores")]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_packages(self, packages: Sequence[mt.InstalledPackage]) -> None:
        # list_packages sorts newest first within a pair, and the engine loads the first Arabic→English one.
        engine = next((p.name for p in packages if p.is_arabic_english), None)
        self.setRowCount(len(packages))
        for row, package in enumerate(packages):
            if package.name == engine:
                use = self.tr("Used for machine translation")
            elif package.is_arabic_english:
                use = self.tr("Can be chosen: Translation → Machine translation model")
            else:
                use = self.tr("Not used (other languages)")
            score = published_score(package)
            cells = (package.name, package.version, package.languages, f"{package.size_bytes / _MB:.1f}", use,
                     package_origin(package), package_licence(package) or self.tr("not stated"),
                     "" if score is None else message_text(score_message(score)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == self.SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
            self.item(row, self.NAME).setData(Qt.ItemDataRole.UserRole, package.name)

    def package_names(self) -> list[str]:
        return [self.item(row, self.NAME).data(Qt.ItemDataRole.UserRole) for row in range(self.rowCount())]

    def selected_name(self) -> str | None:
        rows = {index.row() for index in self.selectionModel().selectedRows()}
        if not rows:
            return None
        return self.item(min(rows), self.NAME).data(Qt.ItemDataRole.UserRole)


class ModelsDialog(QDialog):
    """Lists installed packages and installs, removes or downloads them without blocking the UI thread.

    ``packagesChanged`` is emitted after any successful change so the window can refresh its banner and drop a
    loaded translator. ``downloadProgressed(received, total)`` (total None when unknown) is for a status bar.
    """

    packagesChanged = Signal()
    downloadProgressed = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Translation packages"))
        self.resize(960, 420)
        self._busy = False
        self._cancel: threading.Event | None = None
        self._relay: _ProgressRelay | None = None

        self.table = PackageTable(self)
        self.scores_note = QLabel(message_text(flores_note()))
        self.scores_note.setWordWrap(True)
        self.available = QLabel()
        self.available.setWordWrap(True)
        self.available.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.hide()
        self.install_button = QPushButton(self.tr("Install from file…"))
        self.install_folder_button = QPushButton(self.tr("Install from folder…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.download_button = QPushButton(self.tr("Download…"))
        self.close_button = QPushButton(self.tr("Close"))

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        for button in (self.install_button, self.install_folder_button, self.remove_button, self.download_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.scores_note)
        layout.addWidget(self.available)
        layout.addLayout(progress_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.install_button.clicked.connect(self.choose_file_and_install)
        self.install_folder_button.clicked.connect(self.choose_folder_and_install)
        self.remove_button.clicked.connect(self.remove_selected)
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button.clicked.connect(self.cancel_download)
        self.close_button.clicked.connect(self.reject)
        self.refresh()

    # -- state ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-reads the packages folder (cheap: metadata and file sizes only)."""
        try:
            packages = mt.list_packages()
        except OSError as exc:
            packages = []
            self._show_message(self.tr("The packages folder cannot be read: {error}").format(error=exc), error=True)
        self.table.show_packages(packages)

    def is_busy(self) -> bool:
        """True while an install, removal, index fetch or download runs; the action buttons are then disabled."""
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.install_button, self.install_folder_button, self.remove_button, self.download_button):
            button.setEnabled(not busy)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #a40000;" if error else "")
        self.message.setText(text)

    def _run(self, status: str, work: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        """Runs ``work`` on the thread pool with the buttons disabled; any failure ends up in the message label."""
        self._set_busy(True)
        self._show_message(status)
        run_in_background(work, on_success, self._failed)

    def _gone(self) -> bool:
        """True once Qt has deleted the dialog: a background task may still report back after it was closed."""
        return not shiboken6.isValid(self)

    def _finished(self) -> None:
        if self._gone():
            return
        self._set_busy(False)
        self._cancel = None
        self._relay = None
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        if self._gone():
            return
        self._finished()
        if isinstance(exc, mt.DownloadCancelled):
            self._show_message(self.tr("Download cancelled; nothing was installed."))
        elif isinstance(exc, TarjamaError):
            self._show_message(error_text(exc), error=True)
        else:  # a bug, not a user problem: still say what happened rather than fail silently
            self._show_message(
                self.tr("Unexpected error ({kind}): {error}").format(kind=type(exc).__name__, error=exc), error=True
            )

    def _changed(self, text: str) -> None:
        if self._gone():
            return
        self._finished()
        self._show_message(text)
        self.packagesChanged.emit()

    # -- install from file ---------------------------------------------------------------------------------

    def choose_file_and_install(self) -> None:
        """Asks for a .argosmodel file or an OPUS-MT release zip, then installs it in the background."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Install translation package"),
            str(Path.home()),
            name_filters(self.tr("Translation packages and OPUS-MT releases (*.argosmodel *.zip);;All files (*)")),
        )
        if path:
            self.install_file(path)

    def choose_folder_and_install(self) -> None:
        """Asks for an unpacked OPUS-MT release or a CTranslate2 model folder, then installs it in the background."""
        path = QFileDialog.getExistingDirectory(self, self.tr("Install a model folder"), str(Path.home()))
        if path:
            self.install_file(path)

    def install_file(self, path: str | Path) -> None:
        """Validates and installs ``path``; a bad file leaves the packages folder unchanged and says why."""
        path = Path(path)
        self._run(
            self.tr("Installing {name}…").format(name=path.name),
            lambda: mt.install_package(path),
            lambda package: self._changed(
                self.tr("Installed {name} (version {version}).").format(name=package.name, version=package.version)
            ),
        )

    # -- remove --------------------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        """Removes the selected package after the translator confirms."""
        name = self.table.selected_name()
        if name is None:
            self._show_message(self.tr("Select a package in the list first."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove translation package"),
            self.tr("Remove {name}? Its files will be deleted.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(
            self.tr("Removing {name}…").format(name=name),
            lambda: mt.remove_package(name),
            lambda package: self._changed(self.tr("Removed {name}.").format(name=package.name)),
        )

    # -- download ------------------------------------------------------------------------------------------

    def start_download(self) -> None:
        """Fetches the package index, lists its Arabic→English packages and downloads the newest one."""
        self.available.hide()
        self._run(
            self.tr("Fetching the package index from {url}…").format(url=mt.index_url()),
            mt.available_packages,
            self._index_arrived,
        )

    def _index_arrived(self, packages: list[mt.AvailablePackage]) -> None:
        if self._gone():
            return
        if not packages:
            self._finished()
            self._show_message(self.tr("The package index lists no Arabic→English package."), error=True)
            return
        self.available.setText(
            self.tr("Available Arabic→English packages: {list}").format(
                list=", ".join(f"{p.code or p.languages} {p.version}" for p in packages)
            )
        )
        self.available.show()
        newest = packages[0]
        installed = [p for p in mt.list_packages() if p.is_arabic_english]
        if installed and version_key(installed[0].version) >= version_key(newest.version):
            self._finished()
            self._show_message(
                self.tr("{name} (version {version}) is installed and is the newest available.").format(
                    name=installed[0].name, version=installed[0].version
                )
            )
            return
        self._download(newest)

    def _download(self, package: mt.AvailablePackage) -> None:
        cancel = threading.Event()
        relay = _ProgressRelay()
        relay.progressed.connect(self._on_progress)
        self._cancel, self._relay = cancel, relay
        self.progress.setRange(0, 0)  # busy until the server says how big the file is
        self.progress.setFormat("")
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._show_message(
            self.tr("Downloading {languages} version {version}…").format(
                languages=package.languages, version=package.version
            )
        )
        run_in_background(
            lambda: mt.download_and_install(package, progress=relay.progressed.emit, cancel=cancel),
            lambda installed: self._changed(
                self.tr("Downloaded and installed {name} (version {version}).").format(
                    name=installed.name, version=installed.version
                )
            ),
            self._failed,
        )

    def _on_progress(self, received: int, total: int | None) -> None:
        if self._gone():
            return
        if total:
            self.progress.setRange(0, _PROGRESS_STEPS)
            self.progress.setValue(min(_PROGRESS_STEPS, received * _PROGRESS_STEPS // total))
            self.progress.setFormat(
                self.tr("{received:.1f} of {total:.1f} MB").format(received=received / _MB, total=total / _MB)
            )
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("{received:.1f} MB").format(received=received / _MB))
        self.downloadProgressed.emit(received, total)

    def is_downloading(self) -> bool:
        return self._cancel is not None

    def cancel_download(self) -> None:
        """Asks the download to stop; it does so after the chunk in flight and deletes the partial file."""
        if self._cancel is None:
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self._show_message(self.tr("Cancelling the download…"))

    def done(self, result: int) -> None:
        """Closing the dialog cancels a running download: its progress would otherwise be invisible."""
        self.cancel_download()
        super().done(result)
