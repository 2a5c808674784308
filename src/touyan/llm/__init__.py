"""LLM providers behind one small protocol; see `base.py`. `provider_from_settings` picks one."""

from touyan.llm.base import Completion, LLMError, Message, Provider, Usage
from touyan.llm.factory import provider_from_settings
from touyan.llm.scripted import ScriptedProvider

__all__ = [
    "Completion",
    "LLMError",
    "Message",
    "Provider",
    "ScriptedProvider",
    "Usage",
    "provider_from_settings",
]
