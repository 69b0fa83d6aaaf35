"""A real SMTP server (aiosmtpd) and the task worker, for the tests that deliver email.

The worker is the one TASKS_URL names: the database queue by default, Redis with
TASKS_URL=redis://… (.ci/run runs the tests marked `tasks_backend` on both).
"""

import asyncio
import email
import email.policy
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager, suppress
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone


class Inbox:
    """What the SMTP server received, as parsed email messages."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.content,
                                                      policy=email.policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port(settings) -> int:
    """The port the mailer sends to (nothing listens there until smtp_server starts)."""
    port = free_port()
    settings.MAILERS = {"default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
    }}
    return port


@pytest.fixture
def smtp_server(smtp_port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    inbox.controller = controller
    yield inbox
    controller.stop()


def rq_backend() -> bool:
    """TASKS_URL=redis://…: tasks go through Redis to `rqworker` processes."""
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend"


@pytest.fixture(autouse=True)
def empty_task_queue():
    """On Redis, each test starts and ends with an empty database (the one TASKS_URL names)."""
    if not rq_backend():
        yield
        return
    import django_rq
    redis = django_rq.get_connection("default")
    redis.flushdb()
    yield
    redis.flushdb()


@pytest.fixture
def run_worker(request):
    """Run the task worker until no task is due, as `make run` does in the background: on the
    database queue `manage.py db_worker` in this process; on Redis two `rqworker` processes."""
    def run() -> None:
        if not rq_backend():
            call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
            return
        start_worker = request.getfixturevalue("start_worker")
        with request.getfixturevalue("worker_database")() as url:
            workers = [start_worker(url) for _ in range(2)]
            assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
    return run


class DatabaseQueue:
    """The tasks waiting in the database queue (django-tasks-db)."""

    def scheduled(self, task) -> list[datetime]:
        """When the waiting runs of `task` are due, earliest first."""
        from django_tasks_db.models import DBTaskResult
        return sorted(DBTaskResult.objects.filter(
            task_path=task.module_path, status=TaskResultStatus.READY,
            run_after__isnull=False).values_list("run_after", flat=True))

    def make_due(self, task) -> None:
        """Every waiting run of `task` is due now (without waiting for its time here)."""
        from django_tasks_db.models import DBTaskResult
        DBTaskResult.objects.filter(task_path=task.module_path,
                                    status=TaskResultStatus.READY).update(
            run_after=timezone.now() - timedelta(seconds=1))


class RedisQueue:
    """The tasks waiting in RQ's schedule (django-tasks-rq); RQ counts whole seconds."""

    def __init__(self) -> None:
        import django_rq
        from rq.registry import ScheduledJobRegistry
        self.registry = ScheduledJobRegistry(queue=django_rq.get_queue("default"))

    def _jobs(self, task) -> list:
        from rq.job import Job
        jobs = Job.fetch_many(self.registry.get_job_ids(), connection=self.registry.connection)
        return [job for job in jobs if job is not None and job.func_name == task.module_path]

    def scheduled(self, task) -> list[datetime]:
        return sorted(self.registry.get_scheduled_time(job) for job in self._jobs(task))

    def make_due(self, task) -> None:
        for job in self._jobs(task):
            self.registry.schedule(job, timezone.now() - timedelta(seconds=1))


@pytest.fixture
def task_queue() -> DatabaseQueue | RedisQueue:
    """The tasks waiting for their time, on whichever backend TASKS_URL names."""
    return RedisQueue() if rq_backend() else DatabaseQueue()


@pytest.fixture
def smtp_connections(smtp_server) -> list:
    """The connections the SMTP server accepts from now on, one SMTP session each."""
    controller = smtp_server.controller
    accepted = []
    factory = controller.factory

    def accept():
        session = factory()
        accepted.append(session)
        return session

    controller.factory = accept
    return accepted


@pytest.fixture
def hang_up(smtp_server, smtp_connections):
    """Close the open connections from the server's side, as a server does when it times out an
    idle client or restarts."""
    def hang_up() -> None:
        async def close() -> None:
            for session in smtp_connections:
                if session.transport is not None:
                    session.transport.close()

        asyncio.run_coroutine_threadsafe(close(), smtp_server.controller.loop).result(timeout=5)
    return hang_up


@pytest.fixture
def refuse(smtp_server, monkeypatch):
    """Make the SMTP server refuse (550) the addresses given, for every connection from now on."""
    refused: set[str] = set()

    async def handle_RCPT(server, session, envelope, address, rcpt_options) -> str:
        if address in refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    monkeypatch.setattr(smtp_server, "handle_RCPT", handle_RCPT, raising=False)
    return refused.add


@pytest.fixture
def worker_database(tmp_path):
    """The database as `manage.py db_worker` processes see it, as a context manager giving its
    URL: the test database itself on PostgreSQL; on SQLite (in memory here) a file copy of it,
    copied back into the test database once the workers are done."""
    @contextmanager
    def shared():
        db = connection.settings_dict
        if connection.vendor == "postgresql":
            yield (f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}"
                   f"/{db['NAME']}")
            return
        connection.ensure_connection()
        path = tmp_path / "workers.sqlite3"
        with closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
        yield f"sqlite:///{path}"
        with closing(sqlite3.connect(path)) as copy:
            copy.backup(connection.connection)
    return shared


def worker_command(*, batch: bool) -> list[str]:
    """The worker as production runs it (README, "Production"); `batch`: until none is due."""
    if rq_backend():
        return ["rqworker", "default", "--job-class", "django_tasks_rq.Job", "--with-scheduler",
                *(["--burst"] if batch else [])]
    return ["db_worker", "--no-reload", "--no-startup-delay", *(["--batch"] if batch else [])]


@pytest.fixture
def start_worker(smtp_port):
    """Start the task worker as its own process (the way production runs it), delivering to
    the test SMTP server; the processes still running at the end are killed."""
    started = []

    def start(database_url: str, *, batch: bool = True, **environment) -> subprocess.Popen:
        env = {**os.environ, "DEBUG": "1", "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
               "DATABASE_URL": database_url, **environment}
        worker = subprocess.Popen(
            [sys.executable, "manage.py", *worker_command(batch=batch)],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            kill_with_descendants(worker)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError):  # ended meanwhile
            pid, rest = stat.read_text().split(" (", 1)
            tree.setdefault(int(rest.rsplit(") ", 1)[1].split()[1]), []).append(int(pid))
    return tree


def kill_with_descendants(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and every process it started, as when its machine stops (RQ runs
    each task in a child process of its own session, which a signal to the group misses)."""
    tree, pids = _children(), [worker.pid]
    for pid in pids:
        pids.extend(tree.get(pid, []))
    for pid in pids:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    worker.wait()


@pytest.fixture
def kill_worker():
    return kill_with_descendants
