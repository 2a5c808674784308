"""Company and fund names recognised from how a text writes them, without a dictionary entry.

Most A-share companies and funds are in no dictionary we could ship, yet financial text names
them in a few fixed shapes: a name followed by its code (一鸣食品(605179), 平安短债债券I(010048)),
a short name followed by the full registered one (德邦锐兴债券A（德邦锐兴债券型证券投资基金A类）),
a quoted fund or company name (“平安短债债券型证券投资基金I类”), and the subject of a data
statement (X的当前价为…, X单位净值为…). A shape alone is weak evidence for the last form, so
such a name must be seen at least twice, or in the title. A headline names its company in a
few shapes too (恒远科技：…, X的…如何？, X高管报酬, X股票诊断卡), taken only with support from
the body or the name's own form, or by its registered name, whose short form the body writes:
`title_names` reads those. Names are cut at the nearest clause mark or date and stripped of
leading time and function words (截至…, 近一周, 今日), and a generic noun (公司, 该股, 主力资金,
行业) is never a name: `name_forms` holds those tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from touyan.facts.name_forms import (
    COMPANY_ENDING,
    FUND_TYPES,
    MAX_LEAD,
    SHORT_NAME,
    STATEMENT_WORDS,
    kind_of,
    plain_company,
    plausible_name,
    without_statement_kind,
)
from touyan.facts.title_names import (
    board_name,
    event_name,
    title_company,
    title_lead,
    title_registered,
    title_subject,
)

# A name's characters: CJK, Latin, digits, *ST's star, and bracketed share-type tags (LOF).
_NAME_CHARS = r"\u4e00-\u9fffA-Za-z0-9*＊·\-"
_CHAR = rf"(?:[{_NAME_CHARS}]|[（(](?:[A-Z][A-Z\-]{{1,11}}|[A-Z]股)[）)])"
# Each shape is found by its tail (the code in brackets, the registered name's suffix, the
# statement's verb), then the name is read back from there: scanning for names from every
# position would cost more than the rest of fact extraction.
_CODE = re.compile(
    rf"[（(]\s*(?:(?P<inner>{_CHAR}{{2,40}}?)\s*[（(]\s*)?(?:(?:股票|证券)?代码\s*[:：]?\s*)?"
    r"(?:(?:SH|SZ|BJ|HK)\s*\.?\s*)?(?:\d{6}|\d{5})(?:\.(?:SH|SZ|BJ|HK|SS|OF))?\s*[）)，,]",
    re.IGNORECASE,
)
# A quote page's name and exchange-prefixed code, unbracketed (开开实业 sh600272, 万科A SZ000002).
_BARE_UPPER = re.compile(r"(?:SH|SZ|BJ)\d")
# The prefix comes first and the look back at the character before it second, so that the engine
# skips to an s, b, S or B instead of trying every position of the text.
_BARE_CODE = re.compile(r"(?:sh|sz|bj|SH|SZ|BJ)(?<![A-Za-z0-9.]..)\d{6}(?![\dA-Za-z])")
# An A-share code written right after the name, unbracketed (苏豪弘业600128在近7个交易日中).
# The code's first digits come before the look back at the name's last character: the engine
# then tries only positions holding a 6, 0 or 3.
_GLUED_CODE = re.compile(
    r"(?:60[0135]|00[0123]|30[01]|68[89])(?<=[\u4e00-\u9fff]...)\d{3}(?![\d.,%万亿元股手])"
)
_FULL_NAME = r"(?:基金(?:[A-Za-z]类|[A-Za-z]|[（(][A-Z\-]+[）)])?|有限公司|集团|股份公司)"
_FULL_TAIL = re.compile(rf"[（(](?P<full>[^（）()\n]{{2,60}}?{_FULL_NAME})[）)]")
# Possessive (+): a name character's match has one length wherever it starts, so a run that
# does not reach the end cannot by giving characters back; it fails at once.
_RUN = re.compile(rf"{_CHAR}{{2,40}}+$")
_RUN_AFTER = re.compile(rf"{_CHAR}{{2,40}}")
# A record's name field: 股票名称：微软, 基金简称：博时四月享120天持有期债券A.
_NAME_FIELD = re.compile(r"(?:股票|基金|公司|证券|产品)(?:名称|简称)\s*[:：]\s*")
_NEXT_FIELD = re.compile(r"公告编号|证券代码|股票代码|证券简称|债券代码|债券简称")
# A registered name's short form noted after it (某某电子（以下简称某电）, …有限公司（简称“某某”）):
# the text calls the company by the short one from then on.
_SHORT_NOTE = re.compile(
    r"[（(](?:以下)?简称[:：]?[“\"]?(?P<short>[\u4e00-\u9fffA-Za-z]{2,8})[”\"]?[）)]"
)
_INVESTOR_WORDS = re.compile(r"投资|基金|资本|资产管理|合伙")
_QUOTED = re.compile(rf"[“\"「](?P<name>{_CHAR}{{3,60}}?)[”“\"」]")
_QUOTED_NAME = re.compile(
    r".*(?:(?:" + "|".join(FUND_TYPES) + r")(?:[（(][A-Z\-]+[）)])?[A-Za-z]?[类级]?"
    r"|基金[A-Za-z]类|有限公司|股份公司|集团|银行|证券|保险)$",
    re.IGNORECASE,
)
# "<name>的<attribute>为", "<name><label>为": the subject of a data statement.
# Every alternative opens with a plain character and no group wraps them: the engine then jumps
# to the next 的 or label's first character instead of trying the pattern at every position.
_STATED = re.compile(
    r"(?:的[\u4e00-\u9fffA-Za-z0-9()（）]{2,16}?|"
    r"当前价|最新价|收盘价|开盘价|最高价|最低价|涨停价|跌停价|涨跌幅|涨跌额|成交额|成交量|换手率|"
    r"总市值|流通市值|市盈率|市净率|股息率|单位净值|累计净值|总股本|流通股本|近[一二三四五六七八九十\d]+"
    r"[日周月年]涨跌幅|今年以来涨跌幅|今年以来收益率|七日年化收益率|主力资金净流[入出]|主力净流[入出])"
    r"(?:为|是|[:：])\s*[+\-]?\d"
)
_DATED_FUND = re.compile(
    r"(?:截止|截至)(?:到|至)?\s*(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?\s*"
    r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9()（）\-+]{3,40}?[A-Za-z)）])"
    r"(?=近|今年以来|成立以来|单位净值|累计净值|最新净值|涨跌幅|规模|基金规模)"
)
_PRICE_WINDOW = re.compile(r"(?:近[\d一二三四五六七八九十]{1,3}个?(?:交易日|日)|今年以来)股价")
# A day's report that opens with a name and its move (4月17日，一鸣食品涨停); not 的 (U+7684).
_MOVED = re.compile(
    r"(?:^|\n|[。；;！!？?]|\d\s*[日号]\s*[，,]?\s*)"
    r"(?P<name>[\u4e00-\u7683\u7685-\u9fff*＊A-Za-z]{2,8}?)"
    r"(?=涨停|跌停|股价|盘中|收涨|收跌|报收|大涨|大跌|上涨|下跌|(?:涨|跌)(?:超|逾|近)?\d|"
    # 今日 then a market's word (某某今日涨停, 今日股价); not 某某火车票今日开售
    r"今日[^，,。；;\s]{0,4}?(?:涨|跌|收|盘|股价|成交|换手|封|开板|高开|低开|平开|资金|主力)|"
    r"近\d{1,3}个?交易日|近[一二三四五六七八九十]+个?交易日|今年以?来|年内)"
)
# A word each move above writes: more than half of texts hold none, and are not scanned (the
# scan tries every sentence's start and every digit).
_MOVE_WORDS = ("涨", "跌", "股价", "盘中", "报收", "今日", "交易日", "今年", "年内")
# Words between a name and its move (收盘首板涨停: the stock's first limit-up of a run).
_MOVE_TIME = re.compile(
    r"(?:收盘|近期|开盘出现|开盘|盘后|今日|当日|周[一二三四五]?|在|因|曾|首板)+$"
)


@dataclass(frozen=True, slots=True)
class WrittenName:
    name: str
    kind: str  # company | fund
    aliases: tuple[str, ...] = ()


# A digest's item opens with who announced it (4、万德斯公告，…; 。舍得酒业公告称…): the
# announcer is a company, and the item's figures are its own.
# (The optional words spelt out, longest first as the optional groups try them: a pattern
# whose every branch opens with a literal is scanned for those characters in native code.)
_ANNOUNCER = re.compile(r"晚间发布公告|晚间公告|发布公告|公告|披露")
# Words of a clause, not of a name (通过主动进行信息披露, 但公司业绩预告披露).
# (Nor an offering's: 某某H股发行公告, 某某配售结果公告 announce the offering, whose issuer is
# the name before its words.)
_NOT_ANNOUNCER = re.compile(
    r"[以在已但了对将从被把与和及或其该本]|通过|上述|公司|信息|预告|调整"
    r"|发行|配售|招股|增发|上市|定价|IPO"
)
_ITEM_START = re.compile(r"(?:^|[。；;！!？?\n]|\d{1,2}\s*[、.．)）])\s*$")


def _announcer(text: str, verb: int) -> str | None:
    """The name before 公告 or 披露 when it opens an item or a sentence: only there is the run
    surely a name, not a clause (通过主动进行信息披露)."""
    run = _run_before(text, verb)
    if run is None or not _ITEM_START.search(text, max(0, verb - len(run) - 6), verb - len(run)):
        return None
    run = without_statement_kind(run)  # 某某澄清公告: the company's clarifying announcement
    if not 3 <= len(run) <= SHORT_NAME + 3 or _NOT_ANNOUNCER.search(run):
        return None
    if _clause_of(run, text):
        return None
    return run if plain_company(run) else None


def _clause_of(run: str, text: str) -> bool:
    """Whether a run holding 的 is a clause about a name the text writes on its own
    (某某承担的关停公告, over 某某将关停: the run tells what 某某 did), not a name that holds
    the character (甲的乙公告, where no part before the 的 is written apart)."""
    cut = run.find("的")
    if cut < 2:
        return False
    written = text.count(run)
    return any(text.count(run[:end]) > written for end in range(2, cut + 1))


# A registered name's head before the place it is registered in, in brackets (某甲所（北京）
# 科技发展股份有限公司): the run before the note goes on back over the bracket.
_PLACED_HEAD = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}[（(][\u4e00-\u9fff]{2,3}[)）]$")


def _runs_on(name: str, found: dict[str, WrittenName]) -> bool:
    """Whether a stated name is a name found in a stronger shape run on into a word that ends
    no company's name (某甲德奥领薪的董监高薪酬: 某甲德奥, then its verb): no name of its own."""
    return any(
        name.startswith(f) and 0 < len(name) - len(f) <= 2 and not COMPANY_ENDING.search(name)
        for f in found
    )


def _noted_short(text: str, note: re.Match[str]) -> tuple[str, tuple[str, ...]] | None:
    """A company's short name noted after its full one (`_SHORT_NOTE`), with the full one
    (from the short one's first character on, 中国台湾晶圆代工厂某华电子 → 某华电子) when the
    short one's characters are its in order; only when the full name reads as a company's
    (not 《行动方案》, nor an association's or an agency's name)."""
    run = _run_before(text, note.start())
    short = note["short"]
    if run is not None and (placed := _PLACED_HEAD.search(text, 0, note.start() - len(run))):
        run = placed.group() + run  # 某甲所（北京）科技发展股份有限公司: one registered name
    if run is None or not (COMPANY_ENDING.search(run) or run.endswith("公司")):
        return None
    if _INVESTOR_WORDS.search(run):
        return None  # 某某股权投资基金管理有限公司（简称某某）: a holder, read as one elsewhere
    aliases: tuple[str, ...] = ()
    # from the last place the short name's first character opens, else from the first (某甲所
    # （北京）科技发展股份有限公司（以下简称：某甲科技）: the place in brackets holds 北 too)
    for at in dict.fromkeys((run.rfind(short[0]), run.find(short[0]))):
        full = run[at:] if at >= 0 else ""
        chars = iter(full)
        if full != short and all(ch in chars for ch in short):
            aliases = (full,)
            break
    return (short, aliases) if plain_company(short) else None


# Everything up to the last character no name holds, not even in a bracketed tag (whose
# letters and 股 are name characters): no run starts at or before it.
_LAST_BREAK = re.compile(rf".*[^{_NAME_CHARS}（()）]", re.DOTALL)


def _run_before(text: str, end: int) -> str | None:
    """The run of name characters that ends at `end`."""
    lo = max(0, end - 40)
    # The run is searched for after the last character none holds: from each position before
    # it, the search would run on to that character and fail, forty times over. ($ also ends
    # the window before a line break that ends it: the run may stop there.)
    stop = end - 1 if text[end - 1 : end] == "\n" else end
    if cut := _LAST_BREAK.match(text, lo, stop):
        lo = cut.end()
    run = _RUN.search(text, lo, end)
    return run.group() if run else None


# (A digit written on to a Latin letter starts the name: 5G通信ETF, 3D打印, 8K显示.)
# A date before the name is no part of it (2019年远帆汽车(600999)股价…).
_FIGURE_LEAD = re.compile(
    r"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
    r"|[\d.]+(?![\d.A-Za-z])(?:[元角%亿万股手倍]|港元|美元)*)"
)


def _coded_name(run: str, text: str) -> str | None:
    """The name in the run before a code: a fund's whole name; a company's short name, which
    a longer run holds as its tail (相信同仁堂国药(03613.HK) → 同仁堂国药): the longest tail
    the text also writes elsewhere, else the run when it is short enough to be a name. A
    figure the run starts with belongs to what came before (0.14元火炬电子(603678))."""
    name = plausible_name(_FIGURE_LEAD.sub("", run))
    if name is None and (whole := _led_name(_FIGURE_LEAD.sub("", run), text)):
        return whole
    if name is None:
        # A headline run on into the lead (青禾股份：…同比扭亏中证智能财讯青禾股份（600999）):
        # the tail the text names elsewhere is the name.
        return next(
            (
                tail
                for start in range(max(1, len(run) - MAX_LEAD), len(run) - 1)
                if text.count(tail := run[start:]) > 1 and plausible_name(tail) == tail
            ),
            None,
        )
    if kind_of(name) == "fund" or len(name) <= SHORT_NAME:
        return name
    for start in range(1, len(name) - 1):
        tail = name[start:]
        if text.count(tail) > text.count(name):
            return tail
    return None


# Characters that open listed companies' short names (同兴环保, 全柴动力, 本钢板材, 共进股份,
# 均胜电子, 正泰电器, 超图软件, 每日互动) though `plausible_name` refuses a run they open, as
# they also open generic words (同期, 全市场, 本公司). Not the conjunctions (与, 和, 及): a run
# before a code they open is more often "with <name>".
_NAME_LEADS = "同全本共均正超每"


def _led_name(run: str, text: str) -> str | None:
    """A short run before a code opened by one of `_NAME_LEADS`, whole, when the text never
    writes the rest without that character: the rest is a fragment of the name, not a name
    the character happens to precede (兴环保 of 同兴环保)."""
    if not 3 <= len(run) <= SHORT_NAME or run[0] not in _NAME_LEADS:
        return None
    rest = run[1:]
    if plausible_name(rest) != rest or text.count(rest) > text.count(run):
        return None
    return run if kind_of(run) == "company" and not STATEMENT_WORDS.search(run) else None


def _after_heading(run: str, text: str) -> str:
    """The name a markdown heading runs into (### 国际市场环境某某科技的…占比): the longest
    tail the text writes more often than the run, else the run."""
    count = text.count(run)
    return next(
        (
            t
            for t in _tails(run)
            if len(t) >= 3 and text.count(t) > count and plausible_name(t) == t
        ),
        run,
    )


def _tails(run: str) -> list[str]:
    return [run[start:] for start in range(1, len(run) - 1)]


def fund_key(name: str) -> str:
    """A fund's name in one canonical written form: the full registered name and the short
    trading name give the same key (平安短债债券型证券投资基金I类 → 平安短债债券I)."""
    key = name.translate(_FULLWIDTH).upper().replace(" ", "")
    for long, short in _FUND_WORDS:
        key = key.replace(long, short)
    key = re.sub(r"型(?=[A-Z(]|$)", "", key)
    return re.sub(r"(?<=[A-Z])[类级]$", "", key)


_FULLWIDTH = str.maketrans("（）ＡＢＣＤＥＨＩ", "()ABCDEHI")
_FUND_WORDS = (
    ("交易型开放式指数证券投资基金", "ETF"),
    ("交易型开放式指数基金", "ETF"),
    ("发起式", ""),
    ("证券投资基金", ""),
    ("集合资产管理计划", ""),
    ("基金中基金", ""),
    ("货币市场", "货币"),
    ("联接基金", "联接"),
    ("型基金", ""),
    ("基金", ""),
    ("份额", ""),
)


_SHARE_CLASS = re.compile(r"-(?:W|WR|SW|SWR|S|R|U|A|B)$", re.IGNORECASE)


def base_name(name: str) -> str:
    """A listed name without its share-class or status suffix (理想汽车-W → 理想汽车)."""
    return _SHARE_CLASS.sub("", name.strip())


def same_name(a: str, b: str) -> bool:
    """Whether two written names are one entity: equal but for a share-class suffix, or one
    fund written two ways (short trading name and full registered name)."""
    if a == b or base_name(a) == base_name(b):
        return True
    if a.removesuffix("板块") == b.removesuffix("板块"):  # 新能源汽车板块 is the sector 新能源汽车
        return True
    return kind_of(a) == kind_of(b) == "fund" and fund_key(a) == fund_key(b)


def written_names(text: str, title: str = "") -> list[WrittenName]:
    """Names the text (and its title) write in a recognisable shape, strongest shapes first."""
    found: dict[str, WrittenName] = {}
    both = f"{title}\n{text}" if title else text

    def keep(raw: str, aliases: tuple[str, ...] = (), coded: bool = False) -> None:
        # A name before a code may open with a character generic words open (`_led_name`).
        name = plausible_name(raw) or (_led_name(raw, both) if coded else None)
        if name is None or name in found:
            return
        found[name] = WrittenName(name, kind_of(name), aliases)

    for m in _FULL_TAIL.finditer(both):
        short = _run_before(both, m.start())
        full = plausible_name(m["full"])
        if short and full and _RUN.fullmatch(m["full"]):
            keep(short, (full,))
    for m in _CODE.finditer(both):
        if m["inner"]:
            keep(m["inner"])
        if (short := _run_before(both, m.start())) and (name := _coded_name(short, both)):
            keep(name, coded=True)
    bare = (
        "sh" in both
        or "sz" in both
        or "bj" in both
        or (("SH" in both or "SZ" in both or "BJ" in both) and _BARE_UPPER.search(both))
    )
    for m in _BARE_CODE.finditer(both) if bare else ():
        end = m.start()
        while end > 0 and both[end - 1] in " \u3000":
            end -= 1
        if (short := _run_before(both, end)) and (name := _coded_name(short, both)):
            if kind_of(name) == "fund":  # 爱股票提供开开实业 sh600272: a stock's code
                name = next((t for t in _tails(name) if both.count(t) > both.count(name)), "")
            keep(name, coded=True)
    for m in _GLUED_CODE.finditer(both):
        if (short := _run_before(both, m.start())) and (name := _coded_name(short, both)):
            keep(name, coded=True)
    for m in _SHORT_NOTE.finditer(both) if "简称" in both else ():
        if named := _noted_short(both, m):
            keep(*named)
    for m in _NAME_FIELD.finditer(both):
        if run := _RUN_AFTER.match(both, m.end()):
            # 证券简称：澜石科技公告编号：2025-041: a filing's next field ends the name.
            keep(_NEXT_FIELD.split(run.group(), maxsplit=1)[0])
    for m in _QUOTED.finditer(both):
        if _QUOTED_NAME.fullmatch(m["name"]):
            keep(m["name"])
    for m in _ANNOUNCER.finditer(both):
        if name := _announcer(both, m.start()):
            keep(name)
    stated: dict[str, int] = {}
    for m in _STATED.finditer(both):
        raw = _run_before(both, m.start())
        name = plausible_name(raw) if raw else None
        if name is not None and name not in found:
            # A run that starts the text, a line or a spaced-off item stands on its own:
            # as good as a name seen twice.
            start = m.start() - len(raw or "")
            alone = start == 0 or both[start - 1] in ' \n\t【[“"'
            if alone and raw == name and both[max(0, start - 2) : start] == "# ":
                name = _after_heading(name, both)
            stated[name] = stated.get(name, 0) + (2 if alone and raw == name else 1)
    for m in _DATED_FUND.finditer(both):
        # "截止2025年06月10日前海青禾稳健6个月持有期混合(FOF)C近一年涨跌幅为…": a fund's
        # data card names the fund between the date and the window.
        # The shape is strong enough to take the name whole (前海… starts like 前十大).
        if kind_of(m["name"]) == "fund" and m["name"] not in found:
            found[m["name"]] = WrittenName(m["name"], "fund")
    moves = any(word in both for word in _MOVE_WORDS)
    for m in _MOVED.finditer(both) if moves else ():
        # "4月17日，一鸣食品涨停": a name a clause opens with, right before its move.
        name = plausible_name(_MOVE_TIME.sub("", m["name"]))
        if name is not None and name not in found and kind_of(name) == "company":
            # "开开实业近5个交易日股价上涨2.85%": a window and 股价 after the name leave no
            # doubt that it is a stock's; as good as a name seen twice.
            strong = _PRICE_WINDOW.match(both, m.end("name")) is not None
            stated[name] = stated.get(name, 0) + (2 if strong else 1)
    for name, count in stated.items():
        if _runs_on(name, found):
            continue
        if count >= 2 or (title and name in title) or both.count(name) >= 2:
            found[name] = WrittenName(name, kind_of(name))
    registered = title_registered(title, text) if title else None
    if registered is not None:
        # 广州普邦园林股份有限公司的…如何？ over a body on 普邦股份: one company, two names.
        short, full = registered
        found[short] = (
            WrittenName(short, "company", (*found[short].aliases, full))
            if short in found
            else WrittenName(short, "company", (full,))
        )
    elif title and (
        lead := (
            title_lead(title, text) or title_company(title, text) or title_subject(title, text)
        )
    ):
        if lead not in found and not event_name(lead, text) and not board_name(lead):
            found[lead] = WrittenName(lead, kind_of(lead))
    return list(found.values())
