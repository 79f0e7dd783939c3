"""Benchmark: a translation memory of a million units: import, fuzzy lookup, agreement with a full scan, TMX.

Run with `.venv/bin/python bench/tm_scale.py` (about 40 minutes on a 2-core machine, most of it the two imports
into a memory; `--units 20000` takes a minute). Everything is built deterministically in a temporary folder from
the shared corpus (../shared/corpus/ar-news-syria-truce.txt):

* units: Arabic sentences with the article's sentence lengths, their words drawn by a Markov chain over the
  article's word bigrams that jumps to a random article word 30 % of the time, so units share the common words
  and phrases of one news story as a real memory does; all sources are distinct. Targets are fake English, one
  word per Arabic word. Units carry dates, an author, a document and some an MT original, as the app's do;
* queries: half near-duplicates of stored units (one word changed in three of four, plus added or removed
  harakat, hamza variants أ/إ/ا, ة/ه and tatweel), half fresh sentences from the same chain.

It prints, phase by phase:

* import: `TranslationMemory.import_units` of all units into a new memory; then, after the lookups, a TMX file of a
  tenth as many new units imported into it (`import_tmx`, units per second);
* lookup: p50 and p95 per query (`lookup(query)` with its default threshold and limit), in two passes over the
  queries after one warm-up query. The first finds the file's pages where the import left them (partly in the
  system's cache, partly on disk, differently from run to run); the second finds them in the cache, as the full
  scan finds its units in memory after its set-up. Wall and CPU time are printed for both. The p50 and p95 targets
  are checked on the first pass, the speed-up on the second, so that it compares the two searches, not the disk;
* agreement: each query scanned against every unit with rapidfuzz (all cores) using the memory's own scoring
  function, checked first on a sample of pairs to give exactly that function's scores. Where the scan's best is
  >= 75 %, the lookup agrees if its top match has that best score. Speed-up = mean scan time / mean lookup time
  (printed for the first pass too);
* TMX, each step in a fresh process, time and peak resident memory growth of that process over its state just
  before the step (on Linux the peak, VmHWM, is reset once the input units are in memory): `write_tmx` of all units,
  `read_tmx` iterated and counted, `import_tmx` of the file into a new memory (the app's import: the file read in a
  second process, whose peak memory is added; it leaves the concordance indexes of a large file to a build after
  it, `index_concordance`, timed as a step of its own), and translate-toolkit's
  `tmxfile` building the same units with `addtranslation` and serialising them, then parsing our file and
  reading every unit's source and target. Ours does more per unit: it writes dates, author, usage count and
  props, and reads them all back into `TmUnit`s. CPU time is printed beside wall time, and the ratios are given
  by both, because wall time on a shared machine also counts other work. A last step times lxml parsing our file
  alone, the floor under any reader built on lxml, and prints how far above it translate-toolkit's read is.

It ends with a table of each figure, its target and PASS or MISS.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from tarjama.domain import TmUnit, UnitOrigin  # noqa: E402 - needs the path above

CORPUS = REPO.parent / "shared" / "corpus" / "ar-news-syria-truce.txt"
SEED = 20_240_304
JUMP = 0.3  # chance that the chain leaves the article's word order for a random article word
MATCH = 75  # the score from which a scan's best match must be found by the lookup

TARGETS = {
    "p50": 5.0,  # ms
    "p95": 15.0,  # ms
    "agreement": 99.0,  # % of queries with a scan best >= MATCH whose top lookup match has that score
    "speed-up": 100.0,  # mean scan time / mean lookup time
    "tmx import": 60.0,  # s for TMX -> searchable new memory, at 1,000,000 units
    "import / parse": 5.0,  # TMX import time / lxml parse alone of the same file
    "tmx rss": 300.0,  # MB of peak resident memory growth (the reader process's peak added)
    "more units/s": 20_000.0,  # units/s importing a tenth more into the memory just built
}
#: A TMX import into the memory the lookups used: this share of its size, in new units.
MORE_SHARE = 10


# -- the text ----------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?\u061f:]+$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?\u061f])\s+|\n+")

ENGLISH_WORDS = (
    "the talks ceasefire government army forces city north south border aid truce moscow washington council "
    "security statement said announced reported agreed sides regions civilians groups militants support "
    "airstrikes fighting control oil field province town villages opposition efforts steps goal reduce use "
    "aviation areas populated committed violations implementation agreement joint russian american syrian "
    "international resolution number prevent assistance financial terrorist organisations attempts cross "
    "weapons regional allies context meanwhile according source military units advanced positions killed "
    "wounded dozens attack targeted road strategic near east west countryside days week last month early "
    "humanitarian access besieged progress tangible improvement conditions problems certain parts country "
    "which led intensify their aimed at all territories taking achieving this also confirmed existence"
)


class NewsChain:
    """Sentences in the article's words, with its sentence lengths, drawn by a Markov chain over its bigrams.

    Plain random words would make units share little; the article's own word order, broken often enough that
    sentences do not repeat, gives the recurring phrases ("وقف الأعمال القتالية") that make fuzzy lookup hard.
    """

    def __init__(self, text: str) -> None:
        self.lengths: list[int] = []
        self.starts: list[int] = []
        self.words: list[str] = []
        index: dict[str, int] = {}
        successors: dict[int, list[int]] = {}
        self.unigrams: list[int] = []  # every word occurrence, so common words are drawn more often
        for sentence in _SENTENCE_SPLIT.split(text):
            tokens = [t for t in (_SENTENCE_END.sub("", w) for w in sentence.split()) if t]
            if len(tokens) < 4:  # the headline's tail and the dateline: no sentence lengths of their own
                continue
            self.lengths.append(len(tokens))
            ids = [index.setdefault(t, len(index)) for t in tokens]
            self.starts.append(ids[0])
            self.unigrams.extend(ids)
            for a, b in zip(ids, ids[1:], strict=False):
                successors.setdefault(a, []).append(b)
        self.words = list(index)
        self.successors = [successors.get(i, []) for i in range(len(self.words))]
        english = random.Random(SEED)
        vocabulary = ENGLISH_WORDS.split()
        self.english = [english.choice(vocabulary) + ("," if w.endswith("،") else "") for w in self.words]

    def sentence(self, rng: random.Random) -> list[int]:
        """Word ids of one sentence."""
        draw = rng.random
        unigrams, successors = self.unigrams, self.successors
        length = self.lengths[int(draw() * len(self.lengths))]
        word = self.starts[int(draw() * len(self.starts))]
        ids = [word]
        for _ in range(length - 1):
            following = successors[word]
            word = (following[int(draw() * len(following))] if following and draw() >= JUMP
                    else unigrams[int(draw() * len(unigrams))])
            ids.append(word)
        return ids

    def source(self, ids: list[int]) -> str:
        return " ".join(self.words[i] for i in ids).rstrip("،") + "."

    def target(self, ids: list[int]) -> str:
        text = " ".join(self.english[i] for i in ids).rstrip(",")
        return text[0].upper() + text[1:] + "."


def load_chain() -> NewsChain:
    if not CORPUS.is_file():
        sys.exit(f"tm_scale: the shared corpus is missing: {CORPUS} (the benchmark builds its units from it)")
    return NewsChain(CORPUS.read_text(encoding="utf-8"))


def generate_pairs(chain: NewsChain, count: int) -> list[tuple[str, str]]:
    """`count` (source, target) pairs with distinct sources, always the same for the same count."""
    rng = random.Random(SEED)
    seen: set[str] = set()
    pairs: list[tuple[str, str]] = []
    while len(pairs) < count:
        ids = chain.sentence(rng)
        source = chain.source(ids)
        if source not in seen:
            seen.add(source)
            pairs.append((source, chain.target(ids)))
    return pairs


_AUTHORS = ("layla", "omar", "sami", "nour")
_EPOCH = datetime(2023, 1, 1, tzinfo=UTC)


def tm_unit(number: int, source: str, target: str) -> TmUnit:
    """The unit for pair `number`, with the metadata an app-made unit has (a fifth began as MT output)."""
    created = _EPOCH + timedelta(minutes=number)
    post_edited = number % 5 == 0
    return TmUnit(
        source=source,
        target=target,
        created_at=created.isoformat(),
        changed_at=(created + timedelta(hours=number % 48)).isoformat(),
        author=_AUTHORS[number % len(_AUTHORS)],
        origin=UnitOrigin.MT_POSTEDITED if post_edited else UnitOrigin.HUMAN,
        usage_count=number % 7,
        document=f"news-{number // 400:05d}.docx",
        mt_original=target.lower() if post_edited else None,
    )


def write_pairs(path: Path, pairs: list[tuple[str, str]]) -> None:
    """The pairs for the TMX steps' processes, one per line (no tab or line break occurs in them)."""
    with path.open("w", encoding="utf-8") as f:
        f.writelines(f"{source}\t{target}\n" for source, target in pairs)


def read_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f]  # type: ignore[misc]


# -- the queries -------------------------------------------------------------------------------------------

_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
_HAMZA_ALEFS = "\u0627\u0623\u0625"  # ا أ إ
_TATWEEL = "\u0640"
# Letters that join the next one, after which a tatweel can stretch the word.
_JOINING = set("بتثجحخسشصضطظعغفقكلمنهي")


def _add_harakat(word: str, rng: random.Random) -> str:
    return "".join(c + (rng.choice(_HARAKAT) if c.isalpha() and rng.random() < 0.5 else "") for c in word)


def _remove_harakat(word: str, rng: random.Random) -> str:
    return "".join(c for c in word if c not in _HARAKAT)


def _swap_hamza(word: str, rng: random.Random) -> str:
    spots = [i for i, c in enumerate(word) if c in _HAMZA_ALEFS]
    if not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + rng.choice([a for a in _HAMZA_ALEFS if a != word[i]]) + word[i + 1 :]


def _swap_ta_marbuta(word: str, rng: random.Random) -> str:
    core = word.rstrip("،»")
    tail = word[len(core) :]
    if core.endswith("ة"):
        return core[:-1] + "ه" + tail
    if core.endswith("ه"):
        return core[:-1] + "ة" + tail
    return word


def _add_tatweel(word: str, rng: random.Random) -> str:
    spots = [i for i in range(1, len(word) - 1) if word[i - 1] in _JOINING and word[i].isalpha()]
    if not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + _TATWEEL * rng.randint(1, 3) + word[i:]


SPELLINGS: tuple[Callable[[str, random.Random], str], ...] = (
    _add_harakat,
    _remove_harakat,
    _swap_hamza,
    _swap_ta_marbuta,
    _add_tatweel,
)


def near_duplicate(chain: NewsChain, source: str, change_word: bool, rng: random.Random) -> str:
    """`source` with one word replaced (when asked) and respelt in 2-5 words in the ways writers vary."""
    words = source[:-1].split()  # without the final full stop, put back below
    if change_word:
        position = rng.randrange(len(words))
        words[position] = rng.choice([w for w in chain.words if w != words[position]])
    for position in rng.sample(range(len(words)), k=min(len(words), rng.randint(2, 5))):
        for respell in rng.sample(SPELLINGS, k=rng.randint(1, 2)):
            words[position] = respell(words[position], rng)
    return " ".join(words) + "."


def build_queries(chain: NewsChain, pairs: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """`count` (kind, query) pairs: near-duplicates of stored sources and then fresh sentences."""
    rng = random.Random(SEED + 1)
    stored = {source for source, _ in pairs}
    queries: list[tuple[str, str]] = []
    for number in range(count // 2):
        source = pairs[rng.randrange(len(pairs))][0]
        queries.append(("near", near_duplicate(chain, source, change_word=number % 4 != 3, rng=rng)))
    while len(queries) < count:
        fresh = chain.source(chain.sentence(rng))
        if fresh not in stored:
            queries.append(("fresh", fresh))
    return queries


# -- the TMX steps, each in a process of its own -----------------------------------------------------------

PAIRS_FILE = "pairs.tsv"
OURS_TMX = "ours.tmx"
TOOLKIT_TMX = "toolkit.tmx"


def _ours_write(work: Path) -> Callable[[], int]:
    from tarjama.formats.tmx import write_tmx

    units = [tm_unit(number, source, target) for number, (source, target) in enumerate(read_pairs(work / PAIRS_FILE))]
    return lambda: write_tmx(work / OURS_TMX, units)


def _ours_read(work: Path) -> Callable[[], int]:
    from tarjama.formats.tmx import read_tmx

    return lambda: sum(1 for _ in read_tmx(work / OURS_TMX))


def _ours_import(work: Path) -> Callable[[], int]:
    """The TMX file into a new memory as the app imports it (`import_tmx`: read in a second process)."""
    from tarjama.memory.exchange import import_tmx

    def step() -> int:
        report = import_tmx(work / "from-tmx.tarjama-tm", work / OURS_TMX)
        return report.added + report.merged

    return step


def _ours_concordance(work: Path) -> Callable[[], int]:
    """What the import left for concordance, indexed after it as the window does in the background
    (`index_concordance`); until it ends, concordance scans the text of the units still waiting."""
    from tarjama.memory.exchange import index_concordance

    return lambda: index_concordance(work / "from-tmx.tarjama-tm")


def _toolkit_write(work: Path) -> Callable[[], int]:
    from translate.storage.tmx import tmxfile

    pairs = read_pairs(work / PAIRS_FILE)

    def step() -> int:
        store = tmxfile(sourcelanguage="ar", targetlanguage="en")
        for source, target in pairs:
            store.addtranslation(source, "ar", target, "en")
        with (work / TOOLKIT_TMX).open("wb") as f:
            store.serialize(f)
        return len(store.units)

    return step


def _toolkit_read(work: Path) -> Callable[[], int]:
    from translate.storage.tmx import tmxfile

    def step() -> int:
        with (work / OURS_TMX).open("rb") as f:
            store = tmxfile(f, sourcelanguage="ar", targetlanguage="en")
        return sum(1 for unit in store.units if unit.source and unit.target)

    return step


def _parse_only(work: Path) -> Callable[[], int]:
    """lxml parsing our file and nothing else, as `read_tmx` does but without looking at a unit: what any reader
    built on lxml spends before its first line of Python per unit, so translate-toolkit's time over this is the
    most such a reader could reach."""
    from lxml import etree

    def step() -> int:
        count = 0
        for _event, tu in etree.iterparse(str(work / OURS_TMX), events=("end",), tag="tu"):
            count += 1
            tu.clear(keep_tail=True)
            while tu.getprevious() is not None:
                del tu.getparent()[0]
        return count

    return step


#: Each step's preparation, which loads its input and returns the step; only the step is measured.
STEPS: dict[str, Callable[[Path], Callable[[], int]]] = {
    "ours-write": _ours_write,
    "toolkit-write": _toolkit_write,
    "ours-read": _ours_read,
    "toolkit-read": _toolkit_read,
    "parse-only": _parse_only,
    "ours-import": _ours_import,
    "ours-concordance": _ours_concordance,
}


def _status_kib(field: str) -> int | None:
    """A memory figure of this process from /proc/self/status (Linux), in KiB; None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for entry in status:
                if entry.startswith(field + ":"):
                    return int(entry.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _peak_rss_kib() -> int:
    """This process's own peak resident memory.

    Not ru_maxrss where VmHWM exists: on Linux a process started by exec keeps in ru_maxrss the peak of the address
    space it replaced, i.e. of the benchmark that started it, so every step would seem to use what the parent holds.
    """
    peak = _status_kib("VmHWM")
    if peak is not None:
        return peak
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


def _reset_peak_rss() -> int:
    """Forget the peak of loading the input (Linux), so the step's peak is its own; returns the baseline in KiB.

    Where the peak cannot be reset, the baseline is the peak so far, which can only understate the growth of a
    step that allocates less than the loading did.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return _peak_rss_kib()
    current = _status_kib("VmRSS")
    return current if current is not None else _peak_rss_kib()


def run_step_here(name: str, work: Path) -> None:
    """Run one TMX step in this process and print its figures as one JSON line."""
    step = STEPS[name](work)
    baseline = _reset_peak_rss()
    start, start_cpu = time.perf_counter(), time.process_time()
    count = step()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
    growth_mb = (_peak_rss_kib() - baseline) / 1024
    # The reader process's own peak (all of it, not only its growth) counts too: it is the import's memory as well.
    reader_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures = {"seconds": seconds, "cpu_seconds": cpu_seconds, "count": count,
               "rss_growth_mb": growth_mb + reader_mb}
    print(json.dumps(figures), flush=True)


def run_step(name: str, work: Path) -> dict[str, float]:
    """Run one TMX step in a fresh interpreter, so no other step's memory counts toward its peak."""
    done = subprocess.run([sys.executable, __file__, "--step", name, "--work", str(work)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"TMX step {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the full scan -----------------------------------------------------------------------------------------


class FullScan:
    """Every unit scored against a query by `tarjama.memory.scoring.score`'s rule, with rapidfuzz on all cores.

    `score` compares lists of words; here each distinct scoring word is one character, so rapidfuzz compares
    short strings with the same edit operations (and the same float arithmetic) as `score` does on the lists.
    """

    def __init__(self, sources: list[str]) -> None:
        from tarjama.arabic import normalise_for_matching, scoring_words

        self._scoring_words = scoring_words
        self._codes: dict[str, str] = {}
        self.norms = [normalise_for_matching(source) for source in sources]
        self.encoded = [self.encode(norm) for norm in self.norms]

    def encode(self, norm: str) -> str:
        """One character per scoring word, from U+0100 up (far below the surrogates for any corpus vocabulary)."""
        codes = self._codes
        return "".join(codes.get(w) or codes.setdefault(w, chr(0x100 + len(codes))) for w in self._scoring_words(norm))

    def similarities(self, norms: list[str]) -> np.ndarray:
        """Word-level Levenshtein similarity of each normalised query to every unit: one row per query."""
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import cdist

        queries = [self.encode(norm) for norm in norms]
        return cdist(queries, self.encoded, scorer=Levenshtein.normalized_similarity, dtype=np.float64, workers=-1)

    def score(self, norm: str, index: int, similarity: float) -> int:
        """`score(norm, self.norms[index])` given the similarity of the two: 100 only for identical text."""
        if similarity == 1.0 and self.norms[index] == norm:
            return 100
        return min(99, int(similarity * 100 + 1e-9))

    def best(self, norm: str, similarities: np.ndarray) -> tuple[int, int]:
        """(best score, index of a unit with it) from one query's row of similarities."""
        index = int(similarities.argmax())
        if similarities[index] == 1.0:
            for candidate in np.flatnonzero(similarities == 1.0):
                if self.norms[candidate] == norm:
                    return 100, int(candidate)
        return self.score(norm, index, float(similarities[index])), index


# -- the run -----------------------------------------------------------------------------------------------

SCAN_BATCH = 10  # queries per rapidfuzz call: one row each, split over the cores
SAMPLE_PER_QUERY = 40  # pairs per query whose scan score is checked against `score` itself


def line(label: str, value: str) -> None:
    print(f"{label:<46} {value}", flush=True)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * share) - 1)]


class Verdicts:
    """The summary table: each figure with its target, and whether it met it."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, label: str, value: float, unit: str, target: float | None = None, *, at_most: bool = False) -> None:
        if target is None:
            self.rows.append((label, f"{value:,.2f} {unit}", "", ""))
            return
        met = value <= target if at_most else value >= target
        sign = "<" if at_most else ">="
        self.rows.append((label, f"{value:,.2f} {unit}", f"{sign} {target:g} {unit}", "PASS" if met else "MISS"))

    def print(self) -> None:
        print("\nSummary", flush=True)
        for label, value, target, verdict in self.rows:
            print(f"  {label:<54} {value:>14}  {target:<12} {verdict}", flush=True)


def import_more(work: Path, memory_path: Path, pairs: list[tuple[str, str]], verdicts: Verdicts) -> None:
    """A TMX file of new units imported into the memory the lookups used, as a translator adds an agency's file
    to the memory they have: units per second, the file's reading included."""
    from tarjama.formats.tmx import write_tmx
    from tarjama.memory.exchange import import_tmx

    tmx = work / "more.tmx"
    write_tmx(tmx, [tm_unit(number, source, target) for number, (source, target) in enumerate(pairs)])
    start, start_cpu = time.perf_counter(), time.process_time()
    report = import_tmx(memory_path, tmx)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    line("import_tmx into that memory", f"{len(pairs):,} new units in {seconds:.1f} s, CPU {cpu:.1f} s "
                                        f"({len(pairs) / seconds:,.0f} units/s; added {report.added:,})")
    verdicts.add(f"import of {len(pairs):,} more units into it", len(pairs) / seconds, "units/s",
                 TARGETS["more units/s"])


def run(units_wanted: int, query_count: int, work: Path, *, tmx: bool = True) -> Verdicts:
    from tarjama.arabic import normalise_for_matching
    from tarjama.memory.scoring import score
    from tarjama.memory.store import TranslationMemory

    verdicts = Verdicts()
    chain = load_chain()
    start = time.perf_counter()
    pairs = generate_pairs(chain, units_wanted + units_wanted // MORE_SHARE)
    pairs, more = pairs[:units_wanted], pairs[units_wanted:]
    sources = [source for source, _ in pairs]
    words = sum(len(source.split()) for source in sources)
    line("units generated", f"{len(pairs):,} in {time.perf_counter() - start:.1f} s ({len(chain.words)} distinct "
                            f"corpus words, {words / len(pairs):.1f} words / {sum(map(len, sources)) / len(pairs):.0f} "
                            "chars per source)")
    queries = build_queries(chain, pairs, query_count)

    # -- import ---------------------------------------------------------------------------------------------
    units = [tm_unit(number, source, target) for number, (source, target) in enumerate(pairs)]
    memory = TranslationMemory.create(work / "bench.tarjama-tm")
    start, start_cpu = time.perf_counter(), time.process_time()
    result = memory.import_units(units)
    import_s, import_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    del units
    size_mb = memory.path.stat().st_size / 1e6
    line("import_units", f"{import_s:.1f} s, CPU {import_cpu:.1f} s ({len(pairs) / import_s:,.0f} units/s; added "
                         f"{result.added:,}, merged {result.merged:,}; file {size_mb:,.0f} MB)")
    verdicts.add("import_units (TM)", import_s, "s")

    # -- lookup ---------------------------------------------------------------------------------------------
    memory.lookup(queries[0][1])
    passes: list[list[float]] = []
    tops: list[tuple[int, str] | None] = []
    for label in ("lookup, first pass", "lookup, second pass"):
        latencies: list[float] = []
        start_cpu = time.process_time()
        for _, query in queries:
            start = time.perf_counter()
            matches = memory.lookup(query)
            latencies.append(time.perf_counter() - start)
            if not passes:
                tops.append((matches[0].score, matches[0].unit.source) if matches else None)
        cpu_ms = (time.process_time() - start_cpu) / len(queries) * 1000
        passes.append(latencies)
        line(label, f"p50 {percentile(latencies, 0.5) * 1000:.1f} ms, p95 {percentile(latencies, 0.95) * 1000:.1f} "
                    f"ms, mean {sum(latencies) / len(latencies) * 1000:.1f} ms (CPU {cpu_ms:.1f} ms), max "
                    f"{max(latencies) * 1000:.1f} ms ({len(queries)} queries)")
    memory.close()
    import_more(work, memory.path, more, verdicts)
    first, warm = passes
    verdicts.add("lookup p50 (first pass)", percentile(first, 0.5) * 1000, "ms", TARGETS["p50"], at_most=True)
    verdicts.add("lookup p95 (first pass)", percentile(first, 0.95) * 1000, "ms", TARGETS["p95"], at_most=True)
    mean_first, mean_lookup = sum(first) / len(first), sum(warm) / len(warm)

    # -- full scan and agreement ----------------------------------------------------------------------------
    start = time.perf_counter()
    scan = FullScan(sources)
    line("full scan set-up (normalise + encode units)", f"{time.perf_counter() - start:.1f} s")
    sample = random.Random(SEED + 2)
    scan_s = 0.0
    checked = 0
    best: list[tuple[int, int]] = []
    for first in range(0, len(queries), SCAN_BATCH):
        norms = [normalise_for_matching(query) for _, query in queries[first : first + SCAN_BATCH]]
        start = time.perf_counter()
        rows = scan.similarities(norms)
        batch_best = [scan.best(norm, row) for norm, row in zip(norms, rows, strict=True)]
        scan_s += time.perf_counter() - start
        best.extend(batch_best)
        for norm, row in zip(norms, rows, strict=True):  # the nearest units and some others, by `score` itself
            nearest = np.argpartition(row, -SAMPLE_PER_QUERY // 2)[-SAMPLE_PER_QUERY // 2 :]
            others = [sample.randrange(len(sources)) for _ in range(SAMPLE_PER_QUERY // 2)]
            for index in [*map(int, nearest), *others]:
                expected = score(norm, scan.norms[index])
                if scan.score(norm, index, float(row[index])) != expected:
                    raise RuntimeError(f"the full scan scores {norm!r} against {scan.norms[index]!r} as "
                                       f"{scan.score(norm, index, float(row[index]))}, score() says {expected}")
                checked += 1
    mean_scan = scan_s / len(queries)
    line("full scan (rapidfuzz cdist, all cores)", f"{mean_scan * 1000:.0f} ms per query; {checked:,} sampled "
                                                   "pairs score exactly as scoring.score")

    considered = agreed = 0
    failures: list[str] = []
    by_kind: dict[str, list[int]] = {}
    for (kind, query), (best_score, index), top in zip(queries, best, tops, strict=True):
        by_kind.setdefault(kind, []).append(best_score)
        if best_score < MATCH:
            continue
        considered += 1
        if top is not None and top[0] == best_score:
            agreed += 1
        else:
            found = f"{top[0]} % {top[1]!r}" if top else "nothing"
            failures.append(f"  {kind} query {query!r}\n    scan best {best_score} % {sources[index]!r}\n"
                            f"    lookup top {found}")
    for kind, scores in by_kind.items():
        line(f"{kind} queries with a scan best >= {MATCH} %",
             f"{sum(s >= MATCH for s in scores)} of {len(scores)} (scan best median {statistics.median(scores):g} %)")
    agreement = 100 * agreed / considered if considered else 100.0
    line("agreement", f"{agreed} of {considered} ({agreement:.1f} %)")
    for failure in failures[:8]:
        print(failure, flush=True)
    verdicts.add(f"agreement with full scan (best >= {MATCH} %)", agreement, "%", TARGETS["agreement"])
    verdicts.add("speed-up over full scan (second pass)", mean_scan / mean_lookup, "x", TARGETS["speed-up"])
    verdicts.add("speed-up over full scan (first pass)", mean_scan / mean_first, "x")
    del scan
    if not tmx:
        return verdicts

    # -- TMX ------------------------------------------------------------------------------------------------
    write_pairs(work / PAIRS_FILE, pairs)
    del pairs, sources
    steps = {}
    for name in STEPS:
        steps[name] = figures = run_step(name, work)
        line(f"TMX {name}", f"{figures['seconds']:.1f} s (CPU {figures['cpu_seconds']:.1f} s), {figures['count']:,} "
                            f"units, peak RSS growth {figures['rss_growth_mb']:.0f} MB")
    line("TMX file sizes", f"ours {(work / OURS_TMX).stat().st_size / 1e6:,.0f} MB, "
                           f"translate-toolkit {(work / TOOLKIT_TMX).stat().st_size / 1e6:,.0f} MB")
    for kind in ("write", "read"):
        ours, toolkit = steps[f"ours-{kind}"], steps[f"toolkit-{kind}"]
        verdicts.add(f"TMX {kind}: translate-toolkit time / ours", toolkit["seconds"] / ours["seconds"], "x")
        # CPU time says the same when other work shares the machine (every step runs on one core).
        cpu_ratio = toolkit["cpu_seconds"] / ours["cpu_seconds"]
        verdicts.add(f"TMX {kind}: translate-toolkit CPU time / ours", cpu_ratio, "x")
    verdicts.add("TMX read: translate-toolkit time / lxml parse alone",
                 steps["toolkit-read"]["seconds"] / steps["parse-only"]["seconds"], "x")
    parse = steps["parse-only"]["seconds"]
    at_scale = units_wanted >= 1_000_000
    verdicts.add("TMX -> searchable new memory (import_tmx)", steps["ours-import"]["seconds"], "s",
                 TARGETS["tmx import"] if at_scale else None, at_most=True)
    verdicts.add("TMX import time / lxml parse alone", steps["ours-import"]["seconds"] / parse, "x",
                 TARGETS["import / parse"], at_most=True)
    verdicts.add("then its concordance indexed (index_concordance)", steps["ours-concordance"]["seconds"], "s")
    labels = {"ours-write": "write_tmx", "ours-read": "read_tmx (iterate, count)",
              "ours-import": "import_tmx into a new TM"}
    for name, label in labels.items():
        verdicts.add(f"{label} time", steps[name]["seconds"], "s")
        verdicts.add(f"{label} peak RSS growth", steps[name]["rss_growth_mb"], "MB", TARGETS["tmx rss"], at_most=True)
    for kind in ("write", "read"):
        verdicts.add(f"translate-toolkit {kind} peak RSS growth", steps[f"toolkit-{kind}"]["rss_growth_mb"], "MB")
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000, help="translation units (default 1,000,000)")
    parser.add_argument("--queries", type=int, default=200, help="lookup queries, half near-duplicates (200)")
    parser.add_argument("--no-tmx", action="store_true", help="skip the TMX steps (quick lookup iterations)")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)  # one TMX step, in a child
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        run_step_here(args.step, args.work)
        return 0
    if args.units < 1 or args.queries < 2:
        parser.error("--units must be at least 1 and --queries at least 2")
    work = Path(tempfile.mkdtemp(prefix="tarjama-tm-bench-"))
    started = time.perf_counter()
    try:
        verdicts = run(args.units, args.queries, work, tmx=not args.no_tmx)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    verdicts.print()
    line("\nwhole run", f"{(time.perf_counter() - started) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
