from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms


class CrispyMixin:
    """Give a form a crispy helper that renders `layout` inside the page's own <form> tag."""

    layout: tuple = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        if self.layout:
            self.helper.layout = Layout(*self.layout)


class LoadedModelChoiceField(forms.ModelChoiceField):
    """A model choice field over rows fetched once (see load()): rendering it and validating
    the chosen value query nothing more."""

    def load(self, rows: list | None = None) -> list:
        """Fetch the queryset's rows (or take `rows`, a subset of them) as the choices."""
        rows = list(self.queryset) if rows is None else rows
        iterator = self.iterator(self)
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        self.choices = [*empty, *(iterator.choice(row) for row in rows)]
        self._rows = {str(self.prepare_value(row)): row for row in rows}
        return rows

    def to_python(self, value):
        rows = getattr(self, "_rows", None)
        if rows is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return rows[str(getattr(value, "pk", value))]
        except KeyError:
            raise forms.ValidationError(self.error_messages["invalid_choice"],
                                        code="invalid_choice") from None
