"""The check every XSS test makes: nothing in the HTML can run.

The markup is parsed (not pattern-matched), so escaped text inside attribute values or
text nodes counts as the harmless text it is, while any real element or attribute that
could run code fails the test.
"""

from __future__ import annotations

from html.parser import HTMLParser

OWN_SCRIPTS = {"/static/app.js", "/static/chat.js", "/static/research.js"}
DANGEROUS_TAGS = {"script", "iframe", "img", "object", "embed", "svg", "math", "form_evil"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src") in OWN_SCRIPTS and len(attrs) <= 2:
            return
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name in URL_ATTRS and value:
                scheme = value.strip().lower().replace("\t", "").replace("\n", "")
                if scheme.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.problems.append(f"{name}={value!r} on <{tag}>")


def assert_inert(html: str) -> None:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    assert not collector.problems, collector.problems
