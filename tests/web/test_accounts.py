from __future__ import annotations

import pytest
from sqlalchemy import select

from touyan import accounts
from touyan.store.db import Database
from touyan.store.models import ApiToken, AuthSession, User


def test_users_sessions_and_tokens_store_only_hashes(db: Database) -> None:
    user = accounts.create_user(db, "alice", "s3cret-pass", is_admin=True)
    with pytest.raises(accounts.AccountError):
        accounts.create_user(db, "ALICE", "another-pass")
    with pytest.raises(accounts.AccountError):
        accounts.create_user(db, "bob", "short")
    with pytest.raises(accounts.AccountError):
        accounts.create_user(db, "<script>", "long-enough-pass")
    assert accounts.authenticate(db, "alice", "s3cret-pass") is not None
    assert accounts.authenticate(db, "Alice ", "s3cret-pass") is not None
    assert accounts.authenticate(db, "alice", "wrong-pass") is None
    assert accounts.authenticate(db, "nobody", "s3cret-pass") is None

    token, info = accounts.start_session(db, user.id, days=1)
    assert info.user.name == "alice" and len(info.csrf_token) >= 32
    raw, api_raw = None, None
    _, api_raw = accounts.create_api_token(db, user.id, "script")
    with db.sessions() as s:
        stored = s.scalars(select(AuthSession.token_hash)).one()
        api_stored = s.scalars(select(ApiToken.token_hash)).one()
        password_hash = s.scalars(select(User.password_hash)).one()
    assert token not in stored and stored == accounts.token_hash(token)
    assert api_raw not in api_stored and api_stored == accounts.token_hash(api_raw)
    assert password_hash.startswith("$argon2")
    assert raw is None

    assert accounts.session_for(db, token) is not None
    assert accounts.session_for(db, token + "x") is None
    accounts.end_session(db, token)
    assert accounts.session_for(db, token) is None

    found = accounts.user_for_api_token(db, api_raw)
    assert found is not None and found.id == user.id
    [listed] = accounts.list_api_tokens(db, user.id)
    assert listed.last_used_at is not None
    other = accounts.create_user(db, "bob", "bob-password")
    assert not accounts.revoke_api_token(db, other.id, listed.id)  # not bob's token
    assert accounts.revoke_api_token(db, user.id, listed.id)
    assert accounts.user_for_api_token(db, api_raw) is None


def test_production_hasher_is_argon2() -> None:
    from pwdlib.hashers.argon2 import Argon2Hasher

    production = accounts.PASSWORD_HASH  # what _hasher is outside tests
    assert isinstance(production.hashers[0], Argon2Hasher)
    assert production.hash("x" * 10).startswith("$argon2id$")


def test_expired_session_is_refused(db: Database) -> None:
    user = accounts.create_user(db, "carol", "carol-password")
    token, _ = accounts.start_session(db, user.id, days=0)
    assert accounts.session_for(db, token) is None
    assert accounts.purge_expired_sessions(db) == 1


def test_login_limiter_window() -> None:
    now = [1000.0]
    limiter = accounts.LoginLimiter(3, 60, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.retry_after("ip:1", "name:a") == 0
        limiter.failed("ip:1", "name:a")
    assert limiter.retry_after("ip:1") == 60
    assert limiter.retry_after("name:a", "ip:2") == 60
    assert limiter.retry_after("ip:2") == 0
    now[0] += 30
    assert limiter.retry_after("ip:1") == 30
    limiter.succeeded("name:a")
    assert limiter.retry_after("name:a") == 0 and limiter.retry_after("ip:1") == 30
    now[0] += 30
    assert limiter.retry_after("ip:1") == 0
