"""A candidate who changes their mind: every click sequence on the answer links works, the last
answer counts, each change is shown with its time, and the owner hears of every change."""

import datetime as dt
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal.links import reply_link

CLICK = {"accept": Interview.Reply.ACCEPTED, "decline": Interview.Reply.DECLINED}


def path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def planned(registration, make_interview, manager_contact):
    return make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          when=timezone.now() + timedelta(days=3))


@pytest.fixture
def browser() -> Client:
    """The candidate's browser: no login."""
    return Client()


def click(client, interview: Interview, answer: str) -> str:
    """Open the link (as a mail scanner or a reload would), then press the button."""
    url = path(reply_link(interview, answer))
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200
    return response.content.decode()


def notices() -> list[Message]:
    return list(Message.objects.filter(audience="recruiter").order_by("pk"))


@pytest.mark.django_db
@pytest.mark.parametrize(("clicks", "told"), [
    (["accept"], 0),
    (["decline"], 1),
    (["accept", "accept"], 0),
    (["decline", "decline"], 1),
    (["accept", "decline"], 1),
    (["decline", "accept"], 2),
    (["decline", "accept", "decline"], 3),
    (["accept", "decline", "accept", "accept", "decline"], 3),
])
def test_every_click_sequence_keeps_the_last_answer_and_tells_the_owner_of_each_change(
    client, planned, recruiter, clicks, told
):
    for answer in clicks:
        html = click(client, planned, answer)
        assert "Bedankt" in html  # the candidate reads Dutch
    planned.refresh_from_db()
    assert planned.candidate_reply == CLICK[clicks[-1]]
    assert len(notices()) == told
    assert {notice.recipient_email for notice in notices()} <= {recruiter.email}


@pytest.mark.django_db
def test_a_change_of_mind_tells_the_owner_what_the_answer_is_now(client, planned):
    click(client, planned, "decline")
    click(client, planned, "accept")
    click(client, planned, "decline")
    subjects = [notice.subject for notice in notices()]
    assert "Jeroen van Dijk cannot make the interview" in subjects[0]
    assert "Jeroen van Dijk will be there after all" in subjects[1]
    assert "Jeroen van Dijk cannot make the interview" in subjects[2]


@pytest.mark.django_db
def test_the_steps_show_each_answer_with_its_time(browser, recruiter_client, planned,
                                                  monkeypatch):
    moments = iter([dt.datetime(2027, 3, 12, 13, 2, tzinfo=dt.UTC),
                    dt.datetime(2027, 3, 12, 13, 10, tzinfo=dt.UTC),
                    dt.datetime(2027, 3, 12, 13, 15, tzinfo=dt.UTC)])
    for answer in ("decline", "accept", "decline"):
        with monkeypatch.context() as clock:
            moment = next(moments)
            clock.setattr(timezone, "now", lambda moment=moment: moment)
            click(browser, planned, answer)
    steps = recruiter_client.get(planned.candidate.get_absolute_url()).content.decode()
    assert ("Declined 12-03-2027 14:02, then accepted 12-03-2027 14:10, "
            "then declined 12-03-2027 14:15") in steps
    interview_page = recruiter_client.get(planned.get_absolute_url()).content.decode()
    assert "Will be there → Cannot make it" in interview_page


@pytest.mark.usefixtures("migrated_db")
def test_the_owner_receives_one_notice_per_change_with_the_names_escaped(
    client, planned, recruiter, smtp_server, run_worker
):
    candidate = planned.candidate
    candidate.first_name, candidate.last_name = "<script>alert(1)</script>", "Tom & Jerry"
    candidate.save()
    vacancy = planned.vacancy
    vacancy.title = "R&D <b>lead</b>"
    vacancy.save()
    for answer in ("decline", "accept", "accept", "decline"):
        click(client, planned, answer)
    run_worker()
    assert len(smtp_server.messages) == 3
    for notice in smtp_server.messages:
        assert notice["To"].addresses[0].addr_spec == recruiter.email
        assert "<script>alert(1)</script> Tom & Jerry" in notice["Subject"]
        html = notice.get_body(("html",)).get_content()
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry" in html
        assert "R&amp;D &lt;b&gt;lead&lt;/b&gt;" in html
        assert "<script>" not in html and "<b>lead" not in html
        text = notice.get_body(("plain",)).get_content()
        assert "<script>alert(1)</script> Tom & Jerry" in text
        assert f"/interviews/{planned.pk}/" in text
