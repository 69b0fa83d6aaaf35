"""Email addresses with any display name arrive, over SMTP, with that name decoded exactly."""

import pytest

from interviews.outbox import delivery as tasks
from interviews.outbox.models import Message
from tests.interviews.outbox.test_delivery import plan, send

pytestmark = pytest.mark.usefixtures("migrated_db")

NAMES = [
    "J.P. de Vries",
    "Dr. P. Smit",
    "Smit, Jr",
    'O\'Brien "Bob"',
    "Ann @ HR: lead",
    "Zoë Ñúñez",
    "Ågot Østergård",
    "山田 太郎",
    "Back\\slash (and comment)",
]


@pytest.fixture
def jp_de_vries(registration):
    candidate = registration.candidate
    candidate.first_name, candidate.last_name = "J.P.", "de Vries"
    candidate.save()
    return registration


def test_the_candidate_j_p_de_vries_gets_the_invitation_addressed_to_their_name(
    recruiter_client, jp_de_vries, smtp_server, run_worker
):
    interview = plan(recruiter_client, jp_de_vries)
    send(recruiter_client, interview)
    run_worker()
    [received] = smtp_server.messages
    [to] = received["To"].addresses
    assert (to.display_name, to.addr_spec) == ("J.P. de Vries", "jeroen@example.org")
    assert Message.objects.get().status == Message.Status.SENT


def test_every_display_name_arrives_decoded_exactly(
    recruiter_client, registration, smtp_server, run_worker
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    message = Message.objects.get()
    for number, name in enumerate(NAMES):
        message.pk, message.recipient_name = None, name
        message.recipient_email, message.send_token = f"person{number}@example.org", f"n{number}"
        message.message_id = f"<name-{number}@example.com>"
        message.save()
        tasks.enqueue_delivery(message)
    run_worker()
    arrived = {m["To"].addresses[0].addr_spec: m["To"].addresses[0].display_name
               for m in smtp_server.messages}
    assert arrived == {f"person{number}@example.org": name for number, name in enumerate(NAMES)
                       } | {"jeroen@example.org": "Jeroen van Dijk"}
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}


def test_a_sender_name_with_a_period_in_the_settings_arrives_as_written(
    recruiter_client, registration, smtp_server, run_worker, settings
):
    settings.DEFAULT_FROM_EMAIL = "Werving & Selectie B.V. <werving@example.com>"
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    run_worker()
    [received] = smtp_server.messages
    [sender] = received["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Werving & Selectie B.V.",
                                                       "werving@example.com")
