"""Fact extraction against FinEval's gold facts: recall, precision, speed (offline rules only).

Run: .venv/bin/python bench/facts.py [--show N]

Each row of eval/fineval_fact_extraction_dev.jsonl holds retrieved snippets (title, publication
date, content) and gold facts written as "2025年06月12日，青禾股份的涨跌幅为+2.37%。". A gold
fact's value is the last number in its sentence, its subject the text between the date's comma
and 的 (without a date or window written next to it: "长电科技4月23日的…", "X近一周的…"), its
date the first date it names. Readings of a gold sentence's words, not of its facts (2026-12-04,
the last on 2026-12-05): the owners a profit is attributed to are part of the figure's name, not
of the subject ("招商蛇口归属于上市公司股东的净资产" is 招商蛇口's); a year written with the
part of it it means is that part ("2025年前四个月" ends on 04-30, "2024年前三季度" on 09-30,
"2024年半年度" on 06-30, "长电科技2024年半年度的…" names 长电科技); a span since a year
("2025年以来") runs to the question's day, not to the year's end; a span of days
("2025年5月5日至5月11日") is as of its last day; what a name does before 的 is not part of it
("长电科技计划2025年的…", "谷歌支付的股息总额", "特斯拉调整后的每股收益" name 长电科技, 谷歌,
特斯拉; a fund's name is taken whole); a rank written with what it is out of ("总体排名为
750/5412", 2026-12-05) is the rank, 750, not the last number. It is recalled when a fact
extracted from the row's snippets has the same quantity (`same_quantity`, within the looser
written rounding), the same subject when both name one and the same as-of date when both have
one.
Subjects are the same after the dictionary's aliases and when they are one name written two
ways (`names.same_name`: a fund's short and registered names, 理想汽车-W and 理想汽车,
新能源汽车板块 and 新能源汽车).

Precision is reported four ways. The headline figure is the share of extracted facts whose
quantity is one of the row's scored gold values; it undercounts, because only the last number
of each gold sentence is scored ("当前价为2.38元，最高价为2.42元…跌停价为2.07元" scores 2.07
only) and the gold lists only the facts relevant to the row's question. The second counts any
number of a gold sentence. The third counts a fact correct when it matches a figure a gold
sentence states (the last number of each clause) with the same subject and date: stricter on
who and when, fair to compound sentences. A fourth line scores that third criterion only over
the facts in the gold's scope: those about a subject on a date some gold fact of the row is
about. The gold lists the facts a row's question needs, not every fact its snippets state, so
a right figure about another company or day (a peer's quote, last year's revenue in a
background paragraph) counts against the headline although nothing says it is wrong. Within
the scope a miss is more likely an error, though still not always one (a row asking for a
day's close lists no turnover of that day). It adds a view and redefines nothing: the headline
stays the first figure.

Most companies and funds in these rows are not in the bundled dictionary; the extractor
recognises them from their written form, and a second run adds the row's entity (its gold
facts' commonest subject) as `touyan entity add` would. The rules of the first sessions were
written by reading misses of every row; since 2026-12-04 they are developed on the dev rows (the
1st, 3rd, 5th … row of the file) alone, and the check rows are held back to show how a change
does on text its author did not read.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from common import machine, read_jsonl, require_shared
from gold_audit import gold_key
from gold_audit import report as audit_report
from judged import Sampled, in_sample, report
from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.labels import SEGMENTED_METRICS
from touyan.facts.name_forms import kind_of
from touyan.facts.names import same_name
from touyan.text.dates import DateMention, parse_date, parse_dates
from touyan.text.numbers import Quantity, parse_numbers, same_quantity

TARGET_RECALL = 0.85
TARGET_PRECISION = 0.95
# Rules are developed on the dev rows (the 1st, 3rd, 5th … of the file) and checked on the
# others, held back: the check rows' figures are the better guide to text nobody looked at.
HALVES = ("dev", "check")
_SNIPPET = re.compile(r"[\u4e00-\u9fff]{2,12}检索\d+[:：]")
_SUBJECT = re.compile(r"^[“”\"]*(?P<subject>[^，,。；的]{1,30}?)[“”\"]*的")
# "X近一周的基金收益率为": the window belongs to the metric, not to the subject.
_WINDOW = re.compile(
    r"(?:(?:近|过去|最近|前)[一二两三四五六七八九十\d]+个?(?:交易日|日|天|周|月|年)(?:内)?|今年以来|成立以来)$"
)
_LEADING_WINDOW = re.compile(
    r"^(?:(?:近|过去|最近|前)[一二两三四五六七八九十\d]+个?(?:交易日|日|天|周|月|年)(?:内)?|今年以来)"
)
_METRIC = re.compile(r"(?:.*?的)?(?P<metric>.+?)为\s*")  # in the scored value's clause


@dataclass(frozen=True, slots=True)
class Snippet:
    title: str
    published: dt.date | None
    content: str


@dataclass(frozen=True, slots=True)
class Gold:
    text: str
    subject: str | None
    metric: str | None
    quantity: Quantity | None  # None: the sentence states no number (not scorable)
    numbers: tuple[Quantity, ...]
    figures: tuple[Quantity, ...]  # the last number of each clause: every figure it states
    as_of: dt.date | None


def snippets(prompt: str, today: dt.date | None) -> list[Snippet]:
    body = prompt.split("检索内容是：", 1)[-1].rsplit("\n当前时间是", 1)[0]
    out = []
    for piece in _SNIPPET.split(body)[1:]:
        title = re.search(
            r"(?:文章标题|图表描述|使用描述)[:：](.*?)\s*(?:发布时间|(?:图表)?内容)[:：]", piece
        )
        published = re.search(r"发布时间[:：]\s*(\S+)", piece)
        content = re.split(r"(?:文章|图表)?内容[:：]", piece, maxsplit=1)[-1].strip()
        date = parse_date(published.group(1)) if published else today
        out.append(Snippet(title.group(1).strip() if title else "", date or today, content))
    return out


def _clean_subject(subject: str) -> str | None:
    """The name in the text before 的: without a date or window written next to it
    (长电科技4月23日的…, 过去5日西藏药业的…, X近一周的…, 长电科技2024年半年度的…), which dates
    the figure, nor the owners a profit is attributed to (招商蛇口归属于上市公司股东的净利润 is
    招商蛇口's net profit: 归属于…股东的 is part of the figure's name)."""
    subject = _ATTRIBUTED.sub("", subject.strip())
    for d in parse_dates(subject, today=dt.date(2000, 1, 1)):
        if d.span[0] == 0 or _PERIOD_TAIL.fullmatch(subject, d.span[1]):
            subject = subject[: d.span[0]].strip() if d.span[0] else subject[d.span[1] :].strip()
            break
    subject = _WINDOW.sub("", _LEADING_WINDOW.sub("", subject)).strip()
    if kind_of(subject) != "fund" and (acts := _ACTS.search(subject)):
        subject = subject[: acts.start()]  # 长电科技计划2025年的…, 谷歌支付的股息总额: a verb's
    return subject or None


# What a name does or how its figure is meant, between the name and 的 (长电科技计划, 谷歌支付,
# 航天科技领取报酬, 特斯拉调整后, 贵州茅台通过…实现): not part of the name.
_ACTS = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z]{2})(?:计划|支付|领取|通过|调整后|截至|在(?!线)|实现)"
)


# The part of a period a year is written with (2024年半年度, 2024年末), which no date reads.
_PERIOD_TAIL = re.compile(r"(?:半年度|年度|末|底|年末|年底)?")
_ATTRIBUTED = re.compile(r"(?:实现)?(?:归属于|归属)(?:上市公司|母公司)?(?:股东|所有者)$")
# 2025年前四个月, 2024年前三季度: a year's first months, which the date patterns read as the year.
_FIRST_MONTHS = re.compile(
    r"前(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})个月|前三季度|(?P<half>半年度)"
)
_RANGE = re.compile(r"\s*(?:至|到|-|—|–|~|～)\s*")
_CHINESE_MONTHS = {n: i for i, n in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}


def _period_end(text: str, date: DateMention, today: dt.date | None) -> dt.date:
    """The day a gold sentence's first date ends: a year's first months end with their last
    month (2025年前四个月 → 04-30), a span since a year runs to the question's day
    (2025年以来 → today); any other date, its own end."""
    end: dt.date = date.end
    if date.granularity != "year":
        return end
    if today is not None and re.match(r"\s*(?:以来|至今)", text[date.span[1] :]):
        return today
    first = _FIRST_MONTHS.match(text, date.span[1])
    if first is None:
        return end
    n = first["n"]
    if n is not None:
        month = int(n) if n.isdigit() else _CHINESE_MONTHS.get(n, 12)
    else:
        month = 6 if first["half"] else 9
    month = min(max(month, 1), 12)
    return dt.date(end.year, month, calendar.monthrange(end.year, month)[1])


def parse_gold(text: str, today: dt.date | None) -> Gold:
    dates = [d for d in parse_dates(text, today=today) if d.granularity != "relative"]
    rest = text
    if dates and dates[0].span[0] < 4 and (lead := re.match(r"[^，,。]*[，,]", text)):
        rest = text[lead.end() :]
    found = _SUBJECT.match(rest)
    numbers = tuple(parse_numbers(text))
    metric = None
    if numbers:  # the label of the scored (last) number: 的<metric>为, or <metric>为 after a comma
        clause = re.split(r"[，,；;]", text[len(text) - len(rest) : numbers[-1].span[0]])[-1]
        metric = named["metric"] if (named := _METRIC.fullmatch(clause)) else None
    subject = _clean_subject(found["subject"]) if found else None
    # A day's end is the day; a period's, its last day.
    as_of = _period_end(text, dates[0], today) if dates else None
    if len(dates) > 1 and _RANGE.fullmatch(text, dates[0].span[1], dates[1].span[0]):
        as_of = dates[1].end  # 2025年5月5日至5月11日: a week's total, as of its last day
    figures = []
    offset = len(text) - len(rest)
    for clause in re.finditer(r"[^，,；;。]+", rest):
        inside = [
            n for n in numbers if clause.start() + offset <= n.span[0] < clause.end() + offset
        ]
        if inside:
            figures.append(inside[-1])
    quantity = numbers[-1] if numbers else None
    if quantity is not None and (ranked := _RANK_OF.search(text)):
        # 总体排名为750/5412: the rank is 750 (of 5412), not the count it is out of
        quantity = next((n for n in numbers if n.span[0] == ranked.start("rank")), quantity)
    return Gold(text, subject, metric, quantity, numbers, tuple(figures), as_of)


_RANK_OF = re.compile(r"排名[为是:：]?\s*(?P<rank>\d+)\s*/\s*\d+\s*[。.]?$")


def fact_quantity(fact: ExtractedFact, content: str) -> Quantity:
    written = content[fact.span[0] : fact.span[1]]
    parsed = parse_numbers(written)  # for the precision its digits imply
    if not parsed:  # not expected: every fact's span is a number the extractor parsed
        return Quantity(fact.value, fact.unit, fact.currency, Decimal(1), Decimal(0), fact.span, "")
    q = replace(parsed[0], value=fact.value, unit=fact.unit, currency=fact.currency, high=None)
    return replace(q, span=fact.span, negative=fact.value < 0)


def same_subject(gold: Gold, fact: ExtractedFact, entities: EntityDictionary) -> bool:
    if not fact.subject or not gold.subject:
        return True

    def canonical(name: str) -> str:
        record = entities.get(name)
        return record.name if record else name

    if same_name(canonical(fact.subject), canonical(gold.subject)):
        return True
    # 网易 | revenue | 网易云音乐: the gold makes the segment its subject (not a holding's
    # target: 汇金 | shares_held | 贵州茅台 is no fact about 贵州茅台)
    obj = fact.object or ""
    return (
        bool(obj)
        and _base_metric(fact.metric) in SEGMENTED_METRICS
        and (same_name(obj, gold.subject) or same_name(fact.subject + obj, gold.subject))
    )


def _base_metric(metric: str) -> str:
    return re.sub(r"(?:_(?:yoy|qoq|change|forecast))+$", "", metric)


def same_date(gold: Gold, fact: ExtractedFact, reported: dt.date | None) -> bool:
    """The gold's date is the fact's as-of date, or the day its source reported it.

    FinEval dates a period's figure by the report ("2025年04月24日，…2024年全年营业收入为…")
    where the extractor dates it by the period (2024-12-31); both are right. A fact with no
    date matches a gold dated by the day its source reported it, as a dated fact does, and
    no other: "no date" must not pass for any date.
    """
    if not gold.as_of:
        return True
    return gold.as_of in (fact.as_of, reported) if fact.as_of else gold.as_of == reported


class Score:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()  # "<what>:<type or metric>" -> count
        self.missed: list[str] = []
        self.missed_keys: list[tuple[str, str, str]] = []  # (half, row, gold hash): gold_audit
        self.wrong: list[str] = []
        self.unmatched: list[str] = []  # in the gold's scope, matching no figure it states
        self.sample: list[Sampled] = []  # the facts a person judges (bench/judged.py)

    def ratio(self, hit: str, total: str, key: str = "all") -> str:
        n = self.c[f"{total}:{key}"]
        return f"{self.c[f'{hit}:{key}'] / n:.3f} ({self.c[f'{hit}:{key}']}/{n})" if n else "—"


def evaluate(rows: list[dict[str, Any]], with_entity: bool) -> Score:
    base, score = list(bundled_entities()), Score()
    for position, row in enumerate(rows):
        half = HALVES[position % 2]
        today = parse_date(re.findall(r"当前时间是[:：]\s*(\S+)", row["prompt_with_context"])[-1])
        golds = [parse_gold(text, today) for text in row["gold_facts"]]
        records = base
        subjects = Counter(g.subject for g in golds if g.subject)
        if with_entity and subjects:
            kind = "fund" if row["type"] == "基金" else "company"
            records = [*base, EntityRecord(subjects.most_common(1)[0][0], kind)]
        entities = EntityDictionary.of(records)
        found: list[tuple[ExtractedFact, Quantity]] = []
        reported: dict[int, dt.date | None] = {}  # id(fact) -> its snippet's publication date
        for index, s in enumerate(snippets(row["prompt_with_context"], today)):
            for f in extract_facts(
                s.content, title=s.title, published_at=s.published, entities=entities
            ):
                found.append((f, fact_quantity(f, s.content)))
                reported[id(f)] = s.published
                if sample := in_sample(row["id"], index, f.span, half):
                    score.sample.append(
                        Sampled(sample, half, row["id"], index, f, s.content, s.published)
                    )
        scorable = [g for g in golds if g.quantity is not None]
        for gold in scorable:
            assert gold.quantity is not None
            ok = any(
                same_quantity(gold.quantity, q)
                and same_subject(gold, f, entities)
                and same_date(gold, f, reported[id(f)])
                for f, q in found
            )
            for key in ("all", row["type"], f"m={gold.metric}", half):
                score.c.update({f"gold:{key}": 1, f"recalled:{key}": ok})
            score.c["valued:all"] += not ok and any(
                same_quantity(gold.quantity, q) for _, q in found
            )
            if not ok:
                score.missed.append(f"{half} [{row['id']}] {gold.text}")
                score.missed_keys.append((half, *gold_key(str(row["id"]), gold.text)))
        for f, q in found:
            ok = any(same_quantity(g.quantity, q) for g in scorable if g.quantity)
            loose = any(same_quantity(n, q) for g in golds for n in g.numbers)
            stated = any(
                same_quantity(n, q)
                and same_subject(g, f, entities)
                and same_date(g, f, reported[id(f)])
                for g in golds
                for n in g.figures
            )
            # In the gold's scope: a gold fact of the row is about the same subject on the
            # same date, so the row's gold would list this figure if it were right.
            scoped = any(
                same_subject(g, f, entities) and same_date(g, f, reported[id(f)]) for g in golds
            )
            for key in ("all", row["type"], half):
                score.c.update(
                    {
                        f"extracted:{key}": 1,
                        f"correct:{key}": ok,
                        f"loose:{key}": loose,
                        f"stated:{key}": stated,
                        f"scope:{key}": scoped,
                        f"scoped:{key}": scoped and stated,
                    }
                )
            if scoped and not stated:
                score.unmatched.append(
                    f"{half} [{row['id']}] {f.subject} {f.metric}={q.text} "
                    f"as of {f.as_of} ← {f.quote[:90]}"
                )
            if not ok:
                said = f"{f.subject} {f.metric}={q.text} as of {f.as_of}"
                score.wrong.append(f"{half} [{row['id']}] {said} ← {f.quote[:70]}")
        score.c["unscorable:all"] += len(golds) - len(scorable)
        score.c["multi:all"] += sum(len(g.numbers) > 1 for g in scorable)
        score.c["no_entity:all"] += not subjects
    return score


def verdict(value: float, target: float) -> str:
    return "meets" if value >= target else "MISSES"


def speed(rows: list[dict[str, Any]]) -> None:
    docs = [s for row in rows for s in snippets(row["prompt_with_context"], None)]
    numbers, passes, start = 0, 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < 1.0 or not passes:
        numbers += sum(len(parse_numbers(s.content)) for s in docs)
        passes += 1
    print(f"  parse_numbers {numbers / elapsed:10,.0f} numbers/s   ({len(docs)} snippets ", end="")
    print(f"× {passes} passes, {numbers // passes} numbers a pass)")
    entities = EntityDictionary.of(bundled_entities())
    entities.find("预热")  # build the name automaton outside the clock
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < 1.0 or not count:
        for s in docs:
            extract_facts(s.content, title=s.title, published_at=s.published, entities=entities)
        count += len(docs)
    print(f"  extract_facts {count / elapsed:10,.0f} documents/s (snippets, bundled dictionary)")


def pad(text: str, width: int) -> str:
    """Left-justify by display width (a Chinese character takes two columns)."""
    return text + " " * max(1, width - sum(1 + (ord(ch) > 0x2E7F) for ch in text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=0, help="print N misses and N wrong extras")
    parser.add_argument("--judge", action="store_true", help="list sampled facts not judged yet")
    parser.add_argument("--wrong", action="store_true", help="list dev-sample facts judged wrong")
    args = parser.parse_args()
    rows = read_jsonl(require_shared() / "eval" / "fineval_fact_extraction_dev.jsonl")
    print(f"fact extraction benchmark — {len(rows)} FinEval rows ({machine()})")
    runs = {"bundled dictionary": evaluate(rows, False)}
    runs["with the row's entity known"] = evaluate(rows, True)
    c = runs["bundled dictionary"].c
    print(
        f"  gold facts: {c['gold:all']} scorable, {c['unscorable:all']} without a number (skipped)"
    )
    print(f"  {c['multi:all']} scorable gold sentences state several numbers: the last is scored")
    print(
        f"  {c['no_entity:all']} rows have no gold subject, so nothing is added in the second run"
    )
    for label, s in runs.items():
        recall = s.c["recalled:all"] / max(1, s.c["gold:all"])
        precision = s.c["correct:all"] / max(1, s.c["extracted:all"])
        print(f"\n[{label}]")
        print(f"  recall     {pad(s.ratio('recalled', 'gold'), 22)}", end="")
        print(f"target ≥ {TARGET_RECALL}: {verdict(recall, TARGET_RECALL)}")
        print(
            f"  missed with the value extracted, but another subject or date: {s.c['valued:all']}"
        )
        print(f"  precision  {pad(s.ratio('correct', 'extracted'), 22)}", end="")
        print(f"target ≥ {TARGET_PRECISION}: {verdict(precision, TARGET_PRECISION)}")
        print(
            f"  precision counting any number of a gold sentence: {s.ratio('loose', 'extracted')}"
        )
        print(
            "  precision against every figure a gold sentence states, with its subject and date: "
            f"{s.ratio('stated', 'extracted')}"
        )
        print(
            "  precision within the gold's scope (facts about a subject and date a gold fact "
            f"of the row names): {s.ratio('scoped', 'scope')}"
        )
        if label == "bundled dictionary":
            report(s.sample, args.judge, args.wrong)
            for half in ("all", *HALVES):
                misses = [(row, h) for part, row, h in s.missed_keys if half in ("all", part)]
                audit_report(half, s.c[f"recalled:{half}"], s.c[f"gold:{half}"], misses)
        for half in HALVES:
            print(f"    {half:5} recall {pad(s.ratio('recalled', 'gold', half), 20)}", end="")
            print(f"precision {pad(s.ratio('correct', 'extracted', half), 20)}", end="")
            print(f"in scope {s.ratio('scoped', 'scope', half)}")
        for kind in ("股票", "基金", "宏观"):
            print(f"    {kind}  recall {pad(s.ratio('recalled', 'gold', kind), 20)}", end="")
            print(f"precision {pad(s.ratio('correct', 'extracted', kind), 20)}", end="")
            print(f"in scope {s.ratio('scoped', 'scope', kind)}")
    a, b = runs.values()
    print(
        f"\n  {pad('15 commonest gold metrics', 28)}{pad('recall, bundled', 22)}row's entity known"
    )
    metrics = Counter({k[7:]: n for k, n in a.c.items() if k.startswith("gold:m=")})
    del metrics["None"]
    for metric, _ in metrics.most_common(15):
        key = f"m={metric}"
        print(f"    {pad(metric, 26)}{pad(a.ratio('recalled', 'gold', key), 22)}", end="")
        print(b.ratio("recalled", "gold", key))
    print("\n  speed")
    speed(rows)
    for label, s in runs.items() if args.show else ():
        print(f"\n[{label}] first {args.show} missed gold facts:")
        print("\n".join(f"    {m}" for m in s.missed[: args.show]))
        print(f"[{label}] first {args.show} extracted facts not among the row's gold values:")
        print("\n".join(f"    {w}" for w in s.wrong[: args.show]))
        print(f"[{label}] first {args.show} facts in the gold's scope matching no gold figure:")
        print("\n".join(f"    {w}" for w in s.unmatched[: args.show]))


if __name__ == "__main__":
    main()
