"""What a recruiter sees of a delivery that fails: when the next try is, why, and a Retry."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.mail.backends import locmem
from django.utils import timezone

from interviews.outbox.delivery import drain_outbox
from interviews.outbox.models import Message
from tests.interviews.outbox.test_delivery import plan, send, until_given_up
from tests.interviews.portal.test_self_schedule import link_in, slot
from vacancies.models import Vacancy

pytestmark = pytest.mark.usefixtures("migrated_db")


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, white space collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def drain_due_at(task_queue, when) -> bool:
    """A drain of the outbox waits for that moment (RQ counts whole seconds)."""
    return any(abs(run_after - when) < timedelta(seconds=1)
               for run_after in task_queue.scheduled(drain_outbox))


@pytest.mark.tasks_backend
def test_after_each_failure_the_next_try_is_due_30_then_120_then_600_seconds_later(
    recruiter_client, registration, smtp_port, run_worker, task_queue
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    message = Message.objects.get()
    for attempt, delay in enumerate((30, 120, 600), start=1):
        before = timezone.now()
        run_worker()
        after = timezone.now()
        message.refresh_from_db()
        assert (message.status, message.attempts) == (Message.Status.RETRYING, attempt)
        wait = timedelta(seconds=delay)
        assert before + wait <= message.next_attempt_at <= after + wait
        assert drain_due_at(task_queue, message.next_attempt_at)
        # The time has come (without waiting for it here).
        Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        task_queue.make_due(drain_outbox)
    run_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.FAILED, 4)


@pytest.mark.tasks_backend
def test_a_retry_whose_drain_runs_a_moment_early_still_goes_out_at_its_time(
    recruiter_client, registration, smtp_port, run_worker, task_queue, request
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    run_worker()  # nothing listens on the port: the next try is in 30 seconds
    task_queue.make_due(drain_outbox)  # the scheduler starts it a moment before that
    run_worker()
    message = Message.objects.get()
    assert (message.status, message.attempts) == (Message.Status.RETRYING, 1)
    assert drain_due_at(task_queue, message.next_attempt_at)
    server = request.getfixturevalue("smtp_server")  # the server comes back meanwhile
    Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    task_queue.make_due(drain_outbox)
    run_worker()
    [received] = server.messages
    assert received["Message-ID"] == message.message_id
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.SENT, 2)


@pytest.mark.tasks_backend
def test_a_retrying_message_says_which_attempt_is_next_when_and_why(
    recruiter_client, registration, smtp_port, run_worker
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    run_worker()  # nothing listens on the port: the connection is refused
    message = Message.objects.get()
    today_14_32 = timezone.localtime().replace(hour=14, minute=32)
    Message.objects.filter(pk=message.pk).update(next_attempt_at=today_14_32)
    page = text_of(recruiter_client.get(interview.get_absolute_url()))
    assert ("Retrying Attempt 2 of 4, next try at 14:32: the mail server refused the "
            "connection") in page
    assert "Queued" not in page
    steps = text_of(recruiter_client.get(registration.get_absolute_url()))
    assert "Jeroen van Dijk: Retrying Attempt 2 of 4, next try at 14:32" in steps
    Message.objects.filter(pk=message.pk).update(
        next_attempt_at=today_14_32 + timedelta(days=1))
    page = text_of(recruiter_client.get(interview.get_absolute_url()))
    tomorrow = (today_14_32 + timedelta(days=1)).strftime("%d-%m-%Y")
    assert f"next try at {tomorrow} 14:32: the mail server refused the connection" in page


@pytest.mark.tasks_backend
def test_a_refused_recipient_fails_in_words_a_recruiter_understands_with_a_retry(
    recruiter_client, registration, smtp_server, refuse, run_worker, task_queue
):
    refuse("jeroen@example.org")
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    until_given_up(run_worker, task_queue)
    page = recruiter_client.get(interview.get_absolute_url())
    assert ("Failed Not sent: the recipient's address was refused: check that the email "
            "address is right.") in text_of(page)
    message = Message.objects.get()
    assert f'action="/messages/{message.pk}/retry/"' in page.content.decode()


@pytest.mark.parametrize(("error", "reason"), [
    (ConnectionRefusedError(111, "Connection refused"), "the mail server refused the connection"),
    (TimeoutError("timed out"), "the mail server did not answer in time"),
    (__import__("smtplib").SMTPAuthenticationError(535, b"5.7.8 Bad credentials"),
     "the mail server did not accept our login: the email settings need checking"),
    (__import__("ssl").SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"),
     "no secure connection to the mail server could be made"),
    (__import__("smtplib").SMTPNotSupportedError("STARTTLS extension not supported by server."),
     "no secure connection to the mail server could be made"),
    (RuntimeError("451 4.3.0 Mailbox temporarily locked"), "451 4.3.0 Mailbox temporarily locked"),
])
def test_the_common_mail_errors_read_as_plain_words(
    recruiter_client, registration, run_worker, task_queue, monkeypatch, error, reason
):
    def fail(self, messages) -> None:
        raise error

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", fail)  # EMAIL_URL=memory://
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    until_given_up(run_worker, task_queue)
    page = text_of(recruiter_client.get(interview.get_absolute_url()))
    assert f"Failed Not sent: {reason}" in page


@pytest.mark.tasks_backend
def test_a_failed_choose_a_time_email_shows_on_the_registration_and_retry_sends_it(
    recruiter_client, plan_interview, recruiter, smtp_port, run_worker, task_queue, request
):
    slot(plan_interview.vacancy, recruiter, 3)
    page = recruiter_client.get(f"/registrations/{plan_interview.pk}/choose-time/")
    recruiter_client.post(f"/registrations/{plan_interview.pk}/choose-time/", {
        "document": page.context["form"]["document"].value(),
        "profile": page.context["form"]["profile"].value()})
    until_given_up(run_worker, task_queue)  # the mail server is down
    message = Message.objects.get()
    dossier = recruiter_client.get(plan_interview.get_absolute_url())
    assert "Failed Not sent: the mail server refused the connection." in text_of(dossier)
    assert f'action="/messages/{message.pk}/retry/"' in dossier.content.decode()
    server = request.getfixturevalue("smtp_server")  # the server comes back
    response = recruiter_client.post(f"/messages/{message.pk}/retry/")
    assert response.status_code == 302 and response.url == plan_interview.get_absolute_url()
    run_worker()
    [received] = server.messages
    assert link_in(message) in received.get_body(("plain",)).get_content()
    message.refresh_from_db()
    assert message.status == Message.Status.SENT


def name_of(length: int) -> str:
    """A name of ordinary words, exactly `length` characters long."""
    return ("Maria van den Bosch " * 20)[:length - 1] + "a"


@pytest.fixture
def longest_names(plan_interview):
    """A candidate and a vacancy with names as long as their forms allow."""
    candidate = plan_interview.candidate
    candidate.first_name, candidate.last_name = name_of(100), name_of(150)
    candidate.save()
    Vacancy.objects.filter(pk=plan_interview.vacancy_id).update(title=name_of(200))
    plan_interview.vacancy.refresh_from_db()
    return plan_interview


@pytest.mark.tasks_backend
def test_the_longest_names_fit_through_send(
    recruiter_client, longest_names, smtp_server, run_worker
):
    interview = plan(recruiter_client, longest_names)
    send(recruiter_client, interview,
         **{"candidate-nl-subject": "{{ candidate_name }} / {{ vacancy }}"})
    run_worker()
    message = Message.objects.get()
    assert message.recipient_name == f"{name_of(100)} {name_of(150)}"
    assert len(message.subject) == 300 and message.subject.endswith("…")
    [received] = smtp_server.messages
    assert received["To"].addresses[0].display_name == message.recipient_name


@pytest.mark.tasks_backend
def test_the_longest_names_fit_through_choose_a_time(
    recruiter_client, longest_names, recruiter, smtp_server, run_worker
):
    slot(longest_names.vacancy, recruiter, 3)
    page = recruiter_client.get(f"/registrations/{longest_names.pk}/choose-time/")
    response = recruiter_client.post(f"/registrations/{longest_names.pk}/choose-time/", {
        "document": page.context["form"]["document"].value(),
        "profile": page.context["form"]["profile"].value()})
    assert response.status_code == 302
    run_worker()
    message = Message.objects.get()
    assert message.recipient_name == f"{name_of(100)} {name_of(150)}"
    assert message.status == Message.Status.SENT
