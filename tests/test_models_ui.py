"""The missing-package banner and the "Translation packages" dialog, driven as a translator would.

Packages are tiny real ones from tests/tiny_models.py; downloads come from an HTTP server on 127.0.0.1 whose
package response can be held half-way, so cancelling is tested at a known point without sleeping.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from tarjama import mt
from tarjama.ui.mt.model_banner import MissingModelBanner
from tarjama.ui.mt.models_dialog import ModelsDialog
from tiny_models import build_glossary_package, zip_folder

WAIT_MS = 10_000
PADDING_BYTES = 900_000  # makes the download several 256 KiB chunks long, so it can be stopped half-way


@pytest.fixture(scope="session")
def package_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid Arabic→English .argosmodel (version 1.0)."""
    root = tmp_path_factory.mktemp("package")
    folder = build_glossary_package(root / "translate-ar_en-1_0", version="1.0", with_stanza=False)
    return zip_folder(folder, root / "translate-ar_en-1_0.argosmodel")


@pytest.fixture(scope="session")
def download_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid version 1.1, padded with incompressible bytes so its download takes several chunks."""
    root = tmp_path_factory.mktemp("download")
    folder = build_glossary_package(root / "translate-ar_en-1_1", version="1.1", with_stanza=False)
    (folder / "padding.bin").write_bytes(random.Random(0).randbytes(PADDING_BYTES))
    return zip_folder(folder, root / "translate-ar_en-1_1.argosmodel")


@pytest.fixture(autouse=True)
def no_proxy_no_shared_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must not go through a proxy, and packages must go to the per-test data folder."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)


def installed_names() -> list[str]:
    return [p.name for p in mt.list_packages()]


def packages_folder_entries() -> list[str]:
    folder = mt.packages_dir()
    return sorted(child.name for child in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def dialog(qtbot) -> Iterator[ModelsDialog]:  # noqa: ANN001 - pytest-qt fixture
    window = ModelsDialog()
    qtbot.addWidget(window)
    yield window
    window.cancel_download()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)  # no worker may outlive the test's folders


def install(qtbot, dialog: ModelsDialog, path: Path) -> None:  # noqa: ANN001
    with qtbot.waitSignal(dialog.packagesChanged, timeout=WAIT_MS):
        dialog.install_file(path)


# -- banner --------------------------------------------------------------------------------------------------


def test_banner_shows_without_package_and_hides_after_install(qtbot, package_file: Path) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    banner = MissingModelBanner(host)
    QVBoxLayout(host).addWidget(banner)
    host.show()
    assert banner.isVisible()
    assert "Machine translation is off" in banner.label.text()
    with qtbot.waitSignal(banner.downloadRequested, timeout=1000):
        banner.download_button.click()
    with qtbot.waitSignal(banner.installFromFileRequested, timeout=1000):
        banner.install_button.click()

    mt.install_package(package_file)
    assert banner.refresh() is False
    assert not banner.isVisible()
    assert MissingModelBanner(host).isHidden()  # a banner created once a package exists starts hidden

    mt.remove_package("translate-ar_en-1_0")
    assert banner.refresh() is True
    assert banner.isVisible()


def test_banner_notice_is_shown_in_full_until_a_package_is_installed(qtbot, package_file: Path) -> None:  # noqa: ANN001
    """A pre-translation report too long for the status bar is said in the bar, beside its offers to install."""
    host = QWidget()
    qtbot.addWidget(host)
    banner = MissingModelBanner(host)
    QVBoxLayout(host).addWidget(banner)
    host.show()
    default = banner.label.text()
    notice = "Pre-translation finished: 2 segments from the translation memory. Machine translation was skipped."
    banner.show_notice(notice)
    assert banner.isVisible() and banner.label.text() == notice and banner.label.wordWrap()
    assert banner.install_button.isVisible() and banner.download_button.isVisible()
    assert banner.refresh() is True and banner.label.text() == notice, "still no package: the notice stays"

    mt.install_package(package_file)
    assert banner.refresh() is False and not banner.isVisible()
    mt.remove_package("translate-ar_en-1_0")
    assert banner.refresh() is True and banner.label.text() == default


# -- install and remove -------------------------------------------------------------------------------------


def test_install_from_file_lists_package_and_emits_change(qtbot, dialog: ModelsDialog, package_file: Path) -> None:  # noqa: ANN001
    assert dialog.table.rowCount() == 0
    install(qtbot, dialog, package_file)
    assert installed_names() == ["translate-ar_en-1_0"]
    assert dialog.table.package_names() == ["translate-ar_en-1_0"]
    assert dialog.table.item(0, dialog.table.VERSION).text() == "1.0"
    assert "Used for machine translation" in dialog.table.item(0, dialog.table.USE).text()
    assert float(dialog.table.item(0, dialog.table.SIZE).text()) > 0
    assert "Installed translate-ar_en-1_0" in dialog.message.text()
    assert dialog.install_button.isEnabled()


def test_install_of_malformed_file_names_it_and_changes_nothing(
    qtbot,  # noqa: ANN001
    dialog: ModelsDialog,
    package_file: Path,
    tmp_path: Path,
) -> None:
    install(qtbot, dialog, package_file)
    before = packages_folder_entries()
    bogus = tmp_path / "not-a-model.argosmodel"
    bogus.write_text("this is a text file, not a zip archive\n", encoding="utf-8")
    changed: list[bool] = []
    dialog.packagesChanged.connect(lambda: changed.append(True))

    dialog.install_file(bogus)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)

    assert "not-a-model.argosmodel" in dialog.message.text()
    assert "zip" in dialog.message.text()
    assert packages_folder_entries() == before
    assert dialog.table.package_names() == ["translate-ar_en-1_0"]
    assert changed == []
    assert dialog.install_button.isEnabled()


def test_remove_selected_package_after_confirmation(
    qtbot,  # noqa: ANN001
    dialog: ModelsDialog,
    package_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install(qtbot, dialog, package_file)
    dialog.table.selectRow(0)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.remove_button.click()  # answered No: nothing happens
    assert installed_names() == ["translate-ar_en-1_0"]
    assert not dialog.is_busy()

    with qtbot.waitSignal(dialog.packagesChanged, timeout=WAIT_MS):
        dialog.remove_button.click()
    assert "translate-ar_en-1_0" in asked[0]
    assert installed_names() == []
    assert dialog.table.rowCount() == 0


def test_remove_without_selection_says_so(qtbot, dialog: ModelsDialog, package_file: Path) -> None:  # noqa: ANN001
    install(qtbot, dialog, package_file)
    dialog.table.clearSelection()
    dialog.remove_selected()
    assert "Select a package" in dialog.message.text()
    assert installed_names() == ["translate-ar_en-1_0"]


# -- download -----------------------------------------------------------------------------------------------


@dataclass
class PackageServer:
    """Serves an index and one package; with ``hold`` cleared, stops half-way through the package."""

    archive: bytes
    hold: threading.Event = field(default_factory=threading.Event)
    base: str = ""

    def index(self) -> bytes:
        def entry(code: str, to_code: str, version: str) -> dict[str, object]:
            return {
                "type": "translate",
                "code": code,
                "from_code": "ar",
                "from_name": "Arabic",
                "to_code": to_code,
                "to_name": "English" if to_code == "en" else "French",
                "package_version": version,
                "links": [f"{self.base}/{code}-{version}.argosmodel"],
            }

        entries = [entry("translate-ar_en", "en", "1.0"), entry("translate-ar_en", "en", "1.1")]
        entries.append(entry("translate-ar_fr", "fr", "9.0"))  # another pair: must be ignored
        return json.dumps(entries).encode()


@pytest.fixture
def server(download_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PackageServer]:
    state = PackageServer(download_file.read_bytes())
    state.hold.set()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/index.json":
                body = state.index()
            elif self.path == "/translate-ar_en-1.1.argosmodel":
                body = state.archive
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            half = len(body) // 2 if body is state.archive else len(body)
            try:
                self.wfile.write(body[:half])
                self.wfile.flush()
                state.hold.wait(WAIT_MS / 1000)
                self.wfile.write(body[half:])
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client cancelled

        def log_message(self, *_args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", state.base)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    state.hold.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_download_installs_newest_with_progress(qtbot, dialog: ModelsDialog, server: PackageServer) -> None:  # noqa: ANN001
    seen: list[tuple[int, int | None]] = []
    dialog.downloadProgressed.connect(lambda received, total: seen.append((received, total)))

    with qtbot.waitSignal(dialog.packagesChanged, timeout=WAIT_MS):
        dialog.download_button.click()

    assert installed_names() == ["translate-ar_en-1_1"]
    assert dialog.table.package_names() == ["translate-ar_en-1_1"]
    total = len(server.archive)
    assert seen[-1] == (total, total)
    assert any(0 < received < total for received, _ in seen)
    assert "1.1" in dialog.available.text() and "1.0" in dialog.available.text()
    assert "9.0" not in dialog.available.text()
    assert "installed translate-ar_en-1_1" in dialog.message.text()
    assert not dialog.progress.isVisibleTo(dialog) and not dialog.cancel_button.isVisibleTo(dialog)
    assert not any(mt.paths.downloads_dir().iterdir())  # the downloaded file is not left behind


def test_download_skipped_when_newest_is_installed(
    qtbot,  # noqa: ANN001
    dialog: ModelsDialog,
    server: PackageServer,
    download_file: Path,
) -> None:
    install(qtbot, dialog, download_file)
    changed: list[bool] = []
    dialog.packagesChanged.connect(lambda: changed.append(True))
    dialog.start_download()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert "newest available" in dialog.message.text()
    assert changed == []


def test_cancel_half_way_installs_nothing(qtbot, dialog: ModelsDialog, server: PackageServer) -> None:  # noqa: ANN001
    server.hold.clear()
    changed: list[bool] = []
    dialog.packagesChanged.connect(lambda: changed.append(True))
    dialog.start_download()

    qtbot.waitUntil(lambda: dialog.cancel_button.isVisibleTo(dialog) and dialog.progress.value() > 0, timeout=WAIT_MS)
    assert dialog.progress.value() < dialog.progress.maximum()
    dialog.cancel_button.click()
    server.hold.set()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)

    assert "cancelled" in dialog.message.text()
    assert changed == []
    assert installed_names() == []
    assert packages_folder_entries() == []
    assert not any(mt.paths.downloads_dir().iterdir())
    assert dialog.download_button.isEnabled()


def test_unreachable_index_reports_quickly(qtbot, dialog: ModelsDialog, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/index.json")  # nothing listens on port 9
    dialog.start_download()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    text = dialog.message.text()
    assert "127.0.0.1:9" in text and "refused" in text
    assert installed_names() == []
    assert dialog.download_button.isEnabled()
