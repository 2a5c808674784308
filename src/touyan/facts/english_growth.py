"""An English figure's change and the level it reached, said in one breath.

    Full-Year net sales growth of 2.4% to $45.3 billion
    worldwide sales increased 1.7% to $44.1 billion
    reported sales decline of 3.1% to $11.2 billion

2.4% is the net sales' growth on the year before, $45.3 billion the net sales themselves. The
change alone ("an increase of 9% compared to 2030") is not read here: only the change that
runs on to the level ("... to $"), whose sentence says what both are of.
"""

from __future__ import annotations

import re

from touyan.facts.extract import label_before

# increased, grew by, growth of; decreased, declined, decline of: the change's word, right
# before its percentage.
_CHANGE = re.compile(
    r"(?:(?P<up>increased|rose|grew|growth\s+of|increase\s+of)"
    r"|(?P<down>decreased|fell|declined|decline\s+of|decrease\s+of))(?:\s+by)?\s+$",
    re.IGNORECASE,
)
_REACH = 24  # the change's words, back from the percentage
# "3.1% to $": the percentage's end to the level's start
_TO_LEVEL = re.compile(r"\s*to\s+(?=\$)")
# the change's words and percentage, right before the level ("grew 1.7% to ")
_CHANGE_TO = re.compile(
    r"(?:increased|rose|grew|growth\s+of|increase\s+of|decreased|fell|declined|decline\s+of"
    r"|decrease\s+of)(?:\s+by)?\s+\d+(?:\.\d+)?\s?%\s*to\s+$",
    re.IGNORECASE,
)
_LEVEL_REACH = 48


def change_to_level(text: str, start: int, end: int, percent: bool) -> tuple[str, int, bool] | None:
    """For the figure at `start`..`end` (a percentage when `percent`), the metric it states,
    where its label starts and whether it is a fall: "sales growth of [2.4%] to $" states
    revenue_yoy, "sales growth of 2.4% to [$45.3 billion]" revenue."""
    if percent:
        change = _CHANGE.search(text, max(0, start - _REACH), start)
        if change is None or not _TO_LEVEL.match(text, end):
            return None
        labelled = label_before(text, change.start())
        if labelled is None:
            return None
        return f"{labelled[0]}_yoy", labelled[1], change["down"] is not None
    if text[start : start + 1] != "$":
        return None
    run = _CHANGE_TO.search(text, max(0, start - _LEVEL_REACH), start)
    if run is None:
        return None
    labelled = label_before(text, run.start())
    return (labelled[0], labelled[1], False) if labelled else None
