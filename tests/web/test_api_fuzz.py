"""Schemathesis against the OpenAPI schema: no request the schema allows gives a server error.

Every operation is driven with generated inputs, anonymously and as a logged-in user with an
API token, over a store holding the demo corpus and the seed-story feed.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touyan import accounts
from touyan.cli.demo import demo_files
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.models import Analysis


@pytest.fixture
def token(db: Database, feed: dict[str, Analysis]) -> str:
    ingest(db, demo_files()[:8])
    user = accounts.create_user(db, "fuzzer", "fuzzer-password-1")
    return accounts.create_api_token(db, user.id, "fuzz")[1]


def test_no_input_the_schema_allows_gives_a_server_error(
    app: FastAPI, token: str, engine: str
) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy(), authed=st.booleans())
        @settings(
            max_examples=12,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case, authed: bool) -> None:
            headers = {"Authorization": f"Bearer {token}"} if authed else {}
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code}")

        check()
    assert failures == []
