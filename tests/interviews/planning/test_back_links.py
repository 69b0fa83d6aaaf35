"""The way back: a filtered workflow is where the recruiter returns, however many screens the
door led through (one builder writes every `?back=`)."""

import pytest

from interviews.planning.models import Interview

pytestmark = pytest.mark.usefixtures("migrated_db")

FILTERED = "workflow?stage=3&vacancy=2"


def test_linking_then_communicating_returns_to_the_filtered_workflow(
    recruiter_client, plan_interview, make_interview
):
    slot = make_interview(vacancy=plan_interview.vacancy, kind="both")
    response = recruiter_client.post(f"/registrations/{plan_interview.pk}/link/",
                                     {"interview": slot.pk, "back": FILTERED})
    screen = recruiter_client.get(response.url)
    assert screen.context["back"] == FILTERED
    form = screen.context["form"]
    data = {name: form[name].value() for name in form.fields}
    response = recruiter_client.post(response.url, {**data, "back": FILTERED})
    assert response.url == "/workflow/?stage=3&vacancy=2"  # Send returns to the door


def test_after_a_move_the_offer_to_tell_keeps_the_way_back(recruiter_client, plan_interview):
    recruiter_client.post(f"/registrations/{plan_interview.pk}/interviews/new/", {
        "start": "30-11-2037 10:00", "duration": "45", "kind": "recruiter",
        "then": "candidate", "back": FILTERED})
    interview = Interview.objects.get()
    url = f"/interviews/{interview.pk}/communicate/candidate/"
    form = recruiter_client.get(url).context["form"]
    recruiter_client.post(url, {name: form[name].value() for name in form.fields})
    response = recruiter_client.post(interview.get_absolute_url(), {
        "start": "01-12-2037 10:00", "duration": "45", "kind": "recruiter",
        "version": Interview.objects.get().version, "back": FILTERED})
    offer = recruiter_client.get(response.url)
    assert offer.context["cancel_url"] == "/workflow/?stage=3&vacancy=2"
    assert 'back=workflow%3Fstage%3D3%26vacancy%3D2"' in offer.content.decode()
