"""HTML as a browser or mail client would see it: elements with their attributes, and text."""

from html.parser import HTMLParser
from typing import NamedTuple


class Element(NamedTuple):
    tag: str
    attrs: dict[str, str]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data) -> None:
        self.texts.append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def elements(html: str, tag: str | None = None) -> list[Element]:
    return [element for element in read(html).elements if tag in (None, element.tag)]


def text(html: str) -> str:
    """The text a reader sees (entities decoded), tags left out."""
    return " ".join(" ".join(read(html).texts).split())


class _FormReader(HTMLParser):
    """The values a browser submits for one form (submit buttons left out)."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.values = form_id, False, {}
        self.select: str | None = None
        self.textarea: str | None = None

    def add(self, name: str, value: str) -> None:
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs) -> None:
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif not self.inside or "disabled" in attrs:
            return
        elif tag == "input" and attrs.get("name") and attrs.get("type") not in {
                "submit", "button", "checkbox", "radio", "file"}:
            self.add(attrs["name"], attrs.get("value", ""))
        elif tag == "input" and attrs.get("type") in {"checkbox", "radio"} and "checked" in attrs:
            self.add(attrs["name"], attrs.get("value", "on"))
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = attrs.get("name")
            self.add(self.textarea, "")

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data) -> None:
        if self.textarea:
            self.values[self.textarea][-1] += data


def form_values(html: str, form_id: str) -> dict[str, list[str]]:
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.values
