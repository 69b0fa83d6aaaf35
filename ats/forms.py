import html

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy

from ats.dates import DATE_FORMAT, validate_existing_date, validate_sane_date


class CrispyMixin:
    """Give a form a crispy helper that renders `layout` inside the page's own <form> tag."""

    layout: tuple = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        if self.layout:
            self.helper.layout = Layout(*self.layout)


class EuropeanDateField(forms.DateField):
    """A date written dd-mm-yyyy, in the years the application accepts."""

    widget = forms.DateInput(format=DATE_FORMAT,
                             attrs={"placeholder": gettext_lazy("dd-mm-yyyy")})
    default_validators = [validate_sane_date]

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError as error:
            if error.code == "invalid":  # 31-02-2027: say the date does not exist
                validate_existing_date(str(value))
            raise


def loaded_choices(field: forms.ModelChoiceField, rows: list) -> list:
    """The choices a model choice field (single or multiple) shows, from rows fetched already:
    two fields over the same rows cost one query."""
    iterator = field.iterator(field)
    empty = [("", field.empty_label)] if field.empty_label is not None else []
    return [*empty, *(iterator.choice(row) for row in rows)]


class LoadedModelChoiceField(forms.ModelChoiceField):
    """A model choice field over rows fetched once (see load()): rendering it and validating
    the chosen value query nothing more."""

    def load(self, rows: list | None = None) -> list:
        """Fetch the queryset's rows (or take `rows`, a subset of them) as the choices."""
        rows = list(self.queryset) if rows is None else rows
        self.choices = loaded_choices(self, rows)
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


def _escape(value) -> str:
    """Django's conditional_escape without its per-call overhead (a thousand options)."""
    return str(value) if isinstance(value, SafeData) else html.escape(str(value))


def _attrs(attrs: dict) -> str:
    """Django's widgets/attrs.html in Python: True gives a bare attribute, False none."""
    return "".join(f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
                   for name, value in attrs.items() if value is not False and value is not None)


class QuickSelectMixin:
    """Render a select's options in Python instead of one template per option: the same
    HTML as Django's templates, a tenth of the time for a long list (the workflow's filter
    offers every open vacancy; an office has a thousand)."""

    def render(self, name, value, attrs=None, renderer=None) -> str:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_escape(group_name)}">')
            parts.extend(f'\n  <option value="{_escape(option["value"])}"'
                         f'{_attrs(option["attrs"])}>{_escape(option["label"])}</option>'
                         for option in options)
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every value above is escaped


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass


class LoginForm(AuthenticationForm):
    """Django's login form, refusing a user name longer than any user has: Django only sets
    the field's maxlength attribute, so a long name reached the lockout records (django-axes),
    whose column is shorter, and PostgreSQL answered with a server error."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
