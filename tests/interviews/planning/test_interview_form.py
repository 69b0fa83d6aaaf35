"""The one interview form: fields, notation, defaults, saving and returning to the door."""

import datetime as dt
import re
from datetime import UTC, timedelta

import pytest

from interviews.planning.configuration import (
    InterviewGuideline,
    InterviewLocation,
    InterviewReason,
    InterviewSettings,
)
from interviews.planning.models import Interview

pytestmark = pytest.mark.django_db


def _post(client, url, **data):
    payload = {"start": "30-11-2037 10:00", "kind": "recruiter", "duration": "45"}
    payload.update(data)
    return client.post(url, {k: v for k, v in payload.items() if v is not None})


def new_url(registration, back=""):
    url = f"/registrations/{registration.pk}/interviews/new/"
    return f"{url}?back={back}" if back else url


def test_the_registration_door_prefills_what_it_knows(recruiter_client, registration):
    html = recruiter_client.get(new_url(registration)).content.decode()
    assert "Jeroen van Dijk" in html and "Senior Java Developer" in html
    manager = registration.vacancy.hiring_manager
    assert f'<option value="{manager.pk}" selected>' in html


def test_the_fields_come_in_the_order_of_the_manual(recruiter_client, registration):
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    InterviewGuideline.objects.create(title="STAR method", text="…")
    html = recruiter_client.get(new_url(registration)).content.decode()
    labels = ["Date", "Duration", "Interview location", "Location", "Reason", "Kind",
              "Contact person", "Interviewer", "Guidelines", "Memo (private)", "Report",
              "Selection committee members"]
    positions = [re.search(rf">\s*{re.escape(label)}\s*<", html).start() for label in labels]
    assert positions == sorted(positions)


def test_saving_plans_the_interview_and_returns_to_the_door(
    recruiter_client, plan_interview, stages, recruiter
):
    response = _post(recruiter_client, new_url(plan_interview), back="workflow?stage=3")
    assert response.status_code == 302
    assert response.url == "/workflow/?stage=3"
    interview = Interview.objects.get()
    assert (interview.candidate, interview.vacancy) == (plan_interview.candidate,
                                                       plan_interview.vacancy)
    assert interview.owner == recruiter
    assert interview.start == dt.datetime(2037, 11, 30, 9, 0, tzinfo=UTC)
    assert interview.duration == timedelta(minutes=45)
    plan_interview.refresh_from_db()
    assert plan_interview.stage == stages["Interview planned"]


def test_planning_leaves_a_registration_in_another_stage_where_it_is(
    recruiter_client, registration, stages
):
    _post(recruiter_client, new_url(registration))
    registration.refresh_from_db()
    assert registration.stage == stages["New"]


@pytest.mark.parametrize("typed", ["11/28/2026 10:00", "2026-11-28 10:00", "28-11-2037",
                                   "31-02-2026 10:00", "28-11-2037 25:00"])
def test_it_rejects_dates_not_in_european_notation_or_impossible(
    recruiter_client, registration, typed
):
    response = _post(recruiter_client, new_url(registration), start=typed, interviewer="Pat")
    html = response.content.decode()
    assert 'id="error_1_id_start"' in html
    assert "Write the date as dd-mm-yyyy HH:MM" in html
    assert f'value="{typed}"' in html and 'value="Pat"' in html
    assert not Interview.objects.exists()


@pytest.mark.parametrize(("typed", "utc"), [
    ("29-03-2026 10:00", dt.datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),   # summer time begins
    ("25-10-2026 10:00", dt.datetime(2026, 10, 25, 9, 0, tzinfo=UTC)),  # summer time ends
    ("28-03-2026 10:00", dt.datetime(2026, 3, 28, 9, 0, tzinfo=UTC)),   # the day before
])
def test_a_time_on_a_daylight_saving_switch_day_is_the_right_instant(
    recruiter_client, registration, typed, utc
):
    _post(recruiter_client, new_url(registration), start=typed, confirm_past="1")
    interview = Interview.objects.get()
    assert interview.start == utc
    html = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert f'value="{typed}"' in html


def test_a_time_that_does_not_exist_in_amsterdam_is_refused(recruiter_client, registration):
    response = _post(recruiter_client, new_url(registration), start="29-03-2026 02:30")
    assert 'id="error_1_id_start"' in response.content.decode()
    assert not Interview.objects.exists()


def test_an_interview_location_fills_an_empty_location(recruiter_client, registration):
    office = InterviewLocation.objects.create(
        name="Utrecht", address="Catharijnesingel 42\nUtrecht"
    )
    _post(recruiter_client, new_url(registration), location=office.pk, location_text="")
    assert Interview.objects.get().location_text == "Utrecht, Catharijnesingel 42, Utrecht"


def test_a_typed_location_is_kept(recruiter_client, registration):
    office = InterviewLocation.objects.create(name="Utrecht")
    _post(recruiter_client, new_url(registration), location=office.pk, location_text="Room 4.12")
    assert Interview.objects.get().location_text == "Room 4.12"


def test_the_duration_defaults_to_the_reasons_then_to_an_hour(recruiter_client, registration):
    assessment = InterviewReason.objects.create(name="Assessment", default_duration=180)
    _post(recruiter_client, new_url(registration), duration="", reason=assessment.pk)
    _post(recruiter_client, new_url(registration), duration="", start="01-12-2037 10:00")
    durations = sorted(Interview.objects.values_list("duration", flat=True))
    assert durations == [timedelta(hours=1), timedelta(hours=3)]


@pytest.mark.parametrize("kind", ["manager", "both"])
def test_the_contact_person_is_required_when_the_manager_attends(
    recruiter_client, registration, kind
):
    response = _post(recruiter_client, new_url(registration), kind=kind, contact_person="")
    assert 'id="error_1_id_contact_person"' in response.content.decode()
    assert not Interview.objects.exists()


def test_committee_members_are_asked_only_when_the_module_is_on(
    recruiter_client, registration, manager_contact
):
    assert "Selection committee members" not in recruiter_client.get(
        new_url(registration)).content.decode()
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    assert "Selection committee members" in recruiter_client.get(
        new_url(registration)).content.decode()
    _post(recruiter_client, new_url(registration), committee_members=[manager_contact.pk])
    assert list(Interview.objects.get().committee_members.all()) == [manager_contact]


def test_guidelines_memo_and_report_are_saved(recruiter_client, registration):
    star = InterviewGuideline.objects.create(title="STAR method", text="Situation…")
    _post(recruiter_client, new_url(registration), guidelines=[star.pk], memo="Salary 5k",
          report="Strong on Java", interviewer="Pat Jansen")
    interview = Interview.objects.get()
    assert list(interview.guidelines.all()) == [star]
    assert (interview.memo, interview.report, interview.interviewer) == (
        "Salary 5k", "Strong on Java", "Pat Jansen")


def test_the_memo_is_marked_private(recruiter_client, registration):
    html = recruiter_client.get(new_url(registration)).content.decode()
    assert "Memo (private)" in html and "never shown to the candidate" in html


def test_the_date_stays_editable_after_planning(recruiter_client, registration, make_interview):
    interview = make_interview(registration=registration)
    response = _post(recruiter_client, interview.get_absolute_url(), start="02-12-2037 15:30",
                     version=interview.version)
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.start == dt.datetime(2037, 12, 2, 14, 30, tzinfo=UTC)


def test_a_change_of_time_or_place_raises_the_calendar_sequence(
    recruiter_client, registration, make_interview
):
    interview = make_interview(registration=registration)
    uid = interview.calendar_uid
    _post(recruiter_client, interview.get_absolute_url(), start="02-12-2037 15:30",
          version=interview.version)
    interview.refresh_from_db()
    assert (interview.calendar_uid, interview.sequence) == (uid, 1)
    _post(recruiter_client, interview.get_absolute_url(), start="02-12-2037 15:30",
          report="Went well", version=interview.version)
    interview.refresh_from_db()
    assert interview.sequence == 1  # a report is no change for calendars


def test_the_stale_second_edit_is_refused_and_keeps_its_input(
    recruiter_client, registration, make_interview
):
    interview = make_interview(registration=registration, interviewer="Pat")
    seen = interview.version
    _post(recruiter_client, interview.get_absolute_url(), start="02-12-2037 15:30",
          interviewer="First editor", version=seen)
    response = _post(recruiter_client, interview.get_absolute_url(), start="03-12-2037 09:00",
                     interviewer="Second editor", version=seen)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this interview" in html
    assert 'value="Second editor"' in html and 'value="03-12-2037 09:00"' in html
    interview.refresh_from_db()
    assert interview.interviewer == "First editor"


def test_an_overlap_warns_and_can_be_overridden(
    recruiter_client, registration, make_interview
):
    when = dt.datetime(2037, 11, 30, 9, 30, tzinfo=UTC)  # 10:30 in Amsterdam
    make_interview(registration=registration, when=when)
    response = _post(recruiter_client, new_url(registration), start="30-11-2037 10:00",
                     interviewer="Pat")
    html = response.content.decode()
    assert "This interview overlaps with" in html and "30-11-2037 10:30" in html
    assert "Save anyway" in html and 'value="Pat"' in html
    assert Interview.objects.count() == 1
    _post(recruiter_client, new_url(registration), start="30-11-2037 10:00", confirm_overlap="1")
    assert Interview.objects.count() == 2


def test_back_to_back_interviews_do_not_overlap(recruiter_client, registration, make_interview):
    make_interview(registration=registration, when=dt.datetime(2037, 11, 30, 8, 0, tzinfo=UTC))
    response = _post(recruiter_client, new_url(registration), start="30-11-2037 10:00")
    assert response.status_code == 302


def test_an_overlap_of_the_hiring_manager_warns_across_candidates(
    recruiter_client, registration, make_interview, candidate, manager_contact
):
    from candidates.models import Candidate
    other = Candidate.objects.create(first_name="Eva", last_name="Peters", email="eva@x.org")
    make_interview(candidate=other, contact_person=manager_contact, kind="manager",
                   when=dt.datetime(2037, 11, 30, 9, 0, tzinfo=UTC))
    response = _post(recruiter_client, new_url(registration), kind="both",
                     contact_person=manager_contact.pk)
    assert "Eva Peters" in response.content.decode()


def test_an_overlap_of_a_committee_member_or_the_room_warns(
    recruiter_client, registration, make_interview, manager_contact
):
    from candidates.models import Candidate
    from vacancies.models import ContactPerson

    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    room = InterviewLocation.objects.create(name="Room 4.12")
    member = ContactPerson.objects.create(name="Lotte de Graaf", email="lotte@example.com")
    eva = Candidate.objects.create(first_name="Eva", last_name="Peters", email="eva@x.org")
    busy = make_interview(candidate=eva, when=dt.datetime(2037, 11, 30, 9, 0, tzinfo=UTC))
    busy.committee_members.add(member)
    response = _post(recruiter_client, new_url(registration), committee_members=[member.pk])
    assert "Eva Peters" in response.content.decode()
    tom = Candidate.objects.create(first_name="Tom", last_name="Vos", email="tom@x.org")
    make_interview(candidate=tom, location=room, when=dt.datetime(2037, 12, 1, 9, 0, tzinfo=UTC))
    response = _post(recruiter_client, new_url(registration), start="01-12-2037 10:30",
                     location=room.pk)
    assert "Tom Vos" in response.content.decode()


def test_a_cancelled_interview_is_no_overlap(recruiter_client, registration, make_interview):
    make_interview(registration=registration, status="cancelled",
                   when=dt.datetime(2037, 11, 30, 9, 0, tzinfo=UTC))
    assert _post(recruiter_client, new_url(registration)).status_code == 302


def test_cancel_and_held_keep_the_interview_in_the_history(
    recruiter_client, registration, make_interview
):
    interview = make_interview(registration=registration)
    recruiter_client.post(f"/interviews/{interview.pk}/status/", {"status": "cancelled"})
    interview.refresh_from_db()
    assert interview.status == "cancelled" and interview.sequence == 1
    html = recruiter_client.get(registration.candidate.get_absolute_url()).content.decode()
    assert "Cancelled" in html
    recruiter_client.post(f"/interviews/{interview.pk}/status/", {"status": "held"})
    interview.refresh_from_db()
    assert interview.status == "held"


def test_the_return_target_must_be_one_we_know(recruiter_client, registration):
    response = _post(recruiter_client, new_url(registration), back="//evil.example/")
    assert response.url == registration.get_absolute_url()


def test_the_dutch_form_is_dutch_with_the_same_notation(recruiter_client, registration,
                                                         make_interview):
    interview = make_interview(registration=registration,
                               when=dt.datetime(2037, 12, 2, 14, 30, tzinfo=UTC))
    html = recruiter_client.get(interview.get_absolute_url(),
                                HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Datum" in html and "Gesprekslocatie" in html and "- Kies een optie -" in html
    assert 'value="02-12-2037 15:30"' in html
    assert "Select an option" not in html


def _start_error(html: str) -> str:
    """The message shown under the date field."""
    match = re.search(r'id="error_1_id_start"[^>]*>(?:<small>)?(?:<strong>)?(.*?)<', html)
    assert match, "no message next to the date"
    return match.group(1).strip()


@pytest.mark.parametrize("typed", ["31-12-9999 23:30", "01-01-0001 00:00", "31-12-1899 23:59",
                                   "01-01-2201 00:00"])
def test_a_date_outside_the_years_1900_to_2200_is_refused_next_to_the_field(
    recruiter_client, registration, typed
):
    response = _post(recruiter_client, new_url(registration), start=typed, interviewer="Pat")
    html = response.content.decode()
    assert _start_error(html) == "Choose a date between 01-01-1900 and 31-12-2200."
    assert f'value="{typed}"' in html and 'value="Pat"' in html
    assert not Interview.objects.exists()


def test_the_last_day_of_2200_can_still_be_planned_and_edited(recruiter_client, registration):
    _post(recruiter_client, new_url(registration), start="31-12-2200 23:30", duration="60")
    interview = Interview.objects.get()
    html = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert 'value="31-12-2200 23:30"' in html


@pytest.mark.parametrize("typed", ["99999999999999", "99999999999999999999", "721", "4"])
def test_a_duration_outside_5_minutes_to_12_hours_is_refused_next_to_the_field(
    recruiter_client, registration, typed
):
    html = _post(recruiter_client, new_url(registration), duration=typed).content.decode()
    message = re.search(r'id="error_1_id_duration"[^>]*>(?:<small>)?(?:<strong>)?(.*?)<',
                        html).group(1)
    assert message == "Choose a duration between 5 and 720 minutes."
    assert f'value="{typed}"' in html
    assert not Interview.objects.exists()


CLOCK_CHANGES = {
    ("en", "28-03-2027 02:30"): "28-03-2027 02:30 does not exist: the clocks go forward from "
                                "02:00 to 03:00. Choose another time.",
    ("en", "31-10-2027 02:30"): "31-10-2027 02:30 happens twice: the clocks go back from 03:00 "
                                "to 02:00. Choose a time before 02:00 or from 03:00 on.",
    ("nl", "28-03-2027 02:30"): "28-03-2027 02:30 bestaat niet: de klok gaat dan van 02:00 "
                                "vooruit naar 03:00. Kies een andere tijd.",
    ("nl", "31-10-2027 02:30"): "31-10-2027 02:30 komt twee keer voor: de klok gaat dan van "
                                "03:00 terug naar 02:00. Kies een tijd vóór 02:00 of vanaf 03:00.",
}


@pytest.mark.parametrize(("language", "typed"), sorted(CLOCK_CHANGES))
def test_a_time_in_a_clock_change_is_refused_saying_which_change_in_the_users_language(
    recruiter_client, registration, language, typed
):
    response = recruiter_client.post(new_url(registration), {
        "start": typed, "kind": "recruiter", "duration": "45"}, HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert _start_error(html) == CLOCK_CHANGES[language, typed]
    assert f'value="{typed}"' in html
    assert not Interview.objects.exists()
