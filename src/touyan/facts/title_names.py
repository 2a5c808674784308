"""The company a headline names, read against the body it heads.

A headline names its company in a few shapes: as its lead (常山北明跌3.09%…), before its
report or period over a body that says 公司 (招商蛇口年报点评：…), in an announcement, a
question, a topic report or a stock's card (恒远科技：…, X的…如何？, X高管报酬, X股票诊断卡),
or by its registered name, whose short form the body writes. A headline is one short line
whose words run on into the name, so each shape needs the body's support. These rules read
the title, not the text's written shapes, and `names.written_names` asks them last: they live
apart from the shapes of `names`.
"""

from __future__ import annotations

import re

from touyan.facts.name_forms import (
    COMPANY_ENDING,
    LEADING,
    MAX_LEAD,
    SHORT_NAME,
    STATEMENT_WORDS,
    kind_of,
    plain_company,
    plausible_name,
    without_statement_kind,
)

# A headline's lead name: no digits (益生股份跌2.64% → 益生股份跌) and no 的.
_TITLE_RUN = re.compile(
    r"(?:[\u4e00-\u7683\u7685-\u9fffA-Za-z*＊·\-]|[（(][A-Z][A-Z\-]{1,11}[）)]){2,30}"
)


_LEADING_DATE = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*月\s*\d{1,2}\s*[日号])"
)
# A period a question opens with (2025年第一季度X的销量如何？): the name follows it.
_LEADING_PERIOD = re.compile(
    r"\s*(?:19|20)\d{2}\s*年(?:度|全年|第?[一二三四1-4]季度|[上下]半年|前三季度|\d{1,2}\s*月份?)?"
)
_DATE_AFTER_NAME = re.compile(r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_MAKER = ("厂", "商")
_LEAD_TAIL = re.compile(
    r"(?:股票|股价|今日|当前|收盘|盘中|涨停|跌停|上涨|下跌|大涨|大跌|涨|跌|发布|公告|申请|通过)+$"
    r"|(?<=[\u4e00-\u9fff]{4})[在于]$"  # 江苏阳光在2022年…: the preposition before a date
)


def title_lead(title: str, text: str) -> str | None:
    """The name a headline starts with (常山北明跌3.09%…, 长电科技4月23日获融资买入…).

    The headline's first run of name characters is cut to its longest prefix that the body
    also writes followed by something else: the body repeating the whole headline proves
    nothing, the body writing 常山北明盘中下跌 shows where the name ends.
    """
    cut = _LEADING_DATE.match(title)
    start = cut.end() if cut else 0
    first = _TITLE_RUN.search(title, start)
    if first is None or first.start() > start + 2:
        return None
    if first.start() and title[first.start() - 1].isdigit():
        return None  # 24股获某某增仓: the noun of a count, no name
    run = first.group()
    while (lead := LEADING.match(run)) and lead.end():
        run = run[lead.end() :]
    title_goes_on = title[first.end() : first.end() + 4]
    if _DATE_AFTER_NAME.match(title, first.end()) and text.count(run) and len(run) <= SHORT_NAME:
        # 航天科技2024年半年度…: a short run stopped by a date ends with the name.
        return _lead_name(run)
    for length in range(len(run), 2, -1):
        prefix, following = run[:length], run[length : length + 1]
        if following in _MAKER:
            continue  # 晶圆代工厂某某: a trade's maker (厂, 商), of which a name is no prefix
        pos = text.find(prefix)
        words: set[str] = set()
        while pos >= 0:
            after = text[pos + length : pos + length + 1]
            goes_on = text[pos + length : pos + length + 4]
            pos = text.find(prefix, pos + 1)
            if after == following:
                continue
            # At the run's end the headline goes on with a figure or a mark: the body must
            # go on with a word, or another figure (长安汽车4月… and 长安汽车206047辆).
            if not following and not _WORD_CHAR.match(after):
                if not (after.isdigit() and goes_on != title_goes_on):
                    continue
            # A figure or a mark after the name ends it; a word ends it only if the body
            # goes on with two different words (a template headline "X行业与市场分析" and
            # a body "X行业与宏观经济" share a phrase, not a name).
            if _WORD_CHAR.match(after):
                words.add(after)
                if len(words) < 2:
                    continue
            return _lead_name(prefix)
    return None


def _lead_name(prefix: str) -> str | None:
    # A fund's lead is kept only with its share class: the headline may shorten it
    # (南方创新驱动混合 for 南方创新驱动混合A).
    if kind_of(prefix) == "fund" and not prefix[-1].isascii():
        return None
    name = plausible_name(_LEAD_TAIL.sub("", prefix))
    if name is None:
        return None
    return name if kind_of(name) == "company" or name[-1].isascii() else None


# What a results headline writes right after the company's name: its report or the period
# (招商蛇口年报点评, 西藏药业2025年一季度…, 万方发展在2024年…), never a name's own characters.
# Not a colon ("鹰眼预警：凯大催化…" puts a column's name there), nor topic words (基本面分析,
# 的…): such headlines head surveys that speak of peers and the industry as much; title_subject
# reads those shapes, with the guards they need.
_HEADLINE_JOINT = re.compile(
    r"\s*(?:[在于]?(?:19|20)\d{2}\s*年|(?:(?:19|20)\d{2}\s*年?)?(?:年报|年度报告|[一二三1-3]?季报|中报|半年报))"
)
_HEADLINE_HINT = re.compile(r"年|季报|中报|[(（]")  # some joint needs one of these
_QUOTE_JOINT = re.compile(r"\s+\d+(?:\.\d+)?\s*[（(][+\-]?\d")
_BRACKETED_LEAD = re.compile(r"^\s*(?:【[^】]{1,12}】|\[[^\]]{1,12}\])\s*")
_COMPANY_WORD = re.compile(
    r"(?:^|[，,。；;：:\s])(?:报告期内，?)?(?:该公司|本公司|公司)"
    # A section's header glued to its first sentence (融资分红公司上市22年以来，…).
    r"|^[\u4e00-\u9fff]{2,6}(?<!子|分)公司(?=上市|成立|自|于|是|主要|目前|近|本|20)"
)


def title_company(title: str, text: str) -> str | None:
    """The company a results headline is about, when the body calls it 公司.

    "招商蛇口年报点评：…" over a body that says "公司全年实现营收…": the headline names the
    company once, right before its report or period, and the body never repeats it, so
    title_lead has nothing to compare. The shortest such name is taken, and only when the
    body speaks of a company (公司 heading a clause). A quote page's headline (苏宁环球
    2.15(0.00%)股票行情) names the stock before its price: the body must write the name.
    """
    if _HEADLINE_HINT.search(title) is None:
        return None
    cut = _BRACKETED_LEAD.match(title) or _LEADING_DATE.match(title)
    start = cut.end() if cut else 0
    first = _TITLE_RUN.match(title, start)
    if first is None:
        return None
    run = first.group()
    for length in range(2, min(len(run), MAX_LEAD) + 1):
        name = run[:length]
        if _QUOTE_JOINT.match(title, start + length):
            return name if plain_company(name) and name in text else None
        if _HEADLINE_JOINT.match(title, start + length) is None:
            continue
        if not plain_company(name) or not _COMPANY_WORD.search(text):
            return None
        return _lead_name(name)  # 贵州茅台发布年报: the verb before the report is no name's
    return None


# A headline that states what it is about in a fixed shape: the company's announcement
# ("恒远科技：订单饱满…"), a question about it ("北辰材料的行情如何？"), or a report on one
# of its topics ("瑞丰股份高管报酬", "X募集资金使用情况：…", behind a column's name:
# "风险提示：恒远科技应收账款…"). The name ends at the colon, the 的 or the topic word.
_NAME_RUN = r"(?P<name>[\u4e00-\u7683\u7685-\u9fffA-Za-z*＊]{2,8}?)"
_ANNOUNCED = re.compile(rf"{_NAME_RUN}\s*[：:]")
_ASKED = re.compile(rf"{_NAME_RUN}的[^？?]{{2,30}}[？?]\s*$")
# Not 基本面分析: such surveys run sections of background and peers, whose figures the last
# date named would misdate under the company's name.
_TOPIC_WORDS = r"高管报酬|高管薪酬|募集资金(?:存放|使用)|股东户数"
_TOPICAL = re.compile(rf"{_NAME_RUN}(?={_TOPIC_WORDS})")
# Behind a column's name a figure's label ends the name too; not at the start, where
# "远航材料净利润波动显著" heads a survey of its peers' figures.
_COLUMN_TOPICAL = re.compile(rf"{_NAME_RUN}(?={_TOPIC_WORDS}|应收账款|营业收入|净利润|毛利率)")
# A stock's card or profile, named for the stock alone ("X股票诊断卡", "X公司简介"). Not a
# survey ("X基本面分析"), for the reason _TOPIC_WORDS gives.
_REPORT_CARD = re.compile(rf"{_NAME_RUN}(?:股票诊断卡|公司简介)\s*$")
_BROKER = re.compile(r"(?:证券|研究|研究所|研报)$")
# Figures spaced from their units ("2024 年 3 月的 12.5 元"): the hand of the opinion pieces
# that question headlines head, whose dates and windows are too loose to read. The reader's view
# joins the dates ("2024年3月", `extract.flatten`) but keeps the units apart ("12.5 元").
_SPACED_FIGURES = re.compile(r"\d\s+(?:年|月|日|元|万|亿|%)")
_COLUMN = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]\s*")  # 风险提示：
# Words of a question or an opinion, not of a name: "散户如何看待…的…？" asks about people.
_NOT_NAME = re.compile(
    r"如何|怎么|怎样|什么|哪些|为何|为什么|是否|看待|分析|人士|投资者|股民|散户|大家|我们|你|我|他|她|"
    r"这|那|哪|谁|吗|呢|吧"
    # 某某汽车联合创始人：…: a person's role at the company, who speaks; the company is not
    # the headline's subject
    r"|创始人|董事长|总裁|总经理|首席|行长|主席|高管|发言人|分析师|经济学家|CEO"
)


def title_subject(title: str, text: str) -> str | None:
    """The company a headline's shape names (an announcement, a question, a topic report, a
    stock's card or profile).

    The shape alone is weak: "风险提示：…" puts a column's name before the colon, and a
    question may ask about anything (an opinion piece's "爱钓鱼的…如何？" is about no
    company). So the name must read as a name (no question or function word, no statement
    vocabulary) and have support: a name in a company's own form (…科技, …股份) written in
    the body or over a body that speaks of 公司; any other name written in the body, twice
    for a question.
    """
    cut = _BRACKETED_LEAD.match(title) or _LEADING_DATE.match(title) or _LEADING_PERIOD.match(title)
    start = cut.end() if cut else 0
    column = _COLUMN.match(title, start)
    tries = [(_ANNOUNCED, start), (_ASKED, start), (_TOPICAL, start), (_REPORT_CARD, start)]
    if column:
        tries.append((_COLUMN_TOPICAL, column.end()))
    for shape, at in tries:
        found = shape.match(title, at)
        if found is None:
            continue
        name = found["name"]
        if shape is _ANNOUNCED:
            name = without_statement_kind(name)  # 某某澄清：…: the company clarifies
        if not plain_company(name) or _NOT_NAME.search(name):
            continue
        if shape is _ASKED and _SPACED_FIGURES.search(text):
            return None
        if shape is _ANNOUNCED and _BROKER.search(name):
            continue  # 华信证券：给予X买入评级: a broker heads its note on another company
        written = _written_apart(name, title[found.start("name") :], text, shape is _ASKED)
        if shape is _REPORT_CARD:
            # A card's body writes its stock once ("个股评测：X所属行业为…") or calls it 公司.
            if written or (COMPANY_ENDING.search(name) and _COMPANY_WORD.search(text)):
                return name
            continue
        if COMPANY_ENDING.search(name):
            if written or _COMPANY_WORD.search(text) or shape is _TOPICAL:
                return name
        elif written >= (2 if shape is _ASKED else 1):
            return name
    return None


def _written_apart(name: str, headline: str, text: str, asked: bool) -> int:
    """How often the body writes the name other than in a copy of the headline (`headline`
    from the name on): "盘面速递：成交回升" over a body that repeats it shows no name. A
    question's body is no copy: answering "X的股价如何？" it writes X的股价 in its own words."""
    if asked:
        return text.count(name)
    return text.count(name) - text.count(headline.rstrip("。.！!？? "))


# A headline opening with a registered name (广州普邦园林股份有限公司的股东情况如何？); the body
# calls the company by its short name, which the dictionary of written names never sees whole.
_REGISTERED = re.compile(r"(?P<full>[\u4e00-\u9fff]{2,16}?(?:股份有限公司|有限责任公司|有限公司))")
_SHORT_LENGTH = 4  # an A-share short name: four characters, taken in order from the full name
_PLACE_LENGTHS = (0, 2, 3)  # a registered name may open with its city or province (广州, 黑龙江)


def title_registered(title: str, text: str) -> tuple[str, str] | None:
    """The short name of the company a headline names by its registered name, with that name.

    The short name is four characters the body writes that the full name holds in order from
    its start or after a place (普邦股份 of 广州普邦园林股份有限公司, 青岛金王 of 青岛金王应用化学
    股份有限公司), other than where the body copies the full name; the one written most often.
    A statement word its last character opens (五粮液股价) shows the name ended before.
    """
    cut = _BRACKETED_LEAD.match(title) or _LEADING_DATE.match(title)
    found = _REGISTERED.match(title, cut.end() if cut else 0)
    if found is None:
        return None
    full = found["full"]
    counts: dict[str, int] = {}
    for offset in _PLACE_LENGTHS:
        rest = full[offset:]
        head = rest[:2]
        pos = text.find(head)
        while pos >= 0:
            short = text[pos : pos + _SHORT_LENGTH]
            if (
                not text.startswith(rest, pos)
                and _in_order(short, rest)
                and not STATEMENT_WORDS.match(text, pos + _SHORT_LENGTH - 1)
                and plain_company(short)
            ):
                counts[short] = counts.get(short, 0) + 1
            pos = text.find(head, pos + 1)
    if not counts:
        return None
    return max(counts, key=lambda name: counts[name]), full


# A body opening with a registered name (某地某某科技股份有限公司通过…) under a headline that
# leads with its distinctive words (某某通过…): the company the text is about.
_OPENING_REGISTERED = re.compile(
    r"\s*(?P<full>[\u4e00-\u9fff]{4,20}?(?:股份有限公司|有限责任公司|有限公司))"
)
_HEAD_LENGTHS = (4, 3)  # characters of the headline's lead the registered name must hold
# A house writing on others (某某证券股份有限公司某某近期对某公司进行研究): not the subject.
_HOUSE = re.compile(r"证券|研究|期货|资产管理|投资|基金")


def opening_registered(title: str, text: str) -> tuple[str, str] | None:
    """The headline's lead and the registered name of the company a body opens with, when
    the lead is that name's words after its place (某某华章 of 北京某某华章科技股份有限公司)."""
    found = _OPENING_REGISTERED.match(text)
    if found is None or not title:
        return None
    full = found["full"]
    if _HOUSE.search(full):
        return None  # 某某证券股份有限公司某某近期对某公司进行研究: a house on another company
    for offset in _PLACE_LENGTHS:
        for length in _HEAD_LENGTHS:
            head = title[:length]
            if full.startswith(head, offset) and plain_company(head):
                return head, full
    return None


def _in_order(short: str, full: str) -> bool:
    """Whether `short` is `full`'s characters, some left out, in their order (普邦股份)."""
    chars = iter(full)
    return len(short) == _SHORT_LENGTH and all(ch in chars for ch in short)


# A board of an exchange a headline leads with (科创板医药…): the many companies listed on it,
# of which no one figure is the board's own. (A flash's 创业板跌0.5% is its index's move:
# only a headline's lead is refused so.)
_BOARD = re.compile(r"科创板|创业板|主板|中小板|新三板|北交所|沪市|深市|沪深两市|两市")


def board_name(name: str) -> bool:
    """Whether a headline's lead is a board of an exchange, not a company."""
    return _BOARD.fullmatch(name) is not None


# An event held each year, as the body calls it (本届某某, 历届某某, 第十届某某): a show or an
# award, not a company.
_EDITION_BEFORE = re.compile(r"(?:本|上|历|每|首|第[一二三四五六七八九十百\d]+)届$")


def event_name(name: str, text: str) -> bool:
    """Whether a headline's name is an event's, as the body writes it (本届某奖): its figures
    are the shows' or the winners', never its own."""
    pos = text.find(name)
    while pos >= 0:
        if _EDITION_BEFORE.search(text, max(0, pos - 4), pos):
            return True
        pos = text.find(name, pos + 1)
    return False
