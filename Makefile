# The two commands of the README: `make run` and `make test`.
PORT ?= 8000
# Links in emails point at the server that `make run` starts, unless SITE_URL is set.
SITE_URL ?= http://127.0.0.1:$(PORT)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

.PHONY: run test bench install lint messages vendor chromium clean

run: install
	@mkdir -p var
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) seed_demo
	@echo ""
	@echo "  The ATS runs at http://127.0.0.1:$(PORT)/  (log in at /accounts/login/)"
	@echo "  Demo logins: recruiter / recruiter   admin / admin   manager / manager"
	@echo "  Emails are written to var/outbox/ (set EMAIL_URL to send them for real)."
	@echo ""
	@DEBUG=1 SITE_URL=$(SITE_URL) $(MANAGE) db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  DEBUG=1 SITE_URL=$(SITE_URL) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: install chromium
	$(VENV)/bin/pytest

# A large office in a fresh database (SQLite, or "<name>_bench" beside DATABASE_URL's database),
# then every main page and the delivery of invitations, measured against the framework's floor.
BENCH_ENV := DEBUG=0 SECRET_KEY=bench-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
	EMAIL_URL=memory:// SITE_URL=http://testserver ALLOWED_HOSTS=testserver SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 \
	STATIC_MANIFEST=0 LOG_LEVEL=WARNING
bench: install
	@mkdir -p var/bench
	@url=$$($(PY) bin/bench-database) && \
	  DATABASE_URL=$$url $(BENCH_ENV) $(MANAGE) migrate --noinput -v0 && \
	  DATABASE_URL=$$url $(BENCH_ENV) $(MANAGE) bench $(BENCH_ARGS)

install: $(STAMP)

$(STAMP): requirements.txt
	@test -x $(PY) || { python=$$(bin/find-python) && "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(VENV)/bin/ruff check .

# Refresh the Dutch catalogue after changing UI strings (needs GNU gettext), then translate
# the new entries in locale/nl/LC_MESSAGES/django.po and run this again to compile.
messages: install
	DEBUG=1 $(MANAGE) makemessages --locale nl --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*'
	DEBUG=1 $(MANAGE) compilemessages --locale nl --ignore '.venv/*'

# Front-end libraries come from the npm registry and are committed under static/vendor.
vendor:
	rm -rf node_modules && npm ci --no-audit --no-fund
	mkdir -p static/vendor/bootstrap static/vendor/bootstrap-icons/fonts static/vendor/flatpickr/l10n
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* static/vendor/bootstrap/
	cp node_modules/bootstrap-icons/font/bootstrap-icons.min.css static/vendor/bootstrap-icons/
	cp node_modules/bootstrap-icons/font/fonts/* static/vendor/bootstrap-icons/fonts/
	cp node_modules/flatpickr/dist/flatpickr.min.css node_modules/flatpickr/dist/flatpickr.min.js static/vendor/flatpickr/
	cp node_modules/flatpickr/dist/l10n/nl.js static/vendor/flatpickr/l10n/

clean:
	rm -rf $(VENV) var staticfiles
