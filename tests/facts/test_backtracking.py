"""Rules whose regexes could backtrack without end on one long run of dates.

A holder's trade spelled over several dates (于2023年3月7日至2023年5月2日间…减持) once took a
second per sentence, and each further date multiplied that: a news item could stall ingest. The
extraction runs in a child process so that a regression fails here instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import extract_facts

dates = "2023年3月17日至" * 4 + "2023年5月23日间"
text = "甲乙药业公告，其股东王某某于" + dates + "合计减持206.30万股。"
facts = extract_facts(text, title="", published_at=None,
                      entities=EntityDictionary.of(bundled_entities()))
print(sorted((f.metric, str(f.value)) for f in facts))
"""


def test_a_trade_over_a_run_of_dates_is_read_promptly() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=60, check=True
    )
    assert "('shares_sold', '2063000')" in done.stdout
