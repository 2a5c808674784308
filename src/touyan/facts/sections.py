"""Where a text's sections begin: numbered headings (二、, ### 2.) and Markdown levels.

A period named under one heading dates the figures of its section, not a later sibling's
(`dating.date_for`, `read_dates`): kept apart from the dating rules because it reads the
text's layout, not its words of time.
"""

from __future__ import annotations

import functools
import re

# A numbered section's heading (二、, ### ), after a stop, a colon or a space.
# (Its first character read as a class and checked by lookbehinds: a pattern that opens with
# a class is scanned for it in native code.)
_SECTION_MARK = re.compile(
    r"[一二三四五六七八九十#](?:(?<=[。！？!?\s”\"：:*][一二三四五六七八九十])[一二三四五六七八九十]?、"
    r"|(?<=#)#+\s*)"
)


@functools.lru_cache(maxsize=4)
def section_marks(text: str) -> tuple[int, ...]:
    """Where each section heading of `text` ends, read once a text."""
    if "、" not in text and "##" not in text:
        return ()
    return tuple(m.end() for m in _SECTION_MARK.finditer(text))


# A Markdown heading (### 2. 全面AI战略, #### 业务结构): its level, and whether it numbers a
# point (1. 二、), one of a list of points each argued with its own figures.
_HEADING = re.compile(r"(?<!#)(#{1,6})[^\S\n]*(\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)?")


@functools.lru_cache(maxsize=4)
def _headings(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Where each Markdown heading of `text` starts, its level and whether it is numbered."""
    return tuple(
        (m.start(), len(m.group(1)), m.group(2) is not None) for m in _HEADING.finditer(text)
    )


def section_closed(text: str, at: int, to: int) -> bool:
    """Whether the section a period is named in at `at` is over by `to`: a heading between
    them as high as its own (### 三、 after ### 二、) or higher (### 公司产品分析 after
    #### 行业地位). A sibling sub-heading that is no numbered point goes on with its parent's
    report (#### 盈利能力 2025年第一季度…。#### 资产与负债结构 总资产…), and a period named
    before any heading is the whole text's."""
    headings = _headings(text)
    own = next((h for h in reversed(headings) if h[0] < at), None)
    if own is None:
        return False
    return any(
        level < own[1] or (level == own[1] and numbered)
        for start, level, numbered in headings
        if at < start < to
    )
