"""The glossary pane: the glossary terms found in the current segment, numbered for Alt+1..9.

Each term shows the Arabic as the glossary has it, the English with the preferred rendering first and highlighted
(it is what Alt+N inserts), the note, and in red the English variants the glossary forbids, since those are what a
translator fixing machine output has to take out. Rows are painted like the TM pane's
(`tarjama.ui.memory.unit_list`), so the Arabic keeps its direction whatever the UI language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tarjama.domain import GlossaryEntry
from tarjama.ui.memory.unit_list import UnitList, UnitRow

#: Terms that get a shortcut, Alt+1..9; a segment rarely holds more.
TERM_KEYS = 9
PREFERRED = QColor("#c8e6c9")
SEPARATOR = "; "

#: Bare `translate("Context", "text")` calls are what lupdate extracts outside a QObject's methods.
translate = QCoreApplication.translate


def term_row(number: int, entry: GlossaryEntry) -> UnitRow:
    key = translate("GlossaryPane", "Alt+{n}").format(n=number) if number <= TERM_KEYS else ""
    note = entry.note.splitlines()[0] if entry.note else ""
    forbidden = (
        translate("GlossaryPane", "Not: {terms}").format(terms=", ".join(entry.forbidden)) if entry.forbidden else ""
    )
    return UnitRow(
        heading="   ".join(part for part in (key, note) if part),
        source=entry.source,
        target=SEPARATOR.join(entry.targets),
        target_spans=((0, len(entry.preferred)),),
        warning=forbidden,
        tooltip=entry.note,
    )


class GlossaryPane(QWidget):
    """Shows the terms of one segment at a time; `entry` only hands out terms of the segment asked about."""

    def __init__(self, source_font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = UnitList(source_font, PREFERRED)
        layout.addWidget(self.status)
        layout.addWidget(self.list)
        self.segment_id: int | None = None
        self._entries: list[GlossaryEntry] = []

    def show_terms(self, segment_id: int | None, entries: list[GlossaryEntry], glossary_name: str) -> None:
        self.segment_id = segment_id
        self._entries = list(entries)
        self.list.set_rows([term_row(n, entry) for n, entry in enumerate(entries, start=1)])
        if segment_id is None:
            self.status.setText("")
        elif entries:
            self.status.setText(
                translate("GlossaryPane", "Glossary {name} · terms in this segment: {n}").format(
                    name=glossary_name, n=len(entries)
                )
            )
        else:
            self.status.setText(
                translate("GlossaryPane", "Glossary {name} · no terms in this segment.").format(name=glossary_name)
            )

    def show_message(self, message: str) -> None:
        self.segment_id = None
        self._entries = []
        self.list.set_rows([])
        self.status.setText(message)

    def entry(self, segment_id: int, number: int) -> GlossaryEntry | None:
        if segment_id != self.segment_id or not 1 <= number <= len(self._entries):
            return None
        return self._entries[number - 1]

    def entries(self) -> list[GlossaryEntry]:
        return list(self._entries)
