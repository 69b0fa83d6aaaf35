from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout


class CrispyMixin:
    """Give a form a crispy helper that renders `layout` inside the page's own <form> tag."""

    layout: tuple = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        if self.layout:
            self.helper.layout = Layout(*self.layout)
