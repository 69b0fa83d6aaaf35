import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ats.forms import LoadedModelChoiceField
from interviews.communication.communicate import Group, best_document
from interviews.communication.merge import check_merge_fields
from interviews.communication.models import HtmlProfile, StandardDocument, default_profile
from interviews.outbox.models import Purpose


class CommunicationForm(forms.Form):
    """Profile and purpose for the whole Send; a document, subject and body per group."""

    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    profile = LoadedModelChoiceField(label=_("HTML profile"), queryset=HtmlProfile.objects.all(),
                                     empty_label=None)
    send_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, groups: list[Group], purpose: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.groups = groups
        self.fields["purpose"].initial = purpose
        self.fields["profile"].initial = default_profile(self.fields["profile"].load())
        self.fields["send_token"].initial = uuid.uuid4().hex
        chosen_purpose = self.data.get("purpose", purpose) if self.is_bound else purpose
        self.documents = list(StandardDocument.objects.active().filter(
            audience__in={group.audience for group in groups}))
        for group in groups:
            document = best_document(group, chosen_purpose, self.documents)
            field = self.fields[f"{group.key}-document"] = LoadedModelChoiceField(
                label=_("Standard document"),
                queryset=StandardDocument.objects.active().filter(audience=group.audience),
                initial=document, empty_label=None,
            )
            field.load([d for d in self.documents if d.audience == group.audience])
            self.fields[f"{group.key}-subject"] = forms.CharField(
                label=_("Subject"), max_length=300, initial=document.subject if document else "")
            self.fields[f"{group.key}-body"] = forms.CharField(
                label=_("Body"), initial=document.body if document else "",
                widget=forms.Textarea(attrs={"rows": 10, "data-body-editor": ""}),
                help_text=_("Merge fields are filled in for each recipient; a line whose merge "
                            "fields are all empty is left out."))

    def group_fields(self):
        """(group, document field, subject field, body field) for the template."""
        return [(group, self[f"{group.key}-document"], self[f"{group.key}-subject"],
                 self[f"{group.key}-body"]) for group in self.groups]

    def clean(self) -> dict:
        cleaned = super().clean()
        for group in self.groups:
            for part in ("subject", "body"):
                name = f"{group.key}-{part}"
                if name in cleaned:
                    try:
                        check_merge_fields(cleaned[name], audience=group.audience)
                    except ValidationError as error:
                        self.add_error(name, error)
        return cleaned

    def choices(self) -> list:
        data = self.cleaned_data
        return [(group, data[f"{group.key}-document"], data[f"{group.key}-subject"],
                 data[f"{group.key}-body"]) for group in self.groups]

    def documents_json(self) -> dict[str, dict[str, str]]:
        """Subject and body of every document offered, for the page's document switcher."""
        return {str(d.pk): {"subject": d.subject, "body": d.body} for d in self.documents}

    def proposals_json(self) -> dict[str, dict[str, int]]:
        """The document proposed to each group for each purpose, for the page's purpose
        switcher: {group key: {purpose: document id}}."""
        return {group.key: {purpose: document.pk for purpose in Purpose.values
                            if (document := best_document(group, purpose, self.documents))}
                for group in self.groups}

    def documents_for_another_purpose(self) -> list[StandardDocument]:
        """The chosen documents written for another purpose than the chosen one."""
        purpose = self.cleaned_data["purpose"]
        return [document for _group, document, _subject, _body in self.choices()
                if document.purpose != purpose]

    def draft_input(self, group: Group) -> tuple[str, str, HtmlProfile] | None:
        """Subject, body and profile to preview for a group: as typed, else as proposed."""
        if self.is_bound:
            if not self.is_valid():
                return None
            data = self.cleaned_data
            return data[f"{group.key}-subject"], data[f"{group.key}-body"], data["profile"]
        return (self.fields[f"{group.key}-subject"].initial,
                self.fields[f"{group.key}-body"].initial, self.fields["profile"].initial)
