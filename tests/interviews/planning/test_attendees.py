"""One rule for who attends an interview and who is told of it: the candidate always; the
hiring manager, and with the module on the selection committee, only when the kind includes
the manager. Reminders, the communication screen, bookings and the dashboard all follow it."""

import pytest

from interviews.communication.reminders import send_reminders
from interviews.planning.configuration import InterviewSettings
from vacancies.models import ContactPerson

pytestmark = pytest.mark.usefixtures("migrated_db")


@pytest.fixture
def committee_member():
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    return ContactPerson.objects.create(name="Lotte de Graaf", email="lotte@example.com")


@pytest.fixture
def interview_of_kind(registration, make_interview, manager_contact, committee_member):
    def make(kind: str):
        interview = make_interview(registration=registration, kind=kind,
                                   contact_person=manager_contact)
        interview.committee_members.add(committee_member)
        return interview
    return make


def reminded(interview, smtp_server, run_worker) -> set[str]:
    send_reminders.call(interview.pk, interview.sequence)
    run_worker()
    return {received["To"].addresses[0].addr_spec for received in smtp_server.messages}


def test_a_recruiter_interview_reminds_the_candidate_alone(
    interview_of_kind, smtp_server, run_worker
):
    interview = interview_of_kind("recruiter")
    assert reminded(interview, smtp_server, run_worker) == {"jeroen@example.org"}


def test_an_interview_with_the_manager_reminds_everyone_who_attends(
    interview_of_kind, smtp_server, run_worker
):
    interview = interview_of_kind("both")
    assert reminded(interview, smtp_server, run_worker) == {
        "jeroen@example.org", "marieke@example.com", "lotte@example.com"}


def test_the_committee_is_not_told_while_the_module_is_off(
    interview_of_kind, smtp_server, run_worker
):
    interview = interview_of_kind("manager")
    InterviewSettings.objects.filter(pk=1).update(selection_committee_enabled=False)
    assert reminded(interview, smtp_server, run_worker) == {
        "jeroen@example.org", "marieke@example.com"}


def test_the_dashboard_names_the_manager_only_when_they_attend(
    recruiter_client, interview_of_kind
):
    interview = interview_of_kind("recruiter")
    assert "Marieke van der Linden" not in recruiter_client.get("/").content.decode()
    interview.kind = "both"
    interview.save()
    assert "Marieke van der Linden" in recruiter_client.get("/").content.decode()


def test_the_manager_screen_and_its_buttons_exist_only_when_the_manager_attends(
    recruiter_client, interview_of_kind
):
    interview = interview_of_kind("recruiter")
    screen = f"/interviews/{interview.pk}/communicate/manager/"
    assert recruiter_client.get(screen).status_code == 403
    page = recruiter_client.get(f"{interview.get_absolute_url()}?offer=change").content.decode()
    assert "Tell the candidate" in page and "Tell the hiring manager" not in page
    interview.kind = "manager"
    interview.save()
    assert recruiter_client.get(screen).status_code == 200
    page = recruiter_client.get(f"{interview.get_absolute_url()}?offer=change").content.decode()
    assert "Tell the hiring manager" in page
