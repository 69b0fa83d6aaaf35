from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The languages we write to people in (candidates, contact persons)."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
