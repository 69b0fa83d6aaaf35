"""Candidates answer from the invitation; reminders go out once, at their time."""

import datetime as dt
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from interviews.communication.reminders import send_reminders
from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal.links import reply_link
from tests.parsed_html import form_values


def path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def planned(registration, make_interview, manager_contact):
    return make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          when=timezone.now() + timedelta(days=3))


@pytest.mark.django_db
def test_the_invitation_carries_both_answer_links(recruiter_client, planned):
    html = recruiter_client.get(
        f"/interviews/{planned.pk}/communicate/candidate/preview/").content.decode()
    assert "Ik kom" in html and "Ik kan niet" in html
    assert re.search(r'href="http[^"]+/reply/[^"]+/accept/"', html)
    assert re.search(r'href="http[^"]+/reply/[^"]+/decline/"', html)


@pytest.mark.django_db
def test_an_answer_is_recorded_once_after_a_click_on_the_button(client, recruiter_client,
                                                                planned):
    url = path(reply_link(planned, "accept"))
    client.get(url)  # mail scanners open links: that alone records nothing
    planned.refresh_from_db()
    assert planned.candidate_reply == ""
    client.post(url)
    planned.refresh_from_db()
    assert planned.candidate_reply == Interview.Reply.ACCEPTED
    first = planned.replied_at
    client.post(url)
    planned.refresh_from_db()
    assert planned.replied_at == first
    steps = recruiter_client.get(planned.candidate.get_absolute_url()).content.decode()
    assert "Will be there" in steps
    assert "Will be there" in recruiter_client.get("/").content.decode()


@pytest.mark.django_db
def test_a_decline_notifies_the_owner_once(client, planned, recruiter):
    url = path(reply_link(planned, "decline"))
    client.post(url)
    client.post(url)
    [notice] = Message.objects.filter(audience="recruiter")
    assert notice.recipient_email == recruiter.email
    assert "cannot make the interview" in notice.subject
    planned.refresh_from_db()
    assert planned.candidate_reply == Interview.Reply.DECLINED


@pytest.mark.django_db
def test_an_answer_link_from_before_a_reschedule_is_refused_kindly(client, planned):
    url = path(reply_link(planned, "accept"))
    planned.start += timedelta(hours=2)
    planned.save_edit(expected_version=planned.version)
    response = client.post(url)
    assert response.status_code == 410 and "has changed" in response.content.decode()
    planned.refresh_from_db()
    assert planned.candidate_reply == ""


def plan_in(client, registration, hours: int, **data) -> Interview:
    start = timezone.localtime() + timedelta(hours=hours)
    client.post(f"/registrations/{registration.pk}/interviews/new/", {
        "start": start.strftime("%d-%m-%Y %H:%M"), "kind": "recruiter", **data})
    return Interview.objects.latest("pk")


def reminders(inbox) -> list:
    return [m for m in inbox.messages if m["Subject"].startswith(("Herinnering", "Reminder"))]


@pytest.mark.tasks_backend
@pytest.mark.usefixtures("migrated_db")
def test_a_reminder_goes_out_once_at_its_time(recruiter_client, registration, smtp_server,
                                              run_worker, task_queue, settings):
    settings.REMINDER_HOURS_BEFORE = 24
    interview = plan_in(recruiter_client, registration, hours=30)
    [run_after] = task_queue.scheduled(send_reminders)
    expected = interview.start - timedelta(hours=24)
    assert abs(run_after - expected) < dt.timedelta(seconds=1)
    run_worker()
    assert reminders(smtp_server) == []  # not yet: it is six hours early
    task_queue.make_due(send_reminders)
    run_worker()
    [reminder] = reminders(smtp_server)
    assert reminder["To"].addresses[0].addr_spec == "jeroen@example.org"
    local = timezone.localtime(interview.start).strftime("%d-%m-%Y")
    assert local in reminder["Subject"]
    task_queue.make_due(send_reminders)
    run_worker()
    assert len(reminders(smtp_server)) == 1


@pytest.mark.tasks_backend
@pytest.mark.usefixtures("migrated_db")
def test_no_reminder_after_a_cancel(recruiter_client, registration, smtp_server, run_worker,
                                    task_queue):
    interview = plan_in(recruiter_client, registration, hours=48)
    recruiter_client.post(f"/interviews/{interview.pk}/status/", {"status": "cancelled"})
    task_queue.make_due(send_reminders)
    run_worker()
    assert reminders(smtp_server) == []


@pytest.mark.tasks_backend
@pytest.mark.usefixtures("migrated_db")
def test_the_reminder_moves_with_a_reschedule(recruiter_client, registration, smtp_server,
                                              run_worker, task_queue):
    interview = plan_in(recruiter_client, registration, hours=48)
    later = timezone.localtime(interview.start) + timedelta(days=2)
    recruiter_client.post(interview.get_absolute_url(), {
        "start": later.strftime("%d-%m-%Y %H:%M"), "kind": "recruiter",
        "version": interview.version})
    runs = task_queue.scheduled(send_reminders)
    assert len(runs) == 2 and runs[1] - runs[0] == timedelta(days=2)
    task_queue.make_due(send_reminders)
    run_worker()
    [reminder] = reminders(smtp_server)  # the old one is void: only the new time is sent
    assert later.strftime("%d-%m-%Y") in reminder["Subject"]


@pytest.mark.tasks_backend
@pytest.mark.usefixtures("migrated_db")
def test_the_owner_receives_the_decline_by_email(client, planned, smtp_server, run_worker,
                                                 recruiter):
    client.post(path(reply_link(planned, "decline")))
    run_worker()
    [notice] = smtp_server.messages
    assert notice["To"].addresses[0].addr_spec == recruiter.email
    assert "Jeroen van Dijk cannot make the interview" in notice["Subject"]
    assert f"/interviews/{planned.pk}/" in notice.get_body(("plain",)).get_content()


@pytest.mark.tasks_backend
@pytest.mark.usefixtures("migrated_db")
def test_no_reminder_for_an_interview_cancelled_in_the_admin(
    recruiter_client, admin_client, registration, smtp_server, run_worker, task_queue
):
    interview = plan_in(recruiter_client, registration, hours=48)
    url = reverse("admin:interviews_interview_change", args=[interview.pk])
    data = form_values(admin_client.get(url).content.decode(), "interview_form")
    assert data["status"] == ["planned"]
    data["status"] = ["cancelled"]
    assert admin_client.post(url, {**data, "_save": "Save"}).status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    task_queue.make_due(send_reminders)
    run_worker()
    assert reminders(smtp_server) == []
    assert not Message.objects.filter(purpose="reminder").exists()
