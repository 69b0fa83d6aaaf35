"""Names that admins configure in two languages (workflow stages, interview reasons,
locations, guidelines): English in `name`, Dutch in `name_nl`."""

from django.utils import translation


def in_language(english: str, dutch: str, language: str | None = None) -> str:
    """The Dutch text for a Dutch reader when there is one, else the English text."""
    language = language or translation.get_language() or ""
    return dutch if dutch and language.startswith("nl") else english


class TranslatedName:
    """For a model with `name` and `name_nl`; its __str__ returns display_name()."""

    name: str
    name_nl: str

    def display_name(self, language: str | None = None) -> str:
        return in_language(self.name, self.name_nl, language)
