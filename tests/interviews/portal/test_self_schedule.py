"""Candidates choose their own selection interview through a signed link."""

import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from ats.signing import make_token
from candidates.models import Candidate, Registration
from interviews.communication.reminders import send_reminders
from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal import views as public_views
from interviews.portal.booking import slot_take
from interviews.portal.links import scheduling_link
from interviews.portal.models import SchedulingInvitation
from tests.interviews.portal.test_replies_and_reminders import path, reminders
from vacancies.models import Vacancy


def slot(vacancy, recruiter, days: int, hour: int = 10, **fields) -> Interview:
    start = timezone.make_aware(timezone.datetime.combine(
        timezone.localdate() + timedelta(days=days), timezone.datetime.min.time())
    ) + timedelta(hours=hour)
    return Interview.objects.create(vacancy=vacancy, owner=recruiter, start=start, kind="both",
                                    contact_person=vacancy.hiring_manager,
                                    location_text="Utrecht", **fields)


def link_in(message: Message) -> str:
    return re.search(r"https?://\S+/choose/[^\s)]+/", message.text).group(0).split(
        "127.0.0.1:8000")[-1]


@pytest.fixture
def invited(recruiter_client, plan_interview, recruiter):
    candidate = plan_interview.candidate
    candidate.wants_vcalendar = True
    candidate.save()
    vacancy = plan_interview.vacancy
    slots = [slot(vacancy, recruiter, 3), slot(vacancy, recruiter, 4)]
    other = Vacancy.objects.create(title="Other", status="published")
    slot(other, recruiter, 3, hour=14)
    slot(vacancy, recruiter, -2)  # past
    taken = slot(vacancy, recruiter, 5)
    Interview.objects.filter(pk=taken.pk).update(candidate=Candidate.objects.create(
        first_name="Eva", last_name="Peters", email="eva@x.org"))
    page = recruiter_client.get(f"/registrations/{plan_interview.pk}/choose-time/")
    assert "2 open selection interviews" in page.content.decode()
    recruiter_client.post(f"/registrations/{plan_interview.pk}/choose-time/", {
        "document": page.context["form"]["document"].value(),
        "profile": page.context["form"]["profile"].value()})
    message = Message.objects.get(purpose="choose_time")
    return message, slots


@pytest.mark.django_db
def test_the_page_shows_only_the_open_interviews_in_the_candidates_language(client, invited):
    message, slots = invited
    assert message.subject == "Kies een tijd voor je gesprek voor Senior Java Developer"
    html = client.get(link_in(message)).content.decode()
    assert "kies een tijd voor je gesprek" in html.lower()
    assert html.count('name="interview"') == 2
    for interview in slots:
        assert f'value="{interview.pk}"' in html
    assert "Europe/Amsterdam" in html


@pytest.mark.django_db
def test_picking_books_it_and_sends_the_confirmation_with_an_invitation(
    client, invited, stages, django_capture_on_commit_callbacks
):
    message, slots = invited
    url = link_in(message)
    with django_capture_on_commit_callbacks(execute=False):
        html = client.post(url, {"interview": slots[1].pk}).content.decode()
    assert "Je gesprek staat gepland" in html
    booked = Interview.objects.get(pk=slots[1].pk)
    assert booked.candidate.first_name == "Jeroen"
    assert booked.registration.stage == stages["Interview planned"]
    sent = Message.objects.filter(interview=booked)
    to_candidate = sent.get(audience="candidate")
    assert to_candidate.purpose == "invitation" and "METHOD:REQUEST" in to_candidate.ics
    assert sent.filter(audience="manager").exists()  # the hiring manager is informed
    again = client.get(url)
    assert again.status_code == 410 and "al gebruikt" in again.content.decode()  # in Dutch


@pytest.mark.django_db
def test_expired_and_tampered_links_get_a_kind_page(client, invited):
    message, _ = invited
    url = link_in(message)
    tampered = client.get(url[:-3] + "xx/")
    assert tampered.status_code == 404
    assert "not complete or not valid" in tampered.content.decode()
    invitation = SchedulingInvitation.objects.get()
    old = make_token("schedule", {"s": invitation.pk},
                     expires=timezone.now() - timedelta(minutes=1))
    expired = client.get(f"/choose/{old}/")
    assert expired.status_code == 410 and "expired" in expired.content.decode()


def booked_by(candidate) -> list[Interview]:
    return list(Interview.objects.filter(candidate=candidate))


def invitations_sent() -> list[str]:
    return sorted(Message.objects.filter(purpose="invitation").values_list("audience", flat=True))


@pytest.mark.django_db
def test_a_second_pick_through_the_same_link_is_told_the_link_was_just_used(client, invited):
    message, slots = invited
    url = link_in(message)
    client.post(url, {"interview": slots[0].pk})
    second = client.post(url, {"interview": slots[1].pk})
    html = second.content.decode()
    assert second.status_code == 410 and "al gebruikt" in html
    assert timezone.localtime(slots[0].start).strftime("%d-%m-%Y") in html  # what was booked
    [booked] = booked_by(message.registration.candidate)
    assert booked.pk == slots[0].pk
    assert invitations_sent() == ["candidate", "manager"]


@pytest.mark.django_db
def test_a_pick_from_another_tab_while_this_one_books_books_nothing(client, invited,
                                                                     monkeypatch):
    """Tab 1 reads the link; before it books, tab 2 books through the same link."""
    message, slots = invited
    url = link_in(message)
    read, other_tab = public_views.read_scheduling_link, {}

    def read_while_the_other_tab_picks(token):
        invitation = read(token)
        if "response" not in other_tab:
            other_tab["response"] = None  # the other tab's own reading goes straight through
            other_tab["response"] = Client().post(url, {"interview": slots[1].pk})
        return invitation

    monkeypatch.setattr(public_views, "read_scheduling_link", read_while_the_other_tab_picks)
    response = client.post(url, {"interview": slots[0].pk})
    assert "Je gesprek staat gepland" in other_tab["response"].content.decode()
    assert response.status_code == 410 and "al gebruikt" in response.content.decode()
    [booked] = booked_by(message.registration.candidate)
    assert booked.pk == slots[1].pk
    assert invitations_sent() == ["candidate", "manager"]


@pytest.mark.django_db
def test_a_link_built_after_its_invitation_expired_books_nothing(client, invited):
    message, slots = invited
    invitation = SchedulingInvitation.objects.get()
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    url = path(scheduling_link(invitation))
    page = client.get(url)
    assert page.status_code == 410 and "The link has expired." in page.content.decode()
    pick = client.post(url, {"interview": slots[0].pk})
    assert pick.status_code == 410 and "The link has expired." in pick.content.decode()
    assert booked_by(message.registration.candidate) == []
    assert invitations_sent() == []


@pytest.mark.django_db
def test_a_link_whose_invitation_expired_since_the_email_books_nothing(client, invited):
    message, slots = invited
    SchedulingInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    pick = client.post(link_in(message), {"interview": slots[0].pk})
    assert pick.status_code == 410 and "The link has expired." in pick.content.decode()
    assert booked_by(message.registration.candidate) == []


@pytest.mark.django_db(transaction=True)
def test_three_tabs_picking_at_once_through_one_link_book_one_time(
    migrated_db, recruiter_client, plan_interview, recruiter
):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent writers (PostgreSQL)")
    vacancy = plan_interview.vacancy
    slots = [slot(vacancy, recruiter, days) for days in (3, 4, 5)]
    page = recruiter_client.get(f"/registrations/{plan_interview.pk}/choose-time/")
    recruiter_client.post(f"/registrations/{plan_interview.pk}/choose-time/", {
        "document": page.context["form"]["document"].value(),
        "profile": page.context["form"]["profile"].value()})
    url = link_in(Message.objects.get(purpose="choose_time"))
    start = threading.Barrier(len(slots))
    answers = []

    def pick(interview):
        try:
            tab = Client()
            start.wait()
            answers.append(tab.post(url, {"interview": interview.pk}).status_code)
        finally:
            connection.close()

    tabs = [threading.Thread(target=pick, args=(interview,)) for interview in slots]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    assert sorted(answers) == [200, 410, 410]
    assert len(booked_by(plan_interview.candidate)) == 1
    assert invitations_sent() == ["candidate", "manager"]


@pytest.mark.usefixtures("migrated_db")
def test_a_time_booked_through_the_link_is_reminded_once(
    client, recruiter_client, plan_interview, recruiter, smtp_server, run_worker, task_queue
):
    vacancy = plan_interview.vacancy
    first, second = slot(vacancy, recruiter, 3), slot(vacancy, recruiter, 4)
    page = recruiter_client.get(f"/registrations/{plan_interview.pk}/choose-time/")
    recruiter_client.post(f"/registrations/{plan_interview.pk}/choose-time/", {
        "document": page.context["form"]["document"].value(),
        "profile": page.context["form"]["profile"].value()})
    url = link_in(Message.objects.get(purpose="choose_time"))
    client.post(url, {"interview": first.pk})
    client.post(url, {"interview": second.pk})  # a second tab: refused
    task_queue.make_due(send_reminders)
    run_worker()
    to_candidate = [m for m in reminders(smtp_server)
                    if m["To"].addresses[0].addr_spec == plan_interview.candidate.email]
    [reminder] = to_candidate
    assert timezone.localtime(first.start).strftime("%d-%m-%Y") in reminder["Subject"]


@pytest.mark.django_db
def test_a_time_taken_meanwhile_shows_the_remaining_ones(client, invited, candidate):
    message, slots = invited
    Interview.objects.filter(pk=slots[0].pk).update(candidate=Candidate.objects.create(
        first_name="Noor", last_name="Hassan", email="noor@x.org"))
    html = client.post(link_in(message), {"interview": slots[0].pk}).content.decode()
    assert "net voor jou" in html  # in the candidate's language
    assert html.count('name="interview"') == 1 and f'value="{slots[1].pk}"' in html


@pytest.mark.django_db(transaction=True)
def test_two_candidates_picking_the_same_interview_at_once_give_one_winner(
    migrated_db, recruiter, vacancy, stages
):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent writers (PostgreSQL)")
    target = slot(vacancy, recruiter, 3)
    registrations = []
    for name in ("Fatima", "Sophie", "Lucas", "Emma"):
        person = Candidate.objects.create(first_name=name, last_name="T", email=f"{name}@x.org")
        registration = Registration(candidate=person, vacancy=vacancy,
                                    stage=stages["Plan interview"])
        registration.register(by=recruiter)
        registrations.append(registration)
    start = threading.Barrier(len(registrations))
    winners = []

    def pick(registration):
        try:
            start.wait()
            if slot_take(slot_id=target.pk, registration=registration, by=recruiter):
                winners.append(registration.candidate.first_name)
        finally:
            connection.close()

    threads = [threading.Thread(target=pick, args=(r,)) for r in registrations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    target.refresh_from_db()
    assert len(winners) == 1
    assert target.candidate.first_name == winners[0]


@pytest.mark.usefixtures("migrated_db")
def test_the_candidate_and_the_manager_receive_the_booking_by_email(
    client, recruiter_client, plan_interview, recruiter, smtp_server, run_worker
):
    candidate = plan_interview.candidate
    candidate.wants_vcalendar, candidate.language = True, "en"
    candidate.save()
    booked = slot(plan_interview.vacancy, recruiter, 3)
    page = recruiter_client.get(f"/registrations/{plan_interview.pk}/choose-time/")
    recruiter_client.post(f"/registrations/{plan_interview.pk}/choose-time/", {
        "document": page.context["form"]["document"].value(),
        "profile": page.context["form"]["profile"].value()})
    run_worker()
    [choose] = smtp_server.messages
    link = re.search(r"/choose/[^\s)]+/", choose.get_body(("plain",)).get_content()).group(0)
    client.post(link, {"interview": booked.pk})
    run_worker()
    confirmation, to_manager = smtp_server.messages[1:]
    assert confirmation["To"].addresses[0].addr_spec == candidate.email
    calendar = next(p for p in confirmation.walk() if p.get_content_type() == "text/calendar")
    assert calendar.get_param("method") == "REQUEST"
    assert to_manager["To"].addresses[0].addr_spec == plan_interview.vacancy.hiring_manager.email


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["²", "٣", "99999999999999999999"])
def test_a_pick_that_is_no_number_shows_the_times_again(client, invited, typed):
    message, slots = invited
    html = client.post(link_in(message), {"interview": typed}).content.decode()
    assert "net voor jou" in html and html.count('name="interview"') == 2
    assert not Interview.objects.filter(pk__in=[s.pk for s in slots],
                                        candidate__isnull=False).exists()
