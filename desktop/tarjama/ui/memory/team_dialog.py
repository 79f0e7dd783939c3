"""Translation memory → Connect to team memory…: the address of a team memory, and a test of it before linking.

The test connects on a worker thread (a server that does not answer takes the connection timeout), with the
password typed if any, and says what it found: writable, read-only for this role, or the server's reason. Connect
only checks the address (no password in it) without the network, and keeps a typed password in the system keyring
when asked (else for this session only, `team_secrets.use_for_session`): never in the project or the settings.
Linking and the first sync are `TeamMemorySync.connect`'s.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tarjama.errors import TarjamaError
from tarjama.memory.team_link import TeamConnection, check_connection, team_memory_url
from tarjama.memory.team_secrets import store_password, use_for_session
from tarjama.ui.common.bidi import left_to_right
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.fields import english_field
from tarjama.ui.common.tasks import run_in_background


class TeamMemoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team memory"))
        self.address = english_field(QLineEdit(url))
        self.address.setPlaceholderText("postgresql://user@host/database  ·  service=NAME")
        self.address.textChanged.connect(lambda: self.result.clear())
        explanation = QLabel(self.tr(
            "The address of the translation memory your team shares on a PostgreSQL server. Lookups use a copy on "
            "this computer, so they work offline too; your approvals are sent when the server can be reached. If "
            "the server asks for a password, type it below (never in the address): the system keyring can keep "
            "it, or your password file (PGPASSFILE or ~/.pgpass)."))
        explanation.setWordWrap(True)
        self.password = english_field(QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password, if the server asks for one"))
        self.password.textChanged.connect(lambda: self.result.clear())
        self.remember = QCheckBox(self.tr("&Remember the password in the system keyring"))
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, self.address, self.password, self.remember, self.test_button, self.result,
                       buttons):
            layout.addWidget(widget)
        self.resize(560, self.sizeHint().height())

    def url(self) -> str:
        return self.address.text().strip()

    def test_connection(self) -> None:
        """Connect once, off the UI thread, with the password typed (if any), and say what was found."""
        url, password = self.url(), self.password.text() or None
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))

        def finished(text: str) -> None:
            self.test_button.setEnabled(True)
            if url == self.url() and password == (self.password.text() or None):  # not about what was typed over
                self.result.setText(text)

        run_in_background(lambda: check_connection(url, password=password), lambda found: finished(self._found(found)),
                          lambda exc: finished(error_text(exc)))

    def _found(self, found: TeamConnection) -> str:
        server = left_to_right(found.label)
        if found.read_only:
            return self.tr("Connected to {server}. It is read-only for you: you get its matches, and your "
                           "approvals stay on this computer.").format(server=server)
        return self.tr("Connected to {server}. Your approvals will be added to it.").format(server=server)

    def accept(self) -> None:
        """Close only on an address a project may keep (checked without the network), with the password typed kept
        in the system keyring if asked (else for this session): a keyring that cannot keep it says what to do."""
        try:
            url = team_memory_url(self.url())
            if self.password.text() and self.remember.isChecked():
                store_password(url, self.password.text())
            elif self.password.text():
                use_for_session(url, self.password.text())
        except TarjamaError as exc:
            self.result.setText(error_text(exc))
            return
        super().accept()
