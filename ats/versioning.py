"""Optimistic locking: a form saves only over the version it was opened at.

Two people open the same record; the first one saves. The second one's form carries the version
it was opened at, which is no longer the stored one, so their save is refused — with what is
saved now, and with what they typed still in the form — instead of silently undoing the first
one's change.
"""

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext as _


class StaleEdit(Exception):
    """Someone else saved the record after this edit began."""

    def __init__(self, current: "VersionedModel | None") -> None:
        super().__init__("stale edit")
        self.current = current  # the record as saved now; None once deleted


class VersionedModel(models.Model):
    """A `version` that every save of an edit raises by one."""

    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True

    def claim_version(self, expected_version: int | None) -> None:
        """Raise the stored version, unless someone saved after `expected_version`
        (StaleEdit). One conditional UPDATE, so two saves at once cannot both pass; it also
        holds the row until the transaction ends."""
        same = type(self)._base_manager.filter(pk=self.pk, version=expected_version)
        if expected_version is None or not same.update(version=F("version") + 1):
            raise StaleEdit(type(self)._base_manager.filter(pk=self.pk).first())
        self.version = expected_version + 1

    @transaction.atomic
    def save_edit(self, *, expected_version: int | None) -> None:
        """Save an edit that began at `expected_version`; a new record is simply saved."""
        if not self._state.adding:
            self.claim_version(expected_version)
        self.save()


class VersionedModelForm(forms.ModelForm):
    """A model form for a VersionedModel: it carries, hidden, the version it was opened at
    (put "version" in a crispy layout), and saves only over that version."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean(self) -> dict:
        cleaned = super().clean()
        # The instance was loaded for this request: it is the record as saved now.
        if not self.instance._state.adding and cleaned.get("version") != self.instance.version:
            self.refuse_stale(self.instance)
        return cleaned

    def save(self, commit: bool = True):
        """Save, or raise StaleEdit when someone saved since clean() (see refuse_stale)."""
        instance = super().save(commit=False)
        if commit:
            with transaction.atomic():
                instance.save_edit(expected_version=self.cleaned_data.get("version"))
                self._save_m2m()
        return instance

    def refuse_stale(self, current: VersionedModel | None) -> None:
        """Say that someone else saved meanwhile and what is saved now; a second save, made
        knowing that, replaces their version."""
        self.add_error(None, stale_message(self, current))
        if current is not None:
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = current.version


def stale_message(form: forms.ModelForm, current: VersionedModel | None) -> str:
    if current is None:
        return _("Someone else deleted “%(object)s” while you were editing it.") % {
            "object": form.instance}
    parts = [_("Someone else saved “%(object)s” while you were editing it, so your changes "
               "were not saved.") % {"object": current}]
    if differences := _differences(form, current):
        parts.append(_("Saved now: %(values)s.") % {"values": "; ".join(differences)})
    parts.append(_("Your input is still below: check it and save again to replace their "
                   "version."))
    return " ".join(parts)


def _differences(form: forms.ModelForm, current: VersionedModel) -> list[str]:
    """“Label: value” of each stored value that differs from what the form holds."""
    typed = form.cleaned_data
    return [f"{form.fields[name].label}: {_shown(current, name)}" for name in form._meta.fields
            if name in typed and not current._meta.get_field(name).many_to_many
            and typed[name] != getattr(current, name)]


def _shown(instance: models.Model, name: str) -> str:
    field = instance._meta.get_field(name)
    value = (getattr(instance, f"get_{name}_display")() if field.choices
             else getattr(instance, name))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return _("(empty)") if value in (None, "") else str(value)
