"""Settings from the environment (TOUYAN_*), validated once and shared by CLI, web and workers."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a deployment may change; the defaults give the embedded, offline setup."""

    model_config = SettingsConfigDict(env_prefix="TOUYAN_", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default_factory=lambda: platformdirs.user_data_path("touyan"))
    db_url: str | None = None
    max_file_bytes: int = 50_000_000
    chunk_chars: int = 500
    fetch_timeout: float = 20.0  # total seconds for one URL, redirects included
    # Off by default: user-given URLs may not reach loopback, private or link-local addresses.
    fetch_allow_private: bool = False
    # Jobs: threads of the in-process runner (SQLite) and default `touyan worker` concurrency.
    worker_concurrency: int = Field(default=4, ge=1)
    # A worker sends a heartbeat this often; one silent for `worker_stalled_seconds` is dead
    # and its jobs are handed to another worker.
    worker_heartbeat_seconds: float = Field(default=10.0, gt=0)
    worker_stalled_seconds: float = Field(default=30.0, gt=0)
    feed_refresh_minutes: int = Field(default=30, ge=0)  # 0 turns the periodic refresh off
    task_modules: str = ""  # extra comma-separated modules that register job handlers
    # LLM: unset model means the offline engine. OPENAI_* are honoured as fallbacks.
    llm_provider: str = "auto"  # auto | openai | offline
    llm_model: str | None = Field(
        default=None, validation_alias=AliasChoices("TOUYAN_LLM_MODEL", "OPENAI_MODEL")
    )
    llm_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("TOUYAN_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_api_key: str | None = Field(
        default=None, validation_alias=AliasChoices("TOUYAN_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_timeout: float = 60.0
    llm_max_retries: int = 3
    llm_facts: bool = False  # also extract facts with the model at ingest (one call per chunk)
    # Unsupported sentences of a model's draft are replaced by 「数据缺失」 (offline drafts are
    # quoted from the evidence; strict there only matters when a quote is mis-attributed).
    strict_verification: bool = True
    # Per-user limits (0 turns one off); counted in the database, so they hold across processes.
    ask_per_minute: int = 10
    # A worker's hold on a run; one that dies without releasing it is taken over after this.
    run_lease_seconds: int = 120
    research_per_hour: int = 20
    # Web: accounts and sessions. No server secret is needed: session and API tokens are random
    # and only their SHA-256 hashes are stored; CSRF tokens are random per session.
    allow_registration: bool = True
    session_days: int = 14
    cookie_secure: bool = False  # set TOUYAN_COOKIE_SECURE=1 when served over HTTPS
    login_max_failures: int = 5  # per client address and per account name …
    login_window_seconds: int = 300  # … within this many seconds, then 429 until it passes
    upload_max_files: int = 20
    max_request_bytes: int = 100_000_000  # a larger request body is refused with 413

    def database_url(self) -> str:
        """The configured database, or a SQLite file in the data dir when none is set."""
        if self.db_url:
            return self.db_url
        return f"sqlite:///{self.data_dir / 'touyan.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
