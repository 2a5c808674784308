"""Chinese first, English available: the locale of a request and the strings that depend on it.

Templates write both languages side by side (`t("资讯", "Feed")`), so a page reads naturally in
the source and a missing translation cannot happen silently.
"""

from __future__ import annotations

from starlette.requests import Request

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LANG_COOKIE = "touyan_lang"


def request_lang(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


class Translator:
    """`t(zh, en)` picks the string for the request's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh
