"""Online interview locations: a Jitsi room of its own for every interview, kept when it
moves; a fixed meeting room entered in admin (https only); the dashboard's "Join" button
from 15 minutes before the start until the end."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from interviews.communication.models import StandardDocument
from interviews.planning.configuration import InterviewLocation
from interviews.planning.models import Interview
from tests.parsed_html import elements, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def jitsi():
    return InterviewLocation.objects.create(name="Online (Jitsi Meet)", video_provider="jitsi")


@pytest.fixture
def teams():
    return InterviewLocation.objects.create(
        name="Online (Teams)", video_provider="fixed",
        meeting_url="https://teams.microsoft.com/l/meetup-join/sanne")


def test_two_interviews_at_one_jitsi_location_get_rooms_of_their_own(
    registration, make_interview, jitsi, settings
):
    settings.JITSI_SERVER_URL = "https://jitsi.example.org/"
    first, second = (make_interview(registration=registration, location=jitsi) for _ in "12")
    assert first.video_link.startswith("https://jitsi.example.org/interview-")
    assert second.video_link.startswith("https://jitsi.example.org/interview-")
    assert first.video_link != second.video_link
    room = first.video_link.rsplit("/", 1)[1]
    assert len(room.removeprefix("interview-")) == 32  # 128 random bits


def test_moving_an_interview_keeps_its_room(recruiter_client, registration, make_interview,
                                            jitsi):
    interview = make_interview(registration=registration, location=jitsi,
                               location_text="Online (Jitsi Meet)")
    link = interview.video_link
    response = recruiter_client.post(interview.get_absolute_url(), {
        "start": "02-12-2037 15:30", "duration": "45", "kind": "recruiter",
        "location": jitsi.pk, "location_text": "Online (Jitsi Meet)",
        "version": interview.version})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.sequence == 1  # moved indeed
    assert interview.video_link == link


def test_a_freed_time_and_each_interview_of_a_series_get_new_rooms(
    recruiter_client, vacancy, recruiter, jitsi
):
    response = recruiter_client.post(f"/vacancies/{vacancy.pk}/interviews/series/", {
        "start": "30-11-2037 09:00", "duration": "45", "gap": "15", "count": "3",
        "kind": "recruiter", "location": jitsi.pk, "location_text": "Online (Jitsi Meet)"})
    assert response.status_code == 302
    series = list(Interview.objects.filter(vacancy=vacancy))
    assert len(series) == 3
    assert len({interview.video_link for interview in series}) == 3
    taken = series[0]
    Interview.objects.filter(pk=taken.pk).update(start=timezone.now() + timedelta(days=3))
    taken.refresh_from_db()
    taken.set_status(Interview.Status.CANCELLED)
    freed = taken.reoffer()
    assert freed.location == jitsi
    assert freed.video_room and freed.video_room != taken.video_room


def test_an_interview_saved_before_rooms_existed_gets_one_room_when_first_asked(
    registration, make_interview, jitsi
):
    interview = make_interview(registration=registration, location=jitsi)
    Interview.objects.filter(pk=interview.pk).update(video_room="")
    before = Interview.objects.get(pk=interview.pk)
    link = before.video_link
    assert link.startswith("https://meet.jit.si/interview-")
    assert Interview.objects.get(pk=interview.pk).video_link == link


def test_a_fixed_room_is_the_same_link_for_every_interview_and_in_person_has_none(
    registration, make_interview, teams
):
    first, second = (make_interview(registration=registration, location=teams) for _ in "12")
    assert first.video_link == second.video_link == teams.meeting_url
    office = InterviewLocation.objects.create(name="Head office")
    assert make_interview(registration=registration, location=office).video_link == ""
    assert make_interview(registration=registration, location_text="Utrecht").video_link == ""


def test_a_cancelled_interview_has_no_link_to_join(registration, make_interview, teams):
    interview = make_interview(registration=registration, location=teams)
    interview.set_status(Interview.Status.CANCELLED)
    assert interview.video_link == ""


def admin_location(admin_client, **fields):
    data = {"name": "Online", "name_nl": "", "address": "", "time_zone": "Europe/Amsterdam",
            "is_active": "on", "video_provider": "fixed", "meeting_url": "",
            # The room's calendars (an inline on the same page): none.
            "calendar_connections-TOTAL_FORMS": "0", "calendar_connections-INITIAL_FORMS": "0",
            **fields}
    return admin_client.post(reverse("admin:interviews_interviewlocation_add"), data)


@pytest.mark.parametrize("url, error", [
    ("http://zoom.us/j/123", "Enter an https:// address."),
    ("ftp://files.example.com/room", "Enter an https:// address."),
    ("javascript:alert(1)", "Enter a valid URL."),
    ("https://", "Enter a valid URL."),
    ("", "Enter the address of the meeting room."),
])
def test_the_admin_refuses_a_fixed_room_without_an_https_address(admin_client, url, error):
    response = admin_location(admin_client, meeting_url=url)
    assert response.status_code == 200
    assert error in text(response.content.decode())
    assert not InterviewLocation.objects.exists()


def test_the_admin_refuses_an_address_for_a_place_without_a_fixed_room(admin_client):
    response = admin_location(admin_client, video_provider="jitsi",
                              meeting_url="https://zoom.us/j/123")
    assert "Only a fixed meeting room has an address" in text(response.content.decode())
    assert not InterviewLocation.objects.exists()


def test_the_admin_saves_a_webex_personal_room(admin_client):
    response = admin_location(admin_client, meeting_url="https://acme.webex.com/meet/sanne")
    assert response.status_code == 302
    place = InterviewLocation.objects.get()
    assert (place.video_provider, place.meeting_url) == (
        "fixed", "https://acme.webex.com/meet/sanne")


def join_buttons(client) -> list[dict]:
    html = client.get("/").content.decode()
    return [element.attrs for element in elements(html, "a")
            if "join-button" in element.attrs.get("class", "")]


@pytest.mark.parametrize("starts_in, shown", [
    (timedelta(minutes=16), False),   # before: there, hidden until its time
    (timedelta(minutes=14), True),    # within the 15 minutes before the start
    (timedelta(minutes=-40), True),   # under way (an hour long)
])
def test_the_join_button_shows_from_15_minutes_before_the_start(
    recruiter_client, registration, make_interview, jitsi, starts_in, shown
):
    interview = make_interview(registration=registration, location=jitsi,
                               when=timezone.now() + starts_in)
    buttons = join_buttons(recruiter_client)
    assert buttons, "the button is on the page"
    assert all(button["href"] == interview.video_link for button in buttons)
    assert all(("hidden" not in button) == shown for button in buttons)
    assert all(button["target"] == "_blank" for button in buttons)


def test_no_join_button_after_the_end_or_for_an_interview_in_person(
    recruiter_client, registration, make_interview, jitsi
):
    make_interview(registration=registration, location=jitsi,
                   when=timezone.now() - timedelta(minutes=61))
    make_interview(registration=registration, location_text="Utrecht",
                   when=timezone.now() + timedelta(minutes=5))
    assert join_buttons(recruiter_client) == []


def test_the_join_buttons_times_are_there_for_the_page_left_open(
    recruiter_client, registration, make_interview, jitsi
):
    interview = make_interview(registration=registration, location=jitsi,
                               when=timezone.now() + timedelta(hours=2))
    html = recruiter_client.get("/").content.decode()
    [button, *_] = join_buttons(recruiter_client)
    assert button["data-join-from"] == (interview.start - timedelta(minutes=15)).isoformat()
    assert button["data-join-until"] == interview.end.isoformat()
    assert any(element.attrs.get("src", "").endswith("js/join-button.js")
               for element in elements(html, "script"))


def test_a_hiring_manager_user_sees_join_on_their_dashboard_and_portal(
    client, hiring_manager, manager_contact, registration, make_interview, teams
):
    make_interview(registration=registration, location=teams, contact_person=manager_contact,
                   kind="both", when=timezone.now() + timedelta(minutes=10))
    client.force_login(hiring_manager)
    [*buttons] = join_buttons(client)
    assert buttons and buttons[0]["href"] == teams.meeting_url
    portal = client.get(reverse("portal_home")).content.decode()
    assert [a.attrs["href"] for a in elements(portal, "a")
            if "join-button" in a.attrs.get("class", "")] == [teams.meeting_url]


def test_a_hostile_location_name_is_escaped_on_the_dashboard(
    recruiter_client, registration, make_interview
):
    hostile = InterviewLocation.objects.create(
        name='<script>alert("x")</script>', video_provider="fixed",
        meeting_url='https://zoom.us/j/1?a="><script>alert(2)</script>')
    make_interview(registration=registration, location=hostile,
                   location_text=hostile.location_text,
                   when=timezone.now() + timedelta(minutes=5))
    html = recruiter_client.get("/").content.decode()
    assert "<script>alert" not in html
    [button, *_] = join_buttons(recruiter_client)
    assert button["href"] == hostile.meeting_url


def test_the_dashboard_still_refuses_a_user_with_no_role(outsider_client):
    assert outsider_client.get("/").status_code == 403


VIDEO_LINKS = ("interviews", "0019_video_links")


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target] if isinstance(target, tuple) else target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_interviews_from_before_video_links_each_get_their_own_room(migrated_db, recruiter):
    graph = MigrationExecutor(connection).loader.graph
    before = graph.nodes[VIDEO_LINKS].dependencies[0]
    latest = graph.leaf_nodes()
    try:
        old = _migrate(before).get_model("interviews", "Interview")
        pks = [old.objects.create(owner_id=recruiter.pk, start=timezone.now(),
                                  calendar_uid=f"old-{n}@ats").pk for n in range(3)]
        _migrate([VIDEO_LINKS])
    finally:
        _migrate(latest)
    jitsi = InterviewLocation.objects.create(name="Online (Jitsi Meet)", video_provider="jitsi")
    Interview.objects.filter(pk__in=pks).update(location=jitsi)
    links = {Interview.objects.get(pk=pk).video_link for pk in pks}
    assert len(links) == 3
    assert {Interview.objects.get(pk=pk).video_link for pk in pks} == links  # kept
    invitation = StandardDocument.objects.get(name="Interview invitation")
    assert invitation.body.count("Join online") == 1  # back and forth: one line
