"""Users, browser sessions, API tokens and the login rate limit.

Passwords are hashed with Argon2 (pwdlib). Session and API tokens are random strings handed to
the client once; the store keeps only their SHA-256 hashes, so a copy of the database opens no
account. Every session carries its own random CSRF token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from pwdlib import PasswordHash
from sqlalchemy import delete, func, select, update

from touyan.store.db import Database
from touyan.store.models import ApiToken, AuthSession, User, utcnow

NAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 256
API_TOKEN_PREFIX = "ty_"

PASSWORD_HASH = PasswordHash.recommended()  # Argon2id with pwdlib's recommended cost
_hasher = PASSWORD_HASH
# Verified against when the name is unknown, so a miss costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("touyan-timing-equaliser")


class AccountError(ValueError):
    """A request the user can fix (name taken, password too short); the message says how."""


@dataclass(frozen=True, slots=True)
class SessionInfo:
    user: User
    csrf_token: str
    expires_at: dt.datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_name(name: str) -> str:
    name = name.strip()
    if not NAME_RE.match(name):
        raise AccountError(
            "用户名需 2–32 个字符：字母、数字、汉字、_ . - / "
            "user names are 2–32 letters, digits, Chinese characters, _ . -"
        )
    return name


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(
            f"密码长度需为 {MIN_PASSWORD}–{MAX_PASSWORD} 个字符 / "
            f"passwords are {MIN_PASSWORD}–{MAX_PASSWORD} characters"
        )
    return password


def create_user(db: Database, name: str, password: str, *, is_admin: bool = False) -> User:
    name = check_name(name)
    check_password(password)
    with db.session() as session:
        taken = session.scalar(select(User.id).where(func.lower(User.name) == name.lower()))
        if taken is not None:
            raise AccountError("用户名已被占用 / this user name is taken")
        user = User(name=name, password_hash=hash_password(password), is_admin=is_admin)
        session.add(user)
        session.flush()
        session.expunge(user)
    return user


def count_users(db: Database) -> int:
    with db.sessions() as session:
        return int(session.scalar(select(func.count(User.id))) or 0)


def get_user(db: Database, user_id: int) -> User | None:
    with db.sessions() as session:
        return session.get(User, user_id)


def authenticate(db: Database, name: str, password: str) -> User | None:
    """The user for a correct name and password, else None (same cost either way)."""
    with db.sessions() as session:
        user = session.scalar(select(User).where(func.lower(User.name) == name.strip().lower()))
    if user is None or user.disabled:
        _hasher.verify(password, _DUMMY_HASH)
        return None
    valid, new_hash = _hasher.verify_and_update(password, user.password_hash)
    if not valid:
        return None
    if new_hash is not None:
        with db.session() as session:
            session.execute(update(User).where(User.id == user.id).values(password_hash=new_hash))
    return user


# -- browser sessions -------------------------------------------------------------------------


def start_session(db: Database, user_id: int, *, days: int) -> tuple[str, SessionInfo]:
    """A new session: the raw token (for the cookie) and what the server keeps about it."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = utcnow() + dt.timedelta(days=days)
    with db.session() as session:
        session.add(
            AuthSession(
                token_hash=token_hash(token), user_id=user_id, csrf_token=csrf, expires_at=expires
            )
        )
        user = session.get(User, user_id)
        assert user is not None
        session.expunge(user)
    return token, SessionInfo(user=user, csrf_token=csrf, expires_at=expires)


def session_for(db: Database, token: str) -> SessionInfo | None:
    if not token:
        return None
    with db.sessions() as session:
        row = session.execute(
            select(AuthSession, User)
            .join(User, User.id == AuthSession.user_id)
            .where(AuthSession.token_hash == token_hash(token))
        ).first()
    if row is None:
        return None
    auth, user = row
    if auth.expires_at <= utcnow() or user.disabled:
        return None
    return SessionInfo(user=user, csrf_token=auth.csrf_token, expires_at=auth.expires_at)


def end_session(db: Database, token: str) -> None:
    with db.session() as session:
        session.execute(delete(AuthSession).where(AuthSession.token_hash == token_hash(token)))


def purge_expired_sessions(db: Database) -> int:
    with db.session() as session:
        result = session.execute(delete(AuthSession).where(AuthSession.expires_at <= utcnow()))
        return int(getattr(result, "rowcount", 0) or 0)


# -- API tokens -------------------------------------------------------------------------------


def create_api_token(db: Database, user_id: int, name: str) -> tuple[ApiToken, str]:
    """A new token; the raw value is returned once and never stored."""
    name = name.strip()[:64] or "token"
    raw = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.session() as session:
        row = ApiToken(user_id=user_id, name=name, token_hash=token_hash(raw))
        session.add(row)
        session.flush()
        session.expunge(row)
    return row, raw


def list_api_tokens(db: Database, user_id: int) -> list[ApiToken]:
    with db.sessions() as session:
        return list(
            session.scalars(
                select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
            )
        )


def revoke_api_token(db: Database, user_id: int, token_id: int) -> bool:
    """Delete one of the user's tokens; False when no such token is theirs."""
    with db.session() as session:
        result = session.execute(
            delete(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id)
        )
        return bool(getattr(result, "rowcount", 0))


def user_for_api_token(db: Database, raw: str) -> User | None:
    if not raw.startswith(API_TOKEN_PREFIX):
        return None
    with db.session() as session:
        row = session.execute(
            select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(ApiToken.token_hash == token_hash(raw))
        ).first()
        if row is None or row[1].disabled:
            return None
        token, user = row
        token.last_used_at = utcnow()
        session.flush()
        session.expunge(user)
    return user


# -- login rate limit -------------------------------------------------------------------------


class LoginLimiter:
    """Failed logins per key (client address, account name) within a sliding window.

    Kept in memory per process: with N web processes an attacker gets at most N times the
    budget, which still turns an online guessing attack from millions of tries into dozens.
    """

    def __init__(
        self, max_failures: int, window_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def retry_after(self, *keys: str) -> int:
        """Seconds until a login may be tried again, 0 when it may be tried now."""
        now = self.clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                times = self._recent(key, now)
                if len(times) >= self.max_failures:
                    wait = max(wait, self.window - (now - times[0]))
        return int(wait) + (1 if wait > int(wait) else 0)

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)
            if len(self._failures) > 10_000:  # drop idle keys so memory stays bounded
                for key in [k for k, v in self._failures.items() if not v]:
                    del self._failures[key]

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
