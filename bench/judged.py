"""A hand-judged sample of extracted facts: the precision FinEval's gold cannot measure.

FinEval's gold lists the facts a row's question needs, not every fact its snippets state, so
`bench/facts.py`'s headline precision counts a right figure about a peer, another day or a
background paragraph as wrong. Here a person reads the fact against its quote and judges it:
right when its subject, metric, value (with unit and currency) and as-of date are what the text
says, wrong otherwise.

Which facts are judged must not depend on the extractor's version, or a change could choose its
own examiners: a fact is in the sample when the hash of where its value sits (row, snippet,
span) falls in one of the sample's buckets of `SAMPLE_EVERY` (one until 2026-12-04, when a
second was added to find more errors; on 2026-12-05 four more, of dev rows only, when the
first two had been mined out, four more in each of the next two sessions, then two, then all
sixteen odd buckets of dev rows, four at a time, then the last five the check sample does not
hold). Errors found there are fixed, which flatters
its figure; a second, disjoint sample (eleven buckets by now, each added before or after a round
of fixes and judged without being read for them) is never mined for fixes, so its figure is the
honest one. A new rule that finds a figure nobody read before adds it to the sample unjudged,
and the bench says so until someone judges it (`--judge`).

`facts_judged.tsv` keeps no eval text (the data's licence keeps it out of the repo): each line
is the fact's place, a hash of what the fact claims (so a changed subject, metric, value, date
or period is judged anew), the verdict and the judge's note in their own words.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from touyan.facts.extract import ExtractedFact

SAMPLE_EVERY = 32
JUDGED = Path(__file__).with_name("facts_judged.tsv")
_FIELDS = ("row", "snippet", "start", "end", "claim", "verdict", "note")


@dataclass(frozen=True, slots=True)
class Sampled:
    sample: str  # "dev" or "check" (see in_sample)
    half: str  # the row's: "dev" or "check" (bench/facts.py's HALVES)
    row: str
    snippet: int
    fact: ExtractedFact
    content: str  # the snippet's text, to show the judge the context
    published: dt.date | None

    @property
    def place(self) -> tuple[str, int, int, int]:
        return (self.row, self.snippet, self.fact.span[0], self.fact.span[1])

    @property
    def claim(self) -> str:
        f = self.fact
        said = (
            f"{f.subject}|{f.metric}|{f.object}|{f.value}|{f.unit}|{f.currency}|{f.as_of}|"
            f"{f.period}"
        )  # a range's claim includes its top, and so does a floor's or a ceiling's (getattr:
        # trees from before ranges and bounds are scored too)
        said += f"|{high}" if (high := getattr(f, "high", None)) is not None else ""
        said += f"|{bound}" if (bound := getattr(f, "bound", None)) else ""
        return hashlib.blake2b(said.encode(), digest_size=6).hexdigest()


def in_sample(row: str, snippet: int, span: tuple[int, int], half: str) -> str | None:
    """ "dev" for the sample errors are looked for in (1 fact in 16 of any row, 53 in 64 of the
    dev rows'), "check" for a second, disjoint one (11 in 64) that is only judged, never mined
    for fixes; None for the rest."""
    key = f"{row}:{snippet}:{span[0]}:{span[1]}".encode()
    bucket = int.from_bytes(hashlib.blake2b(key, digest_size=4).digest()) % (2 * SAMPLE_EVERY)
    if bucket % SAMPLE_EVERY in (0, 2):  # the second bucket joined on 2026-12-04
        return "dev"
    if bucket % SAMPLE_EVERY in range(4, 32, 2) and half == "dev":
        # 4-10 joined on 2026-12-05, 12-18 a session later, 20-26 the session after and 28-30
        # later in that session: dev rows only, so that fixes they prompt do not reach
        # check-row recall
        return "dev"
    if bucket in range(1, 32, 2) and half == "dev":  # joined when the even ones were mined
        return "dev"
    if bucket in range(55, 64, 2) and half == "dev":  # the last five (2026-12-05, fourth session)
        return "dev"
    # the second, third and fourth check buckets joined on 2026-12-04, each judged before any
    # rule looked at it (the third and fourth at the end of the day's third session); the fifth
    # joined on 2026-12-05 and was judged while that day's fixes were written, unread by them;
    # the sixth joined at that session's end, after every fix, the seventh at the end of the
    # next session, and in the one after the eighth after its third round of fixes, the ninth
    # after its fifth and the tenth after its sixth and last; the eleventh, the last bucket
    # left, at the end of the session after that, after every fix
    return "check" if bucket in _CHECK_BUCKETS else None


_CHECK_BUCKETS = frozenset(SAMPLE_EVERY + n for n in (1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21))


Verdicts = dict[tuple[tuple[str, int, int, int], str], tuple[str, str]]


def load(path: Path = JUDGED) -> Verdicts:
    """(place, claim) -> (verdict, note)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {
            ((r["row"], int(r["snippet"]), int(r["start"]), int(r["end"])), r["claim"]): (
                r["verdict"],
                r["note"],
            )
            for r in rows
        }


def report(
    sample: Iterable[Sampled],
    show_unjudged: bool,
    show_wrong: bool = False,
    path: Path = JUDGED,
    borrowed: Verdicts | None = None,
) -> None:
    """Print both samples' precision; list facts still to judge, or (to mine for fixes) the dev
    sample's facts judged wrong: never the check sample's, which would stop it being honest.
    `borrowed` verdicts, from another file, stand where `path` has none."""
    sample = list(sample)  # (read twice: the precision, then the confidence bands)
    verdicts = {**(borrowed or {}), **load(path)}
    wrong: list[tuple[Sampled, str]] = []
    right: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    unjudged: list[Sampled] = []
    for s in sample:
        verdict = verdicts.get((s.place, s.claim))
        if verdict is None:
            unjudged.append(s)
            continue
        judged[s.sample] += 1
        right[s.sample] += verdict[0] == "right"
        if verdict[0] != "right" and s.sample == "dev" and s.half == "dev":
            wrong.append((s, verdict[1]))  # a check row's text stays unread (its recall)
    for name, what in (("dev", "errors are looked for here"), ("check", "only judged")):
        n = judged[name]
        share = f"{right[name] / n:.3f} ({right[name]}/{n})" if n else "—"
        print(f"  precision on the hand-judged {name} sample ({what}): {share}")
    print(f"  check sample by confidence: {_by_confidence(sample, verdicts)}")
    print(f"  {len(unjudged)} sampled facts not judged yet")
    if show_wrong:
        print("\n  dev-sample facts of dev rows judged wrong:")
        for s, note in wrong:
            show(s, note)
    if show_unjudged:
        print(f"\n  facts to judge (append to {path.name}: right|wrong and a note):")
        for s in unjudged:
            show(s, "")


def _by_confidence(sample: Iterable[Sampled], verdicts: Verdicts) -> str:
    """The check sample's precision in each band of the facts' confidence: how far the
    confidence tells right facts from wrong ones (`bench/facts_confidence.py` says more)."""
    right: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    for s in sample:
        verdict = verdicts.get((s.place, s.claim))
        if s.sample == "check" and verdict is not None:
            band = next(name for floor, name in _BANDS if s.fact.confidence >= floor)
            judged[band] += 1
            right[band] += verdict[0] == "right"
    parts = []
    for _, band in reversed(_BANDS):
        n = judged[band]
        parts.append(f"{band}: {right[band] / n:.3f} ({right[band]}/{n})" if n else f"{band}: —")
    return ", ".join(parts)


_BANDS = ((0.9, "≥ 0.9"), (0.8, "0.8–0.9"), (0.0, "< 0.8"))


def show(s: Sampled, note: str) -> None:
    f = s.fact
    start, end = f.span
    before, after = s.content[max(0, start - 80) : start], s.content[end : end + 30]
    print(f"    {s.row}\t{s.snippet}\t{start}\t{end}\t{s.claim}\t?\t{note}")
    print(
        f"      [{s.sample}] {f.subject} | {f.metric} | {f.object} | {f.value}"
        f"{'' if f.high is None else f'–{f.high}'}"
        f"{'' if getattr(f, 'bound', None) is None else f' ({f.bound})'} {f.unit} "
        f"{f.currency} | as of {f.as_of} | period {f.period} | published {s.published}"
    )
    quote = f"…{before}【{s.content[start:end]}】{after}…".replace("\n", " ")
    print(f"      {quote}")
