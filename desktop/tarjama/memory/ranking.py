"""How a lookup turns the units it found into the matches it offers, for every memory store alike (the file,
`tarjama.memory.store`, and the team memory, `tarjama.memory.team_store`), so both give the same matches for the
same units: identical normalised sources first (101 % when the neighbours are the same), then fuzzy scores; a raw
source/target pair once, as its best and then most recently changed unit; flags and differences for a reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from tarjama.arabic import difference_flags, normalise_for_matching
from tarjama.domain import TmMatch, TmUnit
from tarjama.memory.highlight import source_differences


def ranked_matches(
    source: str,
    context: str,
    exact: Iterable[TmUnit],
    fuzzy: Iterable[tuple[TmUnit, int]],
    *,
    threshold: int,
    limit: int,
    highlight: bool,
) -> list[TmMatch]:
    """The best `limit` matches at `threshold` % or better among the units whose normalised source is the query's
    (`exact`) and the scored others (`fuzzy`), best first; without `highlight`, without flags and differences."""
    query = normalise_for_matching(source)
    found: dict[tuple[str, str], tuple[int, TmUnit]] = {}

    def offer(unit: TmUnit, value: int) -> None:
        key = (unit.source, unit.target)
        best = found.get(key)
        if best is None or (value, unit.changed_at) > (best[0], best[1].changed_at):
            found[key] = (value, unit)

    for unit in exact:
        offer(unit, 101 if context and unit.context == context else 100)
    for unit, value in fuzzy:
        offer(unit, value)
    ranked = sorted(found.values(), key=lambda item: (item[0], item[1].changed_at), reverse=True)
    return [
        TmMatch(
            unit=unit,
            score=value,
            flags=difference_flags(query, normalise_for_matching(unit.source)) if highlight else frozenset(),
            differences=tuple(source_differences(source, unit.source)) if value < 100 and highlight else (),
        )
        for value, unit in ranked[:limit]
        if value >= threshold
    ]
