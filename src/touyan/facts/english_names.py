"""The company an English filing's statement page heads itself with, by its legal name.

A US filing's statements open with the registrant's legal name on a line of its own, over or
under the statement's title:

    ACTIVISION BLIZZARD, INC. AND SUBSIDIARIES
    CONSOLIDATED BALANCE SHEETS
    (Amounts in millions, except share data)

A page cut from the filing names its company nowhere else, and the dictionary knows only some
registrants. The heading's name is the company the page's figures are about: it is read as
a written name (as a Chinese text's registered name is), its legal form and the subsidiaries
dropped for the name the facts carry ("Activision Blizzard"), the heading as written kept as
its alias. Only a line that ends in a legal form, near a statement's title, is read: a page's
running header or a note naming a counterparty is left alone.
"""

from __future__ import annotations

import re

from touyan.facts.names import WrittenName

# A line holding only a legal name: words from a capital letter, then the legal form, then
# perhaps "and Subsidiaries" ("American Water Works Company, Inc. and Subsidiary Companies");
# or a name with no legal form whose "and Subsidiaries" says it is the group's ("MGM RESORTS
# INTERNATIONAL AND SUBSIDIARIES").
_FORM = (
    r",?[ ](?:Inc\.?|INC\.?|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp\.|CORP\."
    r"|Company,?[ ]Inc\.|COMPANY,?[ ]INC\.|Company|COMPANY|Holdings,?[ ]Inc\.|HOLDINGS,?[ ]INC\."
    r"|plc|PLC|N\.V\.|S\.A\.|Ltd\.|LTD\.|Limited|LIMITED)"
)
_GROUP = (
    r"[ ]+(?:and|AND)[ ]+(?:Subsidiar(?:y|ies)|SUBSIDIAR(?:Y|IES))(?:[ ]+Companies|[ ]+COMPANIES)?"
)
_LEGAL_LINE = re.compile(
    r"(?m)^[^\S\n]*(?P<written>(?:The[ ]|THE[ ])?"
    r"(?P<name>[A-Z][A-Za-z0-9&.'\-]*(?:[ ][A-Za-z0-9&.'\-]+){0,5}?)"
    rf"(?:(?P<form>{_FORM})|(?={_GROUP})))(?:{_GROUP})?[^\S\n]*$"
)
# A statement's title, which the legal name sits beside.
_STATEMENT_TITLE = re.compile(
    r"(?i)\b(?:consolidated|condensed)\b[^\n]{0,40}\b(?:statements?|balance\s+sheets?)\b"
    r"|\b(?:statements?\s+of\s+(?:operations|income|earnings|cash\s+flows|financial\s+position)"
    r"|balance\s+sheets?|income\s+statements?)\b"
)
_NEAR = 200  # characters between the name's line and the statement's title
_HEAD = 600  # how far into the page its heading may sit
_HAN = re.compile(r"[\u4e00-\u9fff]")


def heading_names(text: str) -> list[WrittenName]:
    """The registrant a statement page heads itself with, if it does (one at most)."""
    if _HAN.search(text, 0, _HEAD):
        return []
    for line in _LEGAL_LINE.finditer(text, 0, _HEAD):
        title = _STATEMENT_TITLE.search(
            text, max(0, line.start() - _NEAR), min(len(text), line.end() + _NEAR)
        )
        if title is None:
            continue
        name = _plain(line["name"])
        return [WrittenName(name, "company", (line["written"].strip(),))]
    return []


def _plain(name: str) -> str:
    """A name set in capitals (ACTIVISION BLIZZARD) as a name is written (Activision
    Blizzard); short words in capitals (MGM, AES) stay so."""
    if not name.isupper():
        return name
    return " ".join(
        word if len(word) <= 3 else "-".join(part.capitalize() for part in word.split("-"))
        for word in name.split()
    )
