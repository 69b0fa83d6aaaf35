"""Settings come from the environment and refuse values they cannot read."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from ats import env

BASE = Path(__file__).resolve().parents[2]


def test_a_bad_boolean_stops_the_start(monkeypatch):
    monkeypatch.setenv("DEBUG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env.env_bool("DEBUG", False)


def test_a_missing_required_value_is_named(monkeypatch):
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="NOT_SET_ANYWHERE"):
        env.env_str("NOT_SET_ANYWHERE")


def test_sqlite_urls_are_relative_to_the_project():
    config = env.database_from_url("sqlite:///var/db.sqlite3", BASE)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == BASE / "var" / "db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"  # web and worker share the file


def test_absolute_sqlite_paths_stay_absolute(tmp_path):
    config = env.database_from_url(f"sqlite:///{tmp_path}/other.sqlite3", BASE)
    assert config["NAME"] == tmp_path / "other.sqlite3"


def test_postgres_urls_become_a_psycopg_database():
    config = env.database_from_url("postgres://ats:s%40cret@db.example:5433/ats?sslmode=require",
                                   BASE)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("ats", "ats", "s@cret")
    assert (config["HOST"], config["PORT"]) == ("db.example", 5433)  # dj-database-url's int
    assert config["OPTIONS"] == {"sslmode": "require"}


def test_connections_are_kept_a_minute_unless_the_url_says_otherwise():
    """The task worker would otherwise reconnect for every message it delivers."""
    assert env.database_from_url("postgres://db.example/ats", BASE)["CONN_MAX_AGE"] == 60
    assert env.database_from_url("sqlite:///var/db.sqlite3", BASE)["CONN_MAX_AGE"] == 60
    config = env.database_from_url("postgres://db.example/ats?conn_max_age=0", BASE)
    assert (config["CONN_MAX_AGE"], config["OPTIONS"]) == (0, {})
    with pytest.raises(ImproperlyConfigured, match="conn_max_age"):
        env.database_from_url("sqlite:///var/db.sqlite3?conn_max_age=soon", BASE)


def test_an_unknown_database_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.database_from_url("mysql://x/y", BASE)


@pytest.mark.parametrize("url", ["postgres://db.example", "postgres://db.example/", "sqlite://",
                                 "sqlite:///", "sqlite://:memory:"])
def test_a_database_url_without_a_database_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL.*names no"):
        env.database_from_url(url, BASE)


def test_an_unreadable_database_url_is_named_without_its_password():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL") as error:
        env.database_from_url("postgres://ats:secret@db.example:port/ats", BASE)
    assert "secret" not in str(error.value)


def test_smtp_urls_become_a_mailer_with_tls():
    mailers = env.mailers_from_url("smtp://user:p%40ss@mail.example:587?tls=1", BASE)
    options = mailers["default"]["OPTIONS"]
    assert mailers["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert options["host"] == "mail.example" and options["port"] == 587
    assert options["username"] == "user" and options["password"] == "p@ss"
    assert options["use_tls"] is True and options["use_ssl"] is False


def test_smtps_means_implicit_tls_on_port_465():
    options = env.mailers_from_url("smtps://u:p@mail.example", BASE)["default"]["OPTIONS"]
    assert (options["port"], options["use_ssl"], options["use_tls"]) == (465, True, False)


def test_an_anymail_url_chooses_the_esp_backend():
    mailers = env.mailers_from_url("anymail://postmark", BASE)
    assert mailers["default"]["BACKEND"] == "anymail.backends.postmark.EmailBackend"


def test_the_file_outbox_is_relative_to_the_project():
    mailers = env.mailers_from_url("file://var/outbox", BASE)
    assert mailers["default"]["OPTIONS"]["file_path"] == str(BASE / "var" / "outbox")


def test_a_bad_email_url_is_refused_without_showing_the_password():
    with pytest.raises(ImproperlyConfigured) as error:
        env.mailers_from_url("smpt://user:secret@host", BASE)
    assert "secret" not in str(error.value)


def test_anymail_keys_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ANYMAIL_POSTMARK_SERVER_TOKEN", "token-123")
    assert env.anymail_from_environ()["POSTMARK_SERVER_TOKEN"] == "token-123"


def test_the_database_queue_is_the_default_task_backend():
    tasks, queues = env.tasks_from_url("db://")
    assert tasks == {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert queues == {}


def test_a_redis_url_makes_rq_the_task_backend_with_its_queue():
    tasks, queues = env.tasks_from_url("redis://:s3cret@redis.internal:6380/2")
    assert tasks["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert tasks["default"]["QUEUES"] == ["default"]
    assert queues["default"]["URL"] == "redis://:s3cret@redis.internal:6380/2"


@pytest.mark.parametrize("url", ["rabbit://queue.internal", "db://elsewhere", "redis://",
                                 "redis://redis.internal:port/0", "redis://redis.internal/zero",
                                 "redis:///0"])
def test_a_task_url_that_cannot_be_read_names_tasks_url(url):
    with pytest.raises(ImproperlyConfigured, match="TASKS_URL"):
        env.tasks_from_url(url)


def test_a_bad_task_url_is_refused_without_showing_the_password():
    with pytest.raises(ImproperlyConfigured, match="TASKS_URL") as error:
        env.tasks_from_url("redis://:s3cret@redis.internal/zero")
    assert "s3cret" not in str(error.value)


SET_BY_TESTS = {"DEBUG", "SECRET_KEY", "EMAIL_URL", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT",
                "SECURE_COOKIES", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE",
                "ANYMAIL_WEBHOOK_SECRET", "SITE_URL", "TASKS_URL"}


def _manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SET_BY_TESTS}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE, capture_output=True,
                          text=True, env={**clean, **environ}, timeout=120)


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k7#Qv9!pL2@xR5$wT8^zN1&mB4*cJ6(hF3)dG0-sY9+aE2=uI5_oP8~lK1",
    "ALLOWED_HOSTS": "ats.example.com",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example.com:587?tls=1",
    "SITE_URL": "https://ats.example.com",
}


def test_production_settings_pass_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_about_an_email_provider_without_a_webhook_secret():
    esp = {**PRODUCTION, "EMAIL_URL": "anymail://postmark"}
    assert "ats.W001" in _manage("check", "--deploy", **esp).stderr
    result = _manage("check", "--deploy", **esp, ANYMAIL_WEBHOOK_SECRET="tracker:s3cret")
    assert "ats.W001" not in result.stderr + result.stdout


def test_the_old_proxy_count_setting_stops_the_start_instead_of_being_ignored():
    result = _manage("check", **PRODUCTION, AXES_PROXY_COUNT="1")
    assert result.returncode != 0 and "TRUSTED_PROXY_COUNT" in result.stderr


def test_with_redis_the_rq_apps_are_installed_and_its_worker_is_there():
    result = _manage("rqworker", "--help", **PRODUCTION, TASKS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert "--with-scheduler" in result.stdout and "--job-class" in result.stdout


def test_without_redis_the_rq_apps_stay_out():
    result = _manage("rqworker", "--help", **PRODUCTION)
    assert result.returncode != 0 and "Unknown command" in result.stderr


def test_a_bad_task_url_stops_the_start():
    result = _manage("check", **PRODUCTION, TASKS_URL="amqp://broker")
    assert result.returncode != 0 and "TASKS_URL" in result.stderr


def test_without_debug_a_secret_key_is_required():
    result = _manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_without_debug_the_site_url_is_required():
    """Links in emails must never point at a developer's machine."""
    result = _manage("check", **{k: v for k, v in PRODUCTION.items() if k != "SITE_URL"})
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_development_links_point_at_the_development_server(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert env.site_url(debug=True) == "http://127.0.0.1:8000"
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9000/")
    assert env.site_url(debug=True) == "http://127.0.0.1:9000"
    assert env.site_url(debug=False) == "http://127.0.0.1:9000"


def test_a_site_url_without_scheme_or_host_is_refused(monkeypatch):
    monkeypatch.setenv("SITE_URL", "ats.example.com")
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        env.site_url(debug=False)


def _make_run(port: str, **environ: str) -> list[str]:
    """The commands `make run PORT=…` would start, in `environ` (not this test's SITE_URL)."""
    clean = {k: v for k, v in os.environ.items() if k not in SET_BY_TESTS}
    result = subprocess.run(["make", "--dry-run", "run", f"PORT={port}"], cwd=BASE,
                            capture_output=True, text=True, env={**clean, **environ},
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_make_run_passes_its_port_to_the_links_of_the_server_and_the_worker():
    commands = _make_run("9000")
    server = next(line for line in commands if "runserver" in line)
    assert "SITE_URL=http://127.0.0.1:9000 " in server and "127.0.0.1:9000" in server
    worker = next(line for line in commands if "db_worker" in line)
    assert "SITE_URL=http://127.0.0.1:9000 " in worker


def test_make_run_keeps_a_site_url_that_was_set():
    commands = _make_run("9000", SITE_URL="https://ats.test")
    assert all("SITE_URL=https://ats.test " in line for line in commands
               if "runserver" in line or "db_worker" in line)
