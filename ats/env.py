"""Settings read from the environment.

Every helper fails loudly (ImproperlyConfigured) on a value it cannot read, so a typo in a
deployment stops the process at start-up instead of silently falling back to a default.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ats.params import whole_number

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MISSING = object()


def env_str(name: str, default: object = _MISSING) -> str:
    value = os.environ.get(name)
    if value is not None:
        return value
    if default is _MISSING:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return default  # type: ignore[return-value]


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean; use 1/0, true/false, yes/no.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEVELOPMENT_SITE_URL = "http://127.0.0.1:8000"  # where `manage.py runserver` serves


def site_url(*, debug: bool) -> str:
    """The public address that links in emails point to (without a trailing slash).

    Production must name it. In development it defaults to runserver's address; `make run`
    passes its PORT on as SITE_URL to the server and the worker, which builds emails too.
    """
    value = os.environ.get("SITE_URL", "").strip()
    if not value:
        if debug:
            return DEVELOPMENT_SITE_URL
        raise ImproperlyConfigured("Set SITE_URL, the public address that links in emails "
                                   "point to (only DEBUG=1 has a development default).")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ImproperlyConfigured(f"SITE_URL={value!r}: write it as https://host[:port].")
    return value.rstrip("/")


def _query_options(query: str) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(query).items()}


_POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}
_SQLITE_OPTIONS = {
    # The web server and the task worker write to the same file: wait for the lock instead of
    # failing, and take it up front so a read never has to upgrade.
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_from_url(url: str, base_dir: Path) -> dict:
    """`sqlite:///var/db.sqlite3` (relative to the project) or `postgres://user:pw@host:port/db`.

    dj-database-url reads the URL; this adds what it leaves to us: the ?conn_max_age= option,
    SQLite paths relative to the project, only the two databases the project runs on, and
    errors that name DATABASE_URL.
    """
    parts = urlsplit(url)
    if parts.scheme != "sqlite" and parts.scheme not in _POSTGRES_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL={_redact(url)!r}: use sqlite:///path or "
            "postgres://user:password@host:port/name."
        )
    # Connections are kept for a minute (checked before reuse) unless ?conn_max_age= says
    # otherwise: the task worker then reconnects once a minute instead of once per task.
    # dj-database-url would pass the option on to the driver, so it is taken out first.
    query = parse_qsl(parts.query, keep_blank_values=True)
    typed = dict(query).get("conn_max_age", "60")
    conn_max_age = whole_number(typed, minimum=0)
    if conn_max_age is None:
        raise ImproperlyConfigured(f"DATABASE_URL conn_max_age={typed!r} is not a number.")
    query = [(key, value) for key, value in query if key != "conn_max_age"]
    try:
        config = dict(dj_database_url.parse(
            urlunsplit(parts._replace(query=urlencode(query))),
            conn_max_age=conn_max_age,
            conn_health_checks=True,
        ))
    except ValueError as error:  # a port that is no number, a stray bracket, …
        raise ImproperlyConfigured(f"DATABASE_URL={_redact(url)!r}: {error}") from None
    options = config.get("OPTIONS", {})
    if parts.scheme == "sqlite":
        path = config["NAME"]
        if path in {"", ":memory:"}:
            raise ImproperlyConfigured(f"DATABASE_URL={_redact(url)!r} names no SQLite file.")
        name = Path(path) if Path(path).is_absolute() else base_dir / path
        name.parent.mkdir(parents=True, exist_ok=True)  # var/ does not exist in a fresh clone
        return {**config, "NAME": name, "OPTIONS": {**_SQLITE_OPTIONS, **options}}
    if not config["NAME"]:
        raise ImproperlyConfigured(f"DATABASE_URL={_redact(url)!r} names no database.")
    # django.db.backends.postgresql, which runs on psycopg 3 (requirements.txt).
    return {**config, "OPTIONS": options}


def mailers_from_url(url: str, base_dir: Path) -> dict:
    """Build Django's MAILERS from one URL.

    smtp://user:password@host:587?tls=1    STARTTLS (tls=1) or none
    smtps://user:password@host:465         implicit TLS
    console://                             print messages to the terminal
    file://var/outbox                      one .log file per connection (relative to the project)
    memory://                              django.core.mail.outbox (tests)
    anymail://postmark                     any django-anymail ESP; its keys from ANYMAIL_* variables
    """
    parts = urlsplit(url)
    options = _query_options(parts.query)
    scheme = parts.scheme
    if scheme in {"smtp", "smtps"}:
        if not parts.hostname:
            raise ImproperlyConfigured(f"EMAIL_URL={_redact(url)!r} names no host.")
        tls = options.get("tls", "0").lower() in _TRUE
        if scheme == "smtps" and tls:
            raise ImproperlyConfigured("EMAIL_URL: smtps:// is implicit TLS; drop ?tls=1.")
        config = {
            "host": parts.hostname,
            "port": parts.port or (465 if scheme == "smtps" else 587 if tls else 25),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": tls,
            "use_ssl": scheme == "smtps",
            "timeout": int(options.get("timeout", "30")),
        }
        return {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                            "OPTIONS": config}}
    if scheme == "console":
        return {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    if scheme == "memory":
        return {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    if scheme == "file":
        path = unquote(parts.netloc + parts.path)
        if not path:
            raise ImproperlyConfigured(f"EMAIL_URL={url!r} names no folder.")
        folder = Path(path) if Path(path).is_absolute() else base_dir / path
        return {"default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                            "OPTIONS": {"file_path": str(folder)}}}
    if scheme == "anymail":
        esp = parts.netloc.lower()
        if not esp.isidentifier():
            raise ImproperlyConfigured(f"EMAIL_URL={url!r}: write anymail://<esp>, e.g. anymail://postmark.")
        return {"default": {"BACKEND": f"anymail.backends.{esp}.EmailBackend"}}
    raise ImproperlyConfigured(
        f"EMAIL_URL={_redact(url)!r}: use smtp://, smtps://, console://, file://, memory:// "
        "or anymail://<esp>."
    )


_REDIS_SCHEMES = {"redis", "rediss"}
# A drain of the outbox runs until nothing is due; RQ's own limit (180 s) would cut a long one.
RQ_JOB_TIMEOUT = 3600


def tasks_from_url(url: str) -> tuple[dict, dict]:
    """TASKS, and django-rq's RQ_QUEUES, from one URL.

    db://                       the database queue (django-tasks-db; `manage.py db_worker`)
    redis://host:6379/0         Redis through django-tasks-rq (`manage.py rqworker …`)
    rediss://:password@host/0   the same over TLS
    """
    parts = urlsplit(url)
    if parts.scheme == "db" and not (parts.netloc or parts.path.strip("/")):
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, {}
    if parts.scheme not in _REDIS_SCHEMES:
        raise ImproperlyConfigured(
            f"TASKS_URL={_redact(url)!r}: use db:// (the database queue) or "
            "redis://host:6379/0.")
    try:
        port, database = parts.port, parts.path.strip("/") or "0"
    except ValueError as error:  # a port that is no number
        raise ImproperlyConfigured(f"TASKS_URL={_redact(url)!r}: {error}") from None
    if not parts.hostname or not database.isdigit():
        raise ImproperlyConfigured(
            f"TASKS_URL={_redact(url)!r}: write it as redis://host:{port or 6379}/<database "
            "number>.")
    queue = {"URL": url, "DEFAULT_TIMEOUT": RQ_JOB_TIMEOUT}
    return ({"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
            {"default": queue})


def anymail_from_environ() -> dict[str, str]:
    """ANYMAIL_POSTMARK_SERVER_TOKEN=… becomes ANYMAIL["POSTMARK_SERVER_TOKEN"]."""
    return {
        key.removeprefix("ANYMAIL_"): value
        for key, value in os.environ.items()
        if key.startswith("ANYMAIL_")
    }


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(parts.password, "***")
    return url
