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
