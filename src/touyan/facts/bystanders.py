"""Names a text writes that its figures are not about: an exchange a company lists on, the
house whose report a headline cites.

An exchange that is itself a listed company (港交所) is in the dictionary as a company, so a
headline naming it (某某科技通过港交所聆讯) would make it what the text is about and give it
the listing company's revenue. Named as the venue of a listing (通过港交所聆讯, 登陆纽交所,
冲刺上交所IPO) or as where a filing was read (港交所文件显示), the exchange is neither the
text's topic nor the lead of the figures after it; named otherwise (港交所第三季度收入) it is.

A headline citing a house's report (某某银行报告：某币被低估) is about what the report says,
not about the house: the figures its body gives (the market's rate, a forward's quote) are
no more the house's than the exchange's are.
"""

from __future__ import annotations

import re

from touyan.facts.entities import Mention

# How an exchange's name or short name ends (上海证券交易所, 港交所, 香港交易所, 纽交所).
_EXCHANGE_FORM = re.compile(r"(?:交所|交易所|交易及结算所(?:有限公司)?)$")
# A listing's steps after the venue (港交所上市, 纽交所IPO, 港交所主板挂牌, 联交所递表).
_LISTING_AFTER = re.compile(
    r"\s*(?:主板|创业板|科创板|GEM)?\s*(?:上市|聆讯|IPO|挂牌|递表|递交|招股|敲钟|首发)",
    re.IGNORECASE,
)
# ... and the moves toward it before (登陆纽交所, 赴港交所, 冲刺港交所, 通过了港交所).
_LISTING_BEFORE = re.compile(r"(?:登陆|登录|赴|冲刺|通过了?|获|向|闯关)\s*$")
# Where a filing was read (港交所文件显示, 港交所披露易资料显示): the source of others' figures.
_FILING_AFTER = re.compile(r"\s*(?:文件|资料|文件资料|披露易|网站|官网|公告)?(?:显示|指出)")


def exchange(mention: Mention) -> bool:
    """Whether a name is a stock exchange's, as written or as the dictionary has it."""
    return bool(_EXCHANGE_FORM.search(mention.text) or _EXCHANGE_FORM.search(mention.entity.name))


def listing_venue(text: str, mention: Mention) -> bool:
    """Whether an exchange is named as where a company lists (某某通过港交所聆讯)."""
    if not exchange(mention):
        return False
    before = text[max(0, mention.start - 4) : mention.start]
    return bool(_LISTING_AFTER.match(text, mention.end) or _LISTING_BEFORE.search(before))


def filing_source(text: str, mention: Mention) -> bool:
    """Whether an exchange is named as where a filing was read (港交所文件显示)."""
    return exchange(mention) and _FILING_AFTER.match(text, mention.end) is not None


# A report its headline name wrote (某某报告：…, 某某研报称…); its own reports are named for
# what they report (年报, 财报, 业绩报告), which never follow the name bare.
_REPORT_AFTER = re.compile(
    r"\s*(?:最新|发布|发布的)?\s*(?:研报|报告|研究报告|策略报告)\s*(?:[:：|｜]|称|显示|指出|认为|预计)"
)


def report_author(title: str, mention: Mention) -> bool:
    """Whether a headline names a house as the author of the report it cites (某某报告：…)."""
    return _REPORT_AFTER.match(title, mention.end) is not None
