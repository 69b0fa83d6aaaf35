"""The fast select widget renders what Django's own select renders, escaped the same way."""

import re

import pytest
from django import forms

from ats.forms import QuickSelect, QuickSelectMultiple

CHOICES = [("", "All <vacancies>"), (1, "R&D \"lead\""),
           ("Closed", [(2, "<script>alert(1)</script>"), (3, "Tester")])]


def squeeze(html: str) -> str:
    return re.sub(r"\s*\n\s*", "", str(html))


@pytest.mark.parametrize(("quick", "django_widget", "value"), [
    (QuickSelect, forms.Select, 2),
    (QuickSelectMultiple, forms.SelectMultiple, [1, 3]),
])
def test_the_same_html_as_django(quick, django_widget, value):
    attrs = {"class": "form-select", "id": "id_vacancy", "disabled": False, "required": True}
    expected = django_widget(choices=CHOICES, attrs=attrs).render("vacancy", value)
    rendered = quick(choices=CHOICES, attrs=attrs).render("vacancy", value)
    assert squeeze(rendered) == squeeze(expected)
    assert "<script>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
