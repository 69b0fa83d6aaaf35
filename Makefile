# The two commands of the README: `make run` and `make test`.
PORT ?= 8000
# Links in emails point at the server that `make run` starts, unless SITE_URL is set.
SITE_URL ?= http://127.0.0.1:$(PORT)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# requirements.txt (runtime) and requirements-dev.txt (tests and tooling) name what we ask for;
# the locks pin everything they pull in, with hashes. A stamp named after a lock's checksum
# installs it again whenever the lock changes.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
STAMP := $(VENV)/.installed-runtime-$(shell cksum < requirements.lock | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cksum < requirements-dev.lock | cut -d' ' -f1)
UV_COMPILE := $(VENV)/bin/uv pip compile --quiet --no-config --universal --python-version 3.12 \
	--generate-hashes --custom-compile-command "make lock"

.PHONY: run test bench install install-dev lock lint messages vendor chromium clean

run: install
	@mkdir -p var
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 SITE_URL=$(SITE_URL) $(MANAGE) seed_demo
	DEBUG=1 $(MANAGE) read_calendars -v0
	@echo ""
	@echo "  The ATS runs at http://127.0.0.1:$(PORT)/  (log in at /accounts/login/)"
	@echo "  Demo logins: recruiter / recruiter   admin / admin   manager / manager"
	@echo "  Emails are written to var/outbox/ (set EMAIL_URL to send them for real)."
	@echo ""
	@DEBUG=1 SITE_URL=$(SITE_URL) $(MANAGE) db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  DEBUG=1 SITE_URL=$(SITE_URL) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-dev chromium
	$(VENV)/bin/pytest

# A large office in a fresh database (SQLite, or "<name>_bench" beside DATABASE_URL's database),
# then every main page and the delivery of invitations, measured against the framework's floor.
BENCH_ENV := DEBUG=0 SECRET_KEY=bench-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
	EMAIL_URL=memory:// SITE_URL=http://testserver ALLOWED_HOSTS=testserver SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 \
	STATIC_MANIFEST=0 LOG_LEVEL=WARNING
bench: install-dev
	@mkdir -p var/bench
	@url=$$($(PY) bin/bench-database) && \
	  DATABASE_URL=$$url $(BENCH_ENV) $(MANAGE) migrate --noinput -v0 && \
	  DATABASE_URL=$$url $(BENCH_ENV) $(MANAGE) bench $(BENCH_ARGS)

install: $(STAMP)
install-dev: $(DEV_STAMP)

$(STAMP): requirements.lock
	@test -x $(PY) || { python=$$(bin/find-python) && "$$python" -m venv $(VENV); }
	$(PIP_INSTALL) -r requirements.lock
	@rm -f $(VENV)/.installed-runtime-* && touch $@

$(DEV_STAMP): requirements-dev.lock
	@test -x $(PY) || { python=$$(bin/find-python) && "$$python" -m venv $(VENV); }
	$(PIP_INSTALL) -r requirements-dev.lock
	@rm -f $(VENV)/.installed-dev-* && touch $@

# After changing requirements.txt or requirements-dev.txt: pin them again, for Python 3.12 and
# newer on any platform, with the hashes of the index's files. The development lock keeps the
# runtime lock's versions. `make lock LOCK_ARGS=--upgrade` moves every pin to the newest release.
lock: install-dev
	$(UV_COMPILE) $(LOCK_ARGS) requirements.txt -o requirements.lock
	$(UV_COMPILE) $(LOCK_ARGS) requirements-dev.txt -c requirements.lock -o requirements-dev.lock

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install-dev
	$(VENV)/bin/ruff check .

# Refresh the Dutch catalogue after changing UI strings (needs GNU gettext), then translate
# the new entries in locale/nl/LC_MESSAGES/django.po and run this again to compile.
messages: install
	DEBUG=1 $(MANAGE) makemessages --locale nl --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*'
	DEBUG=1 $(MANAGE) compilemessages --locale nl --ignore '.venv/*'

# Front-end libraries come from the npm registry and are committed under static/vendor
# (axe-core only for the browser tests' accessibility checks: no page loads it).
vendor:
	rm -rf node_modules && npm ci --no-audit --no-fund
	mkdir -p static/vendor/bootstrap static/vendor/bootstrap-icons/fonts static/vendor/flatpickr/l10n static/vendor/quill static/vendor/axe-core
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* static/vendor/bootstrap/
	cp node_modules/bootstrap-icons/font/bootstrap-icons.min.css static/vendor/bootstrap-icons/
	cp node_modules/bootstrap-icons/font/fonts/* static/vendor/bootstrap-icons/fonts/
	cp node_modules/flatpickr/dist/flatpickr.min.css node_modules/flatpickr/dist/flatpickr.min.js static/vendor/flatpickr/
	cp node_modules/flatpickr/dist/l10n/nl.js static/vendor/flatpickr/l10n/
	cp node_modules/quill/dist/quill.js* node_modules/quill/dist/quill.core.css* node_modules/quill/LICENSE static/vendor/quill/
	cp node_modules/axe-core/axe.min.js static/vendor/axe-core/

clean:
	rm -rf $(VENV) var staticfiles
