"""News analysis: sentiment, market, tags, summary and related articles of documents.

`label_text(text, title=...)` gives all labels of one text; `Labeller` does the same with a
store's entity dictionary and corpus statistics (used at ingest and by `touyan relabel`);
`touyan.analysis.related` finds related, previous and next documents for a page view.
"""

from touyan.analysis.labels import Labeller, Labels, label_columns, label_text
from touyan.analysis.market import MARKET_NAMES_EN, MARKET_NAMES_ZH
from touyan.analysis.sentiment import LABEL_NAMES_EN, LABEL_NAMES_ZH
from touyan.analysis.tags import Idf, tag_names

__all__ = [
    "LABEL_NAMES_EN",
    "LABEL_NAMES_ZH",
    "MARKET_NAMES_EN",
    "MARKET_NAMES_ZH",
    "Idf",
    "Labeller",
    "Labels",
    "label_columns",
    "label_text",
    "tag_names",
]
