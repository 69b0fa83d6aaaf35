from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Demo data and the benchmark: `manage.py seed_demo` and `manage.py bench`."""

    name = "devtools"
    verbose_name = "Developer tools"
