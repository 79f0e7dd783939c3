"""The open project's team memory in the window: syncing it in the background and saying how it stands.

The project looks up, and approves into, the team memory's local replica like any memory file (`TmPanels`), so
the translator never waits for the network; this keeps the replica in step with the server off the UI thread: at
open, a few seconds after the last change (an approval, its undo), and every minute. The status bar says online,
offline (with the approvals waiting) or read-only, and after an approval that cannot reach the server because the
role may only read, says that it was approved locally; a change made in the TM editor of the replica is synced and
said the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QLabel

from tarjama.errors import TarjamaError
from tarjama.memory.replica import Replica, ReplicaState, ReplicaStatus
from tarjama.memory.team_link import link_team, team_replica, team_url_of
from tarjama.memory.team_store import TeamMemoryError
from tarjama.memory.team_sync import SyncReport
from tarjama.memory.team_url import team_address
from tarjama.ui.common.bidi import left_to_right
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.memory.team_dialog import TeamMemoryDialog

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost
    from tarjama.ui.editor.session import ProjectSession
    from tarjama.ui.memory.panels import TmPanels

#: A sync this long after the last change of the project: a run of approvals makes one sync, not one each.
AFTER_CHANGE_MS = 3000
#: And this often while the project is open, to bring in the team's approvals.
EVERY_MS = 60_000
#: Seconds a sync waits for the server to answer before counting it offline.
SYNC_TIMEOUT = 5.0


class TeamMemorySync(QObject):
    """Syncs the open project's team memory replica in the background and shows its state in the status bar."""

    def __init__(self, window: WindowHost, panels: TmPanels) -> None:
        super().__init__(panels)
        self.window = window
        self.panels = panels
        self.session: ProjectSession | None = None
        self.replica: Replica | None = None
        #: What the last sync (or the replica, before one) said.
        self.status: ReplicaStatus | None = None
        self.running = False
        self._again = False
        self._watched: ProjectSession | None = None  # the session whose changes `_changed` hears
        self.label = QLabel()
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self._after_change = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._after_change.timeout.connect(self.sync_now)
        self._every = QTimer(self, interval=EVERY_MS)
        self._every.timeout.connect(self.sync_now)

    # -- which team memory ----------------------------------------------------------------------------------

    def choose(self) -> None:
        """Translation memory → Connect to team memory…"""
        session = self.window.session
        if session is None:
            return
        dialog = TeamMemoryDialog(self.window.grid.window(), team_url_of(session.store) or "")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.connect(dialog.url())

    def connect(self, url: str) -> bool:
        """Link the open project to the team memory at `url` (through its replica) and start a sync."""
        session = self.window.session
        if session is None:
            return False
        try:
            replica = link_team(session.store, url)
        except TarjamaError as exc:
            self.window.show_error(self.tr("Cannot use this team memory"), error_text(exc))
            return False
        self.panels.link(replica.path)  # the TM pane and concordance now look up in the replica
        self.attach(session)
        return True

    def attach(self, session: ProjectSession | None) -> None:
        """Follow the project just opened (None: closed): sync at once if it has a team memory."""
        self._after_change.stop()
        self._every.stop()
        self.session, self.replica, self.status = session, None, None
        if session is not None:
            before = session.store.tm_path
            try:
                self.replica = team_replica(session.store)
            except TarjamaError as exc:
                self.window.show_error(self.tr("Cannot use this team memory"), error_text(exc))
            if self.replica is not None:
                if before != self.replica.path:  # linked on another computer: this one's replica
                    self.panels.link(self.replica.path)
                if self._watched is not session:
                    session.changed.connect(self._changed)
                    self._watched = session
                self._every.start()
                self._show(self.replica.status)
                self.sync_now()
        self.label.setVisible(self.replica is not None)

    def _changed(self) -> None:
        if self.replica is not None:
            self._after_change.start()

    def after_approval(self) -> None:
        """Right after the translator approved: a read-only team memory is said at once; a sync follows soon."""
        self._after_local_change(self.tr("Approved locally; the team memory is read-only for you."))

    def after_memory_edit(self, path: Path) -> None:
        """Right after the TM editor changed a unit of the memory at `path`: if it is this replica, as after an
        approval (the change is queued for the team memory, `team_sync`)."""
        if self.replica is not None and path == self.replica.path:
            self._after_local_change(self.tr("Changed locally; the team memory is read-only for you."))

    def _after_local_change(self, read_only_message: str) -> None:
        if self.replica is None:
            return
        self._after_change.start()
        status = self.replica.status
        self._show(status)
        if status.read_only and status.queued:
            self.window.statusBar().showMessage(read_only_message, 8000)

    # -- syncing --------------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Sync in the background (once more after the current one, if one is running)."""
        session, replica = self.session, self.replica
        if session is None or replica is None:
            return
        if team_url_of(session.store) is None:  # another memory was linked since
            self.attach(None)
            return
        if self.running:
            self._again = True
            return
        self.running, self._again = True, False

        def work() -> tuple[SyncReport | None, ReplicaStatus]:
            try:
                report: SyncReport | None = replica.sync(timeout=SYNC_TIMEOUT)
            except TeamMemoryError:
                report = None  # offline: the status says why, and nothing is lost
            return report, replica.status

        run_in_background(work, lambda result: self._synced(session, *result), lambda exc: self._failed(session, exc))

    def _synced(self, session: ProjectSession, report: SyncReport | None, status: ReplicaStatus) -> None:
        self.running = False
        if session is not self.session:
            return  # closed meanwhile
        self._show(status)
        if report is not None and report.pulled:
            self.panels.refresh()  # the team's new units, in the matches shown
        if self._again:
            self.sync_now()

    def _failed(self, session: ProjectSession, exc: Exception) -> None:
        """A sync that failed other than by the network (the replica busy with an import, say): tried again at the
        next change or tick."""
        self.running = False
        if session is self.session:
            self.label.setToolTip(error_text(exc))

    def _show(self, status: ReplicaStatus) -> None:
        self.status = status
        if status.state is ReplicaState.OFFLINE:
            text = self.tr("Team memory: offline ({count} waiting)").format(count=status.queued)
        elif status.state is ReplicaState.READ_ONLY:
            text = self.tr("Team memory: read-only")
        elif status.state is ReplicaState.ONLINE:
            text = self.tr("Team memory: online")
        else:
            text = self.tr("Team memory: connecting…")
        self.label.setText(text)
        assert self.replica is not None
        details = [left_to_right(team_address(self.replica.url, timeout=1).label)]
        if status.last_sync:
            details.append(self.tr("Last synced: {time} (UTC)").format(time=status.last_sync[:19].replace("T", " ")))
        if status.queued:
            details.append(self.tr("Changes waiting to be sent (approvals and TM edits): {count}").format(
                count=status.queued))
        if status.error is not None:
            details.append(error_text(status.error))
        self.label.setToolTip("\n".join(details))
