"""The project's settings, with the environment a test run needs (one settings module only)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else-4b1d9e")
os.environ.setdefault("EMAIL_URL", "memory://")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")  # as `make run` on its default port
os.environ.setdefault("STATIC_MANIFEST", "0")  # no collectstatic before tests
os.environ.setdefault("ANYMAIL_WEBHOOK_SECRET", "tracker:webhook-secret-for-tests")
os.environ.setdefault("CALENDAR_ALLOW_PRIVATE_ADDRESSES", "1")  # the tests serve calendars locally

from ats.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
