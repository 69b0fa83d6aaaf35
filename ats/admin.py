from django.contrib import admin

from .versioning import VersionedModelForm


class VersionedAdmin(admin.ModelAdmin):
    """An admin page that saves like the app's own forms: only over the version it opened
    (a stale page is refused with what is saved now), and a save there makes every form
    opened before it stale."""

    form = VersionedModelForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The hidden version is the form's own field: the model's is not editable.
        if kwargs.get("fields") is not None:
            kwargs["fields"] = [name for name in kwargs["fields"] if name != "version"]
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        obj.save_edit(expected_version=form.cleaned_data.get("version"))
