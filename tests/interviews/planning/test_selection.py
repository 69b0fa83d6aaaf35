"""Selection interviews on the vacancy, planned in series and linked to registrations (R6)."""

import datetime as dt
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from candidates.models import Candidate, Registration
from interviews.outbox.models import Message
from interviews.planning.models import Interview
from tests.interviews.portal.test_self_schedule import link_in
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def next_monday() -> dt.date:
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


@pytest.fixture
def draft_vacancy(vacancy):
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.DRAFT)
    vacancy.refresh_from_db()
    return vacancy


def plan_series(client, vacancy, count=5):
    day = next_monday().strftime("%d-%m-%Y")
    return client.post(f"/vacancies/{vacancy.pk}/interviews/series/", {
        "start": f"{day} 09:00", "duration": "45", "count": str(count), "gap": "15",
        "kind": "both", "contact_person": vacancy.hiring_manager_id,
        "location_text": "Utrecht, room 4", "interviewer": "Marieke"})


def test_a_series_is_planned_on_a_draft_vacancy(recruiter_client, draft_vacancy):
    response = plan_series(recruiter_client, draft_vacancy)
    assert response.url == draft_vacancy.get_absolute_url()
    slots = list(Interview.objects.order_by("start"))
    assert [timezone.localtime(s.start).strftime("%H:%M") for s in slots] == [
        "09:00", "10:00", "11:00", "12:00", "13:00"]
    assert {s.duration for s in slots} == {timedelta(minutes=45)}
    assert {(s.vacancy_id, s.candidate_id, s.location_text) for s in slots} == {
        (draft_vacancy.pk, None, "Utrecht, room 4")}
    assert len({s.calendar_uid for s in slots}) == 5
    html = recruiter_client.get(draft_vacancy.get_absolute_url()).content.decode()
    assert html.count(">Open</span>") == 5


def test_a_series_with_bad_input_keeps_it(recruiter_client, draft_vacancy):
    response = recruiter_client.post(f"/vacancies/{draft_vacancy.pk}/interviews/series/", {
        "start": "12/07/2026 09:00", "count": "50", "gap": "15", "kind": "recruiter",
        "interviewer": "Marieke"})
    html = response.content.decode()
    assert 'id="error_1_id_start"' in html and 'id="error_1_id_count"' in html
    assert 'value="Marieke"' in html
    assert not Interview.objects.exists()


def test_linking_a_registration_takes_the_interview(recruiter_client, draft_vacancy,
                                                    plan_interview, stages):
    plan_series(recruiter_client, draft_vacancy, count=2)
    first, second = Interview.objects.order_by("start")
    page = recruiter_client.get(f"/registrations/{plan_interview.pk}/link/").content.decode()
    assert page.count('name="interview"') == 2
    response = recruiter_client.post(f"/registrations/{plan_interview.pk}/link/",
                                     {"interview": first.pk, "back": "workflow"})
    assert response.url == f"/interviews/{first.pk}/communicate/candidate/?back=workflow"
    first.refresh_from_db()
    assert (first.candidate, first.registration) == (plan_interview.candidate, plan_interview)
    plan_interview.refresh_from_db()
    assert plan_interview.stage == stages["Interview planned"]
    page = recruiter_client.get(f"/registrations/{plan_interview.pk}/link/").content.decode()
    assert page.count('name="interview"') == 1 and f'value="{second.pk}"' in page
    dossier = recruiter_client.get(draft_vacancy.get_absolute_url()).content.decode()
    assert "Taken" in dossier and "Jeroen van Dijk" in dossier


def test_a_taken_interview_cannot_be_linked_again(recruiter_client, draft_vacancy,
                                                  plan_interview, candidate):
    plan_series(recruiter_client, draft_vacancy, count=1)
    slot = Interview.objects.get()
    Interview.objects.filter(pk=slot.pk).update(candidate=candidate)
    response = recruiter_client.post(f"/registrations/{plan_interview.pk}/link/",
                                     {"interview": slot.pk}, follow=True)
    assert "just taken" in response.content.decode()


def test_the_vacancy_door_plans_one_selection_interview(recruiter_client, draft_vacancy):
    response = recruiter_client.post(f"/vacancies/{draft_vacancy.pk}/interviews/new/", {
        "start": "07-12-2037 09:00", "kind": "both",
        "contact_person": draft_vacancy.hiring_manager_id,
        "back": f"vacancy_detail:{draft_vacancy.pk}"})
    assert response.url == draft_vacancy.get_absolute_url()
    assert Interview.objects.get().is_open_slot


@pytest.fixture
def cancelled_after_taking(recruiter_client, draft_vacancy, plan_interview):
    """A selection interview Jeroen took, then cancelled by the recruiter."""
    plan_series(recruiter_client, draft_vacancy, count=1)
    taken = Interview.objects.get()
    recruiter_client.post(f"/registrations/{plan_interview.pk}/link/", {"interview": taken.pk})
    recruiter_client.post(f"/interviews/{taken.pk}/status/", {"status": "cancelled"})
    taken.refresh_from_db()
    return taken


def dossier_row(client, vacancy, interview) -> str:
    html = client.get(vacancy.get_absolute_url()).content.decode()
    rows = re.findall(r"<tr>.*?</tr>", html, flags=re.S)
    return next(row for row in rows if f"/interviews/{interview.pk}/?" in row)


def test_a_cancelled_selection_interview_shows_as_cancelled_not_taken(
    recruiter_client, draft_vacancy, cancelled_after_taking
):
    row = dossier_row(recruiter_client, draft_vacancy, cancelled_after_taking)
    assert "Cancelled" in row and "Taken" not in row
    assert "Jeroen van Dijk" in row  # who had it
    assert "Free this time again" in row
    page = recruiter_client.get(
        f"/registrations/{cancelled_after_taking.registration_id}/link/")
    assert page.status_code == 200
    assert 'name="interview"' not in page.content.decode()  # left cancelled: not offered


def test_a_freed_time_is_open_again_and_can_be_chosen_through_a_link(
    client, recruiter_client, draft_vacancy, cancelled_after_taking, stages, recruiter
):
    response = recruiter_client.post(f"/interviews/{cancelled_after_taking.pk}/reoffer/",
                                     follow=True)
    assert "is open again" in response.content.decode()
    freed = Interview.objects.exclude(pk=cancelled_after_taking.pk).get()
    assert freed.start == cancelled_after_taking.start and freed.is_open_slot
    row = dossier_row(recruiter_client, draft_vacancy, cancelled_after_taking)
    assert "Cancelled" in row and "Time freed again" in row and "Free this time" not in row
    assert ">Open</span>" in dossier_row(recruiter_client, draft_vacancy, freed)

    other = Registration(candidate=Candidate.objects.create(
        first_name="Noor", last_name="Hassan", email="noor@example.org", language="en"),
        vacancy=draft_vacancy, stage=stages["Plan interview"])
    other.register(by=recruiter)
    page = recruiter_client.get(f"/registrations/{other.pk}/choose-time/")
    recruiter_client.post(f"/registrations/{other.pk}/choose-time/", {
        "document": page.context["form"]["document"].value(),
        "profile": page.context["form"]["profile"].value()})
    url = link_in(Message.objects.get(purpose="choose_time"))
    assert "Your interview is booked" in client.post(url, {"interview": freed.pk}).content.decode()
    freed.refresh_from_db()
    assert freed.candidate.first_name == "Noor"
    cancelled_after_taking.refresh_from_db()
    assert cancelled_after_taking.status == "cancelled"
    assert cancelled_after_taking.candidate.first_name == "Jeroen"  # his history keeps it


def test_a_time_is_freed_once(recruiter_client, cancelled_after_taking):
    recruiter_client.post(f"/interviews/{cancelled_after_taking.pk}/reoffer/")
    again = recruiter_client.post(f"/interviews/{cancelled_after_taking.pk}/reoffer/",
                                  follow=True)
    assert "cannot be freed" in again.content.decode()
    assert Interview.objects.filter(candidate__isnull=True).count() == 1


def test_a_planned_interview_cannot_be_freed(recruiter_client, draft_vacancy):
    plan_series(recruiter_client, draft_vacancy, count=1)
    slot = Interview.objects.get()
    recruiter_client.post(f"/interviews/{slot.pk}/reoffer/")
    assert Interview.objects.count() == 1


def test_a_series_in_year_9999_is_refused_next_to_the_date(recruiter_client, draft_vacancy):
    html = recruiter_client.post(f"/vacancies/{draft_vacancy.pk}/interviews/series/", {
        "start": "31-12-9999 23:30", "duration": "45", "count": "3", "gap": "15",
        "kind": "recruiter"}).content.decode()
    assert 'id="error_1_id_start"' in html
    assert "Choose a date between 01-01-1900 and 31-12-2200." in html
    assert 'value="31-12-9999 23:30"' in html
    assert not Interview.objects.exists()


@pytest.mark.parametrize("typed", ["²", "٣", "99999999999999999999", "-1"])
def test_linking_with_a_choice_that_is_no_number_asks_for_another(
    recruiter_client, draft_vacancy, plan_interview, typed
):
    plan_series(recruiter_client, draft_vacancy, count=1)
    html = recruiter_client.post(f"/registrations/{plan_interview.pk}/link/",
                                 {"interview": typed}, follow=True).content.decode()
    assert "Choose another one" in html and html.count('name="interview"') == 1
    assert Interview.objects.get().candidate is None
