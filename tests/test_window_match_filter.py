"""The grid's match column filtered and sorted by band: View → Show matches shows exactly the segments of one TM band
or MT confidence band, and Sort by match band puts TM matches first (best first), then machine output by
confidence, then the rest; it takes turns with "Least confident first"."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from tarjama.domain import Origin, Segment, Status
from tarjama.ui.editor.grid import StatusFilterProxy
from tarjama.ui.editor.match_filter import ALL_MATCHES, MatchFilter
from tarjama.ui.editor.segment_model import SEGMENT_ROLE, SORT_ROLE, Column, SegmentModel

#: (the choice of Show matches that must list it, how it was filled), in the band sort's order, best first.
FILLED = [
    ("101", {"origin": Origin.TM, "tm_score": 101}),
    ("100", {"origin": Origin.TM, "tm_score": 100}),
    ("repetition", {"origin": Origin.REPETITION}),
    ("95-99", {"origin": Origin.TM, "tm_score": 97}),
    ("95-99", {"origin": Origin.TM, "tm_score": 95}),
    ("85-94", {"origin": Origin.TM, "tm_score": 90}),
    ("75-84", {"origin": Origin.TM, "tm_score": 80}),
    ("50-74", {"origin": Origin.TM, "tm_score": 50}),
    ("none", {"origin": Origin.TM, "tm_score": 40}),  # shown as "TM 40%", under the lowest band: no match
    ("mt-likely-fine", {"origin": Origin.MT, "confidence": 0.97}),
    ("mt-likely-fine", {"origin": Origin.MT, "confidence": 0.9}),
    ("mt-check", {"origin": Origin.MT, "confidence": 0.7}),
    ("mt-unsure", {"origin": Origin.MT, "confidence": 0.2}),
    ("none", {}),
]


def segments_in_shuffled_order() -> tuple[list[Segment], list[int]]:
    """The segments of FILLED in a shuffled document order, and their ids in the band sort's order."""
    order = list(range(len(FILLED)))
    random.Random(18).shuffle(order)
    segments = [
        Segment(id=index + 1, paragraph_id=1, paragraph_index=0, position=row, source=f"جملة {index}",
                target=f"Sentence {index}.", status=Status.DRAFT, **FILLED[index][1])
        for row, index in enumerate(order)
    ]
    return segments, [index + 1 for index in range(len(FILLED))]


@pytest.fixture
def grid_filter(qapp):  # noqa: ANN001, ANN201 - (MatchFilter, proxy, least-confident action)
    """Show matches and the band sort as the window builds them, on a proxy over the shuffled segments."""
    segments, _ = segments_in_shuffled_order()
    proxy = StatusFilterProxy()
    proxy.setSourceModel(SegmentModel(segments))
    menu = QMenu()
    least_confident = QAction("Least confident first", menu, checkable=True)
    least_confident.toggled.connect(lambda on: proxy.order_by(SORT_ROLE if on else None))
    matches = MatchFilter(menu, menu, proxy, lambda change: change(), proxy.order_by, least_confident)
    yield matches, proxy, least_confident
    menu.deleteLater()


def shown_ids(proxy: StatusFilterProxy) -> list[int]:
    return [segment.id for segment in shown_segments(proxy)]


def shown_segments(proxy: StatusFilterProxy) -> list[Segment]:
    return [proxy.index(row, Column.TARGET).data(SEGMENT_ROLE) for row in range(proxy.rowCount())]


def test_each_band_shows_exactly_its_segments(grid_filter) -> None:  # noqa: ANN001
    matches, proxy, _ = grid_filter
    keys = [action.data() for action in matches.group.actions()]
    assert keys[0] == ALL_MATCHES and set(keys[1:]) == {key for key, _ in FILLED}, "a band without a choice"
    for action in matches.group.actions():
        action.trigger()
        expected = {index + 1 for index, (key, _) in enumerate(FILLED) if action.data() in (key, ALL_MATCHES)}
        assert set(shown_ids(proxy)) == expected, action.text()
        assert action.isChecked()


def test_the_choices_read_as_the_match_column_writes_scores(grid_filter) -> None:  # noqa: ANN001
    labels = {action.data(): action.text() for action in grid_filter[0].group.actions()}
    assert labels["85-94"] == "TM \u206685–94%\u2069"  # the percentage isolated, as in the column
    assert labels["mt-check"] == "MT 50–89"


def test_sorting_by_band_puts_tm_first_best_first_then_mt_by_confidence_then_none(grid_filter) -> None:  # noqa: ANN001
    matches, proxy, least_confident = grid_filter
    _, band_order = segments_in_shuffled_order()
    document_order = shown_ids(proxy)
    assert document_order != band_order
    least_confident.setChecked(True)
    matches.sort_action.setChecked(True)
    assert not least_confident.isChecked(), "one order at a time"
    assert shown_ids(proxy) == band_order
    matches.sort_action.setChecked(False)
    assert shown_ids(proxy) == document_order


def test_least_confident_first_takes_over_from_the_band_sort(grid_filter) -> None:  # noqa: ANN001
    matches, proxy, least_confident = grid_filter
    matches.sort_action.setChecked(True)
    least_confident.setChecked(True)
    assert not matches.sort_action.isChecked()
    shown = shown_segments(proxy)
    certainties = [s.tm_score / 100 if s.origin == Origin.TM else s.confidence for s in shown]
    known = [c for c in certainties if c is not None]
    assert known == sorted(known) and certainties[-1] is None, "least confident first, the empty column last"


def test_a_band_filter_and_the_band_sort_together(grid_filter) -> None:  # noqa: ANN001
    matches, proxy, _ = grid_filter
    next(a for a in matches.group.actions() if a.data() == "95-99").trigger()
    matches.sort_action.setChecked(True)
    assert shown_ids(proxy) == [4, 5], "TM 97% before TM 95%"
