"""Everything a recipient can read in an email, decoded and unfolded, for the tests that prove
the memo never leaves recruiter screens (a raw search misses a memo split by a fold or an
encoding)."""

from email.message import EmailMessage

from icalendar import Calendar

from tests.parsed_html import text

# Longer than a calendar line (75 octets), so that a leak would be folded in the raw .ics.
LONG_MEMO = ("Private: salary ceiling 5k, second round only if the references of the previous "
             "employer check out, never tell the candidate")


def calendar_fields(ics: str) -> list[str]:
    return [str(event.get(name, "")) for event in Calendar.from_ical(ics).walk("VEVENT")
            for name in ("SUMMARY", "DESCRIPTION", "LOCATION")]


def html_fields(html: str) -> list[str]:
    return [html, text(html)]


def readable(received: EmailMessage) -> str:
    """An email as it arrived: its subject, text, HTML and calendar invitations."""
    fields = [str(received["Subject"])]
    for part in received.walk():
        if part.is_multipart():
            continue
        content = part.get_content()
        content = content.decode() if isinstance(content, bytes) else content
        kind = part.get_content_type()
        fields += (calendar_fields(content) if kind == "text/calendar" else
                   html_fields(content) if kind == "text/html" else [content])
    return "\n".join(fields)


def readable_message(message) -> str:
    """A stored Message as it will be sent."""
    fields = [message.subject, message.text, *html_fields(message.html)]
    return "\n".join(fields + (calendar_fields(message.ics) if message.ics else []))
