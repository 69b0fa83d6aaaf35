"""A document with its merge values inside an HTML profile: the sanitised HTML, and a plain
text that reads well on its own. The preview and the sent email both come from here."""

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext

from interviews.communication.html import email_page, sanitise
from interviews.communication.merge import MERGE_FIELD_PATTERN, substitute
from interviews.communication.models import HtmlProfile

_SLOT = re.compile(r"\{\{ (logo|subject|content) \}\}")


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render_email(*, subject: str, body: str, profile: HtmlProfile,
                 values: dict[str, str]) -> Rendered:
    # A subject is one line: a newline typed or merged in can never start another header.
    subject = " ".join(substitute(subject, values, html=False).split())
    body = with_video_link(body, values)
    content = sanitise(substitute(without_empty_lines(body, values), values, html=True))
    logo = (f'<img src="{escape(profile.logo_url)}" alt="" height="40">'
            if profile.logo_url else "")
    slots = {"logo": logo, "subject": escape(subject), "content": content}
    # One pass, so text inside a filled slot is never taken for another slot.
    page = _SLOT.sub(lambda match: slots[match.group(1)], profile.layout)
    return Rendered(subject=subject, text=html_to_text(content),
                    html=email_page(page, css=profile.css, title=subject))


def with_video_link(body: str, values: dict[str, str]) -> str:
    """No email about an online interview goes without its link: a body that does not place
    {{ video_link }} itself (an older or a custom document) gets a "Join online" line at the
    end; in the recipient's language, as the caller renders in it."""
    if not values.get("video_link") or "video_link" in MERGE_FIELD_PATTERN.findall(body):
        return body
    label = escape(gettext("Join online:"))  # outside the f-string, where xgettext finds it
    link = '<a href="{{ video_link }}">{{ video_link }}</a>'
    return f"{body}<p><strong>{label}</strong> {link}</p>"


# A line ends at a <br> and at the start or end of a block; the blocks that only held dropped
# lines go too.
_LINE_END = re.compile(r"(<br\s*/?>|</?(?:p|li|div|h[1-6]|ul|ol|table|tr|td|th)\b[^>]*>)", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_DROPPED = "\0"
_EMPTIED_BLOCK = re.compile(r"<(p|li|div|h[1-6]|ul|ol)\b[^>]*>[\s\0]*\0[\s\0]*</\1\s*>", re.I)


def without_empty_lines(body: str, values: dict[str, str]) -> str:
    """The body without the lines whose merge fields would all come out empty ("With:" and
    no interviewer). A line without merge fields always stays."""
    parts = _LINE_END.split(body)
    for index in range(0, len(parts), 2):  # the even parts are the lines, the odd ones the ends
        fields = MERGE_FIELD_PATTERN.findall(parts[index])
        if fields and not any(values.get(name, "").strip() for name in fields):
            parts[index] = _DROPPED
            _drop_one_break(parts, index)
    html = "".join(parts)
    while (emptier := _EMPTIED_BLOCK.sub(_DROPPED, html)) != html:
        html = emptier
    return html.replace(_DROPPED, "")


def _drop_one_break(parts: list[str], index: int) -> None:
    # The <br> that separated the line from its neighbour goes with it.
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(parts) and _BR.fullmatch(parts[neighbour]):
            parts[neighbour] = ""
            return


class _TextWriter(HTMLParser):
    """HTML to a plain text that reads well on its own: paragraphs, lists, links."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "table", "tr", "ul", "ol"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None
        self.link_text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_text = []

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.href:
            if "".join(self.link_text).strip() != self.href:  # a bare link says it once
                self.parts.append(f" ({self.href})")
            self.href = None

    def handle_data(self, data) -> None:
        self.parts.append(re.sub(r"\s+", " ", data))
        self.link_text.append(data)


def html_to_text(html: str) -> str:
    writer = _TextWriter()
    writer.feed(html)
    text = "".join(writer.parts)
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
