#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ats.settings")
    # manage.py is the developer's tool: without DEBUG in the environment it runs in development
    # mode. Production sets DEBUG=0 (see .env.example); the web server (ats.wsgi) has no such
    # default, so it refuses to start without a SECRET_KEY.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
