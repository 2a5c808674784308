"""Which provider the settings ask for: a configured model, else none (the offline engine)."""

from __future__ import annotations

from touyan.config import Settings
from touyan.llm.base import Provider
from touyan.llm.openai_compat import OpenAIProvider


def provider_from_settings(settings: Settings) -> Provider | None:
    """An OpenAI-compatible provider when a model is configured; None means offline."""
    if settings.llm_provider == "offline" or not settings.llm_model:
        return None
    return OpenAIProvider(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
    )
