"""Settings for the ATS interview-planning module.

Everything that differs between machines comes from the environment (see README, "Configuration").
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from ats.env import (
    anymail_from_environ,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    mailers_from_url,
    site_url,
    tasks_from_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-3f9a7c1e5b"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else None) or ""
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (only DEBUG=1 has a development default).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks_db",
    "anymail",
    "axes",
    "ats",
    "vacancies",
    "candidates",
    "interviews",
    "devtools",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "ats.access.RecruiterRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ats.urls"
WSGI_APPLICATION = "ats.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The project's layouts, then each capability's own templates folder (interviews is
        # one app split into packages; APP_DIRS finds only the app's top-level folder).
        "DIRS": [BASE_DIR / "templates", *sorted(BASE_DIR.glob("interviews/*/templates"))],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ats.access.roles",
                "devtools.context.demo_logins",  # DEBUG=1 only: the demo users' logins
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", "sqlite:///var/db.sqlite3"), BASE_DIR)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out
    "ats.access.RecruiterAwareBackend",  # ModelBackend, plus the group check in one query
]
# Login attempts: 5 failures for one user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The address is the client's as the proxies in front report it (ats/client_ip.py).
AXES_CLIENT_IP_CALLABLE = "ats.client_ip.client_ip"
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is the number of proxies in front, 0 or more.")
if "AXES_PROXY_COUNT" in os.environ:  # read by no code since django-ipware was never installed
    raise ImproperlyConfigured("AXES_PROXY_COUNT is now TRUSTED_PROXY_COUNT; rename it.")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Languages and formats: English source strings, Dutch translation. Dates are dd-mm-yyyy and times
# 24-hour HH:MM in both languages; ats/formats/ overrides Django's locale formats so that a browser
# asking for en-US gets European notation too (the manual demands it).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["ats.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Served by WhiteNoise, compressed and with hashed names (run collectstatic) — except while
# developing and testing, where the files are served from static/ as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                    if env_bool("STATIC_MANIFEST", not DEBUG) else
                    "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: one EMAIL_URL builds MAILERS (README, "Email"). The development default writes every
# message to a file under var/outbox so that nothing leaves the machine.
EMAIL_URL = env_str("EMAIL_URL", "file://var/outbox" if DEBUG else None)
if EMAIL_URL is None:
    raise ImproperlyConfigured("Set EMAIL_URL (only DEBUG=1 has a development default).")
MAILERS = mailers_from_url(EMAIL_URL, BASE_DIR)
ANYMAIL = anymail_from_environ()
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Recruitment <recruitment@example.com>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Tasks (delivery, retries, reminders): the database queue, or Redis once it is outgrown
# (README, "Production"). The RQ apps are installed only for Redis.
TASKS_URL = env_str("TASKS_URL", "db://")
TASKS, RQ_QUEUES = tasks_from_url(TASKS_URL)
if RQ_QUEUES:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
# A worker has a message this long for one delivery attempt (a little longer than the SMTP
# time-out); if it dies meanwhile, another worker takes the message up once the time is over.
OUTBOX_LEASE_SECONDS = env_int("OUTBOX_LEASE_SECONDS", 120)

# Links in emails (manager portal, candidates' replies and self-scheduling) point here.
SITE_URL = site_url(debug=DEBUG)
PORTAL_LINK_DAYS_AFTER = env_int("PORTAL_LINK_DAYS_AFTER", 30)  # valid until N days after
SCHEDULING_LINK_DAYS = env_int("SCHEDULING_LINK_DAYS", 14)
REMINDER_HOURS_BEFORE = env_int("REMINDER_HOURS_BEFORE", 24)

# People's calendars (interviews/availability, README "Calendars"). CALENDAR_KEYS: Fernet keys
# that encrypt feed addresses and app passwords (the first encrypts; without any, one is derived
# from SECRET_KEY). Calendars are read every CALENDAR_SYNC_MINUTES for the next CALENDAR_SYNC_DAYS;
# a read gives up after CALENDAR_FETCH_TIMEOUT seconds or CALENDAR_MAX_BYTES. Addresses on a
# private or loopback network are refused unless CALENDAR_ALLOW_PRIVATE_ADDRESSES (development
# and tests, or a Nextcloud on the office network).
CALENDAR_KEYS = env_list("CALENDAR_KEYS", [])
CALENDAR_SYNC_MINUTES = env_int("CALENDAR_SYNC_MINUTES", 15)
CALENDAR_SYNC_DAYS = env_int("CALENDAR_SYNC_DAYS", 60)
CALENDAR_FETCH_TIMEOUT = env_int("CALENDAR_FETCH_TIMEOUT", 10)
CALENDAR_MAX_BYTES = env_int("CALENDAR_MAX_BYTES", 5_000_000)
CALENDAR_ALLOW_PRIVATE_ADDRESSES = env_bool("CALENDAR_ALLOW_PRIVATE_ADDRESSES", DEBUG)
# Online interviews on Jitsi Meet get a fresh room per interview on this server.
JITSI_SERVER_URL = env_str("JITSI_SERVER_URL", "https://meet.jit.si")

# Content Security Policy: nothing inline without the per-request nonce, nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
X_FRAME_OPTIONS = "DENY"

# Production hardening; all on unless DEBUG (README, "Production").
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

PAGE_SIZE = 25
