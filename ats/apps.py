from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtsConfig(AppConfig):
    name = "ats"
    verbose_name = _("Recruitment")
