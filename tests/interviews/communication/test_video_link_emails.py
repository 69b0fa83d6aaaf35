"""Every email about an online interview carries its link to join, in the text, the HTML and
the calendar entry (LOCATION, URL, DESCRIPTION); an email about an interview in person has no
empty "Join online" line."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from interviews.communication.models import StandardDocument
from interviews.planning.configuration import InterviewLocation
from tests.parsed_html import elements, text

pytestmark = pytest.mark.usefixtures("migrated_db")

START = dt.datetime(2037, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc?context=%7b%22Tid%22%7d&x=1"


@pytest.fixture(autouse=True)
def readers(migrated_db, registration, manager_contact):
    """A candidate and a manager who read English and want calendar entries."""
    for reader in (registration.candidate, manager_contact):
        reader.wants_vcalendar, reader.language = True, "en"
        reader.save()


@pytest.fixture
def online(registration, make_interview, manager_contact):
    """An interview in a Jitsi room."""
    jitsi = InterviewLocation.objects.create(name="Online (Jitsi Meet)", video_provider="jitsi")
    return make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          location=jitsi, location_text=jitsi.location_text, when=START)


def send(client, interview, audience: str = "candidate", purpose: str = "invitation",
         body: str | None = None) -> None:
    url = f"/interviews/{interview.pk}/communicate/{audience}/"
    form = client.get(url, {"purpose": purpose}).context["form"]
    data = {name: form[name].value() for name in form.fields}
    if body is not None:
        data[next(name for name in data if name.endswith("-body"))] = body
    assert client.post(url, data).status_code == 302


def parts(received) -> tuple[str, str, str]:
    """The plain text, the HTML and the calendar entry of an email as it arrived."""
    plain = received.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = received.get_body(("html",)).get_content()
    calendar = next((p.get_content() for p in received.walk()
                     if p.get_content_type() == "text/calendar"), "")
    return plain, html, calendar.decode() if isinstance(calendar, bytes) else calendar


def links(html: str) -> list[str]:
    return [element.attrs["href"] for element in elements(html, "a")]


def test_the_invitations_carry_the_link_in_text_html_and_calendar(
    recruiter_client, online, smtp_server, run_worker
):
    send(recruiter_client, online, "candidate")
    send(recruiter_client, online, "manager")
    run_worker()
    link = online.video_link
    assert link.startswith("https://meet.jit.si/interview-")
    assert len(smtp_server.messages) == 2
    for received in smtp_server.messages:
        plain, html, ics = parts(received)
        assert f"Join online: {link}" in plain
        assert plain.count(link) == 1  # said once, not "link (link)"
        assert f"Join online: {link}" in text(html)
        assert link in links(html)
        [event] = Calendar.from_ical(ics).walk("VEVENT")
        assert str(event["LOCATION"]) == f"Online (Jitsi Meet), {link}"
        assert str(event["URL"]) == link
        assert f"Join online: {link}" in str(event["DESCRIPTION"]).splitlines()


def test_a_dutch_candidate_reads_online_deelnemen(
    recruiter_client, online, smtp_server, run_worker
):
    online.candidate.language = "nl"
    online.candidate.save()
    send(recruiter_client, online, "candidate")
    run_worker()
    plain, _html, ics = parts(smtp_server.messages[0])
    assert f"Online deelnemen: {online.video_link}" in plain
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert f"Online deelnemen: {online.video_link}" in str(event["DESCRIPTION"])


def test_a_change_and_a_reminder_carry_the_link_too(recruiter_client, online):
    for document in StandardDocument.objects.filter(purpose__in=["change", "reminder"],
                                                    audience__in=["candidate", "manager"]):
        assert "{{ video_link }}" in document.body, document.name


def test_every_installed_document_that_names_the_place_names_the_link_below_it():
    naming = StandardDocument.objects.filter(body__contains="{{ location }}")
    assert naming.count() >= 18
    for document in naming:
        where = document.body.index("{{ location }}")
        assert document.body.index("{{ video_link }}") > where, document.name


def test_a_document_without_the_merge_field_still_gets_the_link(
    recruiter_client, online, smtp_server, run_worker
):
    send(recruiter_client, online, body="<p>See you on {{ date }}.</p><p>Sanne</p>")
    run_worker()
    plain, html, _ics = parts(smtp_server.messages[0])
    assert plain.strip().endswith(f"Join online: {online.video_link}")
    assert online.video_link in links(html)


def test_an_interview_in_person_has_no_join_line_and_no_url(
    recruiter_client, registration, make_interview, smtp_server, run_worker
):
    office = InterviewLocation.objects.create(name="Head office", address="Catharijnesingel 42")
    interview = make_interview(registration=registration, location=office,
                               location_text=office.location_text, when=START)
    send(recruiter_client, interview)
    run_worker()
    plain, html, ics = parts(smtp_server.messages[0])
    assert "Where: Head office, Catharijnesingel 42\n" in plain
    assert "Join online" not in plain and "Join online" not in text(html)
    assert "\n\n\n" not in plain
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["LOCATION"]) == "Head office, Catharijnesingel 42"
    assert "URL" not in event and "Join online" not in str(event["DESCRIPTION"])


def test_a_fixed_meeting_room_is_linked_as_entered(
    recruiter_client, registration, make_interview, smtp_server, run_worker
):
    teams = InterviewLocation.objects.create(name="Online (Teams)", video_provider="fixed",
                                             meeting_url=TEAMS)
    interview = make_interview(registration=registration, location=teams,
                               location_text=teams.location_text, when=START)
    send(recruiter_client, interview)
    run_worker()
    plain, html, ics = parts(smtp_server.messages[0])
    assert f"Join online: {TEAMS}" in plain
    assert TEAMS in links(html)
    assert str(Calendar.from_ical(ics).walk("VEVENT")[0]["URL"]) == TEAMS


def test_a_cancellation_offers_no_link_to_join(recruiter_client, online, smtp_server,
                                               run_worker):
    send(recruiter_client, online)
    online.set_status("cancelled")
    send(recruiter_client, online, purpose="cancellation")
    run_worker()
    cancellation = next(m for m in smtp_server.messages if "Cancelled" in str(m["Subject"]))
    plain, html, ics = parts(cancellation)
    assert "Join online" not in plain and "meet.jit.si" not in html
    assert "URL" not in Calendar.from_ical(ics).walk("VEVENT")[0]


def test_a_hostile_location_name_and_room_address_are_escaped(
    recruiter_client, registration, make_interview, smtp_server, run_worker
):
    name = 'Room <img src=x onerror="alert(1)"> & co'
    url = 'https://zoom.us/j/1?pwd="><script>alert(2)</script>'
    hostile = InterviewLocation.objects.create(name=name, video_provider="fixed",
                                               meeting_url=url)
    interview = make_interview(registration=registration, location=hostile,
                               location_text=hostile.location_text, when=START)
    send(recruiter_client, interview)
    run_worker()
    plain, html, ics = parts(smtp_server.messages[0])
    assert not [e for e in elements(html) if e.tag in {"img", "script"}]
    assert f"Where: {name}" in text(html)
    assert url in links(html)
    assert f"Join online: {url}" in plain
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["LOCATION"]) == f"{name}, {url}"


def test_the_editors_merge_field_menu_offers_the_video_link(recruiter_client, online):
    for audience in ("candidate", "manager"):
        page = recruiter_client.get(f"/interviews/{online.pk}/communicate/{audience}/")
        menu = [e.attrs["data-merge-field"] for e in elements(page.content.decode(), "button")
                if "data-merge-field" in e.attrs]
        assert "video_link" in menu
        assert "Video link" in text(page.content.decode())
