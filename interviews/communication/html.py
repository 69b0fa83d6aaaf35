"""The HTML of every email: the profile's CSS inlined, then everything outside an allow-list gone.

The profile is written by an admin, the document by a recruiter, the merge values by anyone;
what reaches a recipient is a layout (tables, inline styles, images over https, links) and never
active content: no scripts, event handlers, forms, frames, refreshes or javascript: links.
"""

from html import escape
from html.parser import HTMLParser

import css_inline
import nh3
from django.utils.translation import get_language

TAGS = nh3.ALLOWED_TAGS | {"font"}
ATTRIBUTES = {
    "*": {"style", "class", "align", "valign", "width", "height", "bgcolor", "border", "dir",
          "lang", "title", "role"},
    "table": {"cellpadding", "cellspacing", "summary"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "a": {"href"},
    "img": {"src", "alt"},
    "font": {"color", "face", "size"},
    "ol": {"start"},
}


def _https_images_only(tag: str, attribute: str, value: str) -> str | None:
    # A remote image over http is a tracking pixel or mixed content; the logo comes over https.
    if tag == "img" and attribute == "src" and not value.startswith("https://"):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_https_images_only,
    clean_content_tags={"script", "style", "title", "noscript", "template"},
    url_schemes={"http", "https", "mailto"},
)
# The CSS goes in as extra_css, never as text of the page, so it cannot close a <style> element;
# no stylesheet is fetched from elsewhere.
_INLINER_OPTIONS = {"load_remote_stylesheets": False, "keep_style_tags": False}


def sanitise(html: str) -> str:
    """A fragment of HTML reduced to the allow-list."""
    return _CLEANER.clean(html)


def email_page(page: str, *, css: str, title: str) -> str:
    """The whole email: the page with its CSS inlined, sanitised, in a fixed document frame, in
    the language it is written in (every caller builds it in the recipient's language)."""
    inlined = css_inline.CSSInliner(extra_css=css or None, **_INLINER_OPTIONS).inline(page)
    body_style = _body_style(inlined)
    style = f' style="{escape(body_style)}"' if body_style else ""
    language = escape(get_language() or "en")
    return (f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title></head>\n"
            f"<body{style}>{sanitise(inlined)}</body></html>\n")


class _BodyStyle(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.style = ""

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "body":
            self.style = dict(attrs).get("style") or ""


def _body_style(page: str) -> str:
    # The fragment sanitiser drops <body>; its inlined style comes back on the frame's <body>.
    reader = _BodyStyle()
    reader.feed(page)
    return reader.style
