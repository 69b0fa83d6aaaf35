"""A database of the schema before the capability split migrates forward without loss."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# The schema as it last landed before the trust fixes and the split into capabilities.
BEFORE = [("interviews", "0009_report_index"), ("candidates", "0004_waiting_index"),
          ("vacancies", "0002_contactperson_time_zone")]
CANCELLATION_ICS = ("BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _fill(old) -> dict:
    """A little office in the old schema: an interview and two messages about it."""
    user = old.get_model("auth", "User").objects.create(username="sanne", email="s@example.com")
    contact = old.get_model("vacancies", "ContactPerson").objects.create(
        name="J.P. de Vries", email="jp@example.org")
    vacancy = old.get_model("vacancies", "Vacancy").objects.create(
        title="Verpleegkundige", reference="Z-1", hiring_manager=contact, recruiter=user)
    candidate = old.get_model("candidates", "Candidate").objects.create(
        first_name="Zoë", last_name="Ñúñez", email="zoe@example.org")
    interview = old.get_model("interviews", "Interview").objects.create(
        owner=user, candidate=candidate, vacancy=vacancy, contact_person=contact,
        start=timezone.now(), memo="private")
    message = old.get_model("interviews", "Message")
    common = {"interview": interview, "audience": "candidate", "recipient_name": "Zoë Ñúñez",
              "recipient_email": "zoe@example.org", "document_name": "D", "text": "T", "html": "H"}
    sent = message.objects.create(**common, purpose="invitation", subject="Invitation",
                                  send_token="a", status="sent",
                                  provider_message_id="<old-1@example.com>")
    stuck = message.objects.create(**common, purpose="cancellation", subject="Cancelled",
                                   send_token="b", status="sending", ics=CANCELLATION_ICS)
    return {"interview": interview.pk, "calendar_uid": interview.calendar_uid,
            "sent": sent.pk, "stuck": stuck.pk, "vacancy": vacancy.pk, "candidate": candidate.pk}


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_split_migrates_forward_with_its_data(migrated_db):
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        ids = _fill(_migrate(BEFORE))
    finally:
        _migrate(latest)
    from candidates.models import Candidate
    from interviews.models import Interview, Message
    from vacancies.models import Vacancy

    interview = Interview.objects.get(pk=ids["interview"])
    assert interview.calendar_uid == ids["calendar_uid"] and interview.memo == "private"
    assert Candidate.objects.get(pk=ids["candidate"]).full_name == "Zoë Ñúñez"
    assert Vacancy.objects.get(pk=ids["vacancy"]).hiring_manager.name == "J.P. de Vries"
    sent, stuck = Message.objects.get(pk=ids["sent"]), Message.objects.get(pk=ids["stuck"])
    assert sent.message_id == "<old-1@example.com>" and sent.status == "sent"
    assert stuck.message_id and stuck.message_id != sent.message_id
    # A message a worker was sending when the old version stopped gets a Retry button.
    assert stuck.status == Message.Status.FAILED
    assert stuck.interview_id == interview.pk and stuck.ics == CANCELLATION_ICS
    assert (stuck.calendar_method, sent.calendar_method) == ("CANCEL", "")


@pytest.mark.django_db(transaction=True)
def test_the_dutch_documents_are_rewritten_unless_an_admin_edited_them(migrated_db):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate([("interviews", "0011_reply_changes")])
        edited = old.get_model("interviews", "StandardDocument").objects.get(
            name="Gesprek met een kandidaat geannuleerd")
        edited.body += "<p>Bel me gerust.</p>"
        edited.save()
    finally:
        _migrate(latest)
    from interviews.communication.models import StandardDocument

    dutch = StandardDocument.objects.filter(language="nl")
    invitation = dutch.get(name="Gesprek met een kandidaat")
    assert "Je bent uitgenodigd" in invitation.body and "Neem contact op met" in invitation.body
    assert dutch.get(name="Uitnodiging gesprek").subject.startswith(
        "Uitnodiging: sollicitatiegesprek voor")
    committee = dutch.get(name="Selectiecommissie: gesprek geannuleerd").body
    assert committee.endswith("<p>Met vriendelijke groet,<br>{{ recruiter_name }}</p>")
    assert "<p>{{ cancellation_reason }}</p>" in committee
    assert dutch.filter(name="Herinnering gesprek (selectiecommissie)").exists()
    assert not dutch.filter(body__contains="Je wordt verwacht").exists()
    kept = dutch.get(name="Gesprek met een kandidaat geannuleerd")
    assert kept.body.endswith("is geannuleerd.</p><p>{{ cancellation_reason }}</p>"
                              "<p>{{ recruiter_name }}</p><p>Bel me gerust.</p>")
