"""Jinja2 templates and the helpers every page uses (labels, dates, translations)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.responses import Response

from touyan.research.export import DISCLAIMER, format_date, verification_line
from touyan.research.feed import label
from touyan.research.render import reference_label, render_markdown
from touyan.text.numbers import is_physical
from touyan.web.deps import get_viewer
from touyan.web.i18n import Translator, request_lang

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def _markdown(body: str, references: list[Any] | None = None) -> Markup:
    return Markup(render_markdown(body, references))  # noqa: S704 - sanitised by nh3


def safe_url(url: object) -> str:
    """Only http(s) links are rendered as links: never javascript:, data: or relative tricks."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


CURRENCY_NAMES = {"USD": ("美元", "US$"), "CNY": ("元", "¥"), "HKD": ("港元", "HK$")}
UNIT_NAMES = {
    "%": "%",
    "‰": "‰",
    "pp": " pp",
    "bp": " bp",
    "times": "×",
    "shares": "股",
    "count": "",
}


def _plain(value: Decimal, *, grouped: bool = False) -> str:
    text = format(value.normalize(), ",f" if grouped else "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_figure(value: Decimal, unit: str, currency: str | None, lang: str) -> str:
    """A fact's value as a reader writes it: 450亿美元 / US$45 billion, 12.5%, 3,000股, 8.3亿吨,
    6.22万手."""
    if unit in UNIT_NAMES and unit != "count" and unit != "shares":
        return f"{_plain(value)}{UNIT_NAMES[unit]}"
    zh, symbol = CURRENCY_NAMES.get(currency or "", (currency or "", (currency or "") + " "))
    magnitude = abs(value)
    if lang == "en":
        for size, word in ((Decimal(10) ** 12, " trillion"), (Decimal(10) ** 9, " billion"),
                           (Decimal(10) ** 6, " million")):  # fmt: skip
            if magnitude >= size:
                number = f"{_plain(value / size)}{word}"
                break
        else:
            number = _plain(value, grouped=True)
        suffix = " shares" if unit == "shares" else f" {unit}" if is_physical(unit) else ""
        suffix = unit if unit.startswith("/") else suffix  # ¥13.47/千克: a price per unit
        return f"{symbol}{number}{suffix}" if currency else f"{number}{suffix}"
    for size, word in (
        (Decimal(10) ** 12, "万亿"),
        (Decimal(10) ** 8, "亿"),
        (Decimal(10) ** 4, "万"),
    ):
        if magnitude >= size:
            number = f"{_plain(value / size)}{word}"
            break
    else:
        number = _plain(value)
    return f"{number}{zh}" + ("股" if unit == "shares" else unit if is_physical(unit) else "")


def _query(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", 0)})


templates.env.globals.update(
    label=label,
    format_date=format_date,
    reference_label=reference_label,
    verification_line=verification_line,
    markdown=_markdown,
    query=_query,
    safe_url=safe_url,
    format_figure=format_figure,
)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    lang = request_lang(request)
    viewer = get_viewer(request)
    settings = request.app.state.settings
    base = {
        "viewer": viewer,
        "user": viewer.user,
        "csrf_token": viewer.csrf_token,
        "lang": lang,
        "t": Translator(lang),
        "disclaimer": DISCLAIMER[lang],
        "registration_open": settings.allow_registration,
        "path": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
    }
    return templates.TemplateResponse(
        request, name, {**base, **(context or {})}, status_code=status_code
    )
