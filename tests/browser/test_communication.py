import pytest
from playwright.sync_api import expect

from interviews.communication.models import StandardDocument
from interviews.outbox.models import Message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_preview_and_send_to_the_candidate(logged_in, live_server, plan_interview,
                                                console_errors):
    page = logged_in
    page.goto(f"{live_server.url}{plan_interview.get_absolute_url()}")
    page.get_by_role("link", name="Plan interview").click()
    page.get_by_label("Date").fill("14-12-2037 09:30")
    page.get_by_label("Kind").select_option("both")
    expect(page.get_by_role("button", name="Save and communicate (manager)")).to_be_visible()
    page.get_by_label("Kind").select_option("recruiter")
    expect(page.get_by_role("button", name="Save and communicate (manager)")).to_be_hidden()
    page.get_by_role("button", name="Save and communicate to candidate").click()
    expect(page.get_by_role("heading", name="Communicate to the candidate")).to_be_visible()
    preview = page.frame_locator("iframe[name=preview]")
    expect(preview.get_by_text("Beste Jeroen,")).to_be_visible()
    expect(preview.get_by_text("maandag 14-12-2037, 09:30–10:30")).to_be_visible()
    page.get_by_label("Subject").fill("Tot ziens op {{ date }}, {{ candidate_first_name }}")
    expect(preview.get_by_text("Tot ziens op 14-12-2037, Jeroen")).to_be_visible()
    page.get_by_role("button", name="Send").dblclick()
    expect(page.get_by_text("is in the outbox")).to_be_visible()
    # Back at the door it came from (the registration), where the Steps show the email.
    expect(page.get_by_role("region", name="Steps")).to_contain_text("Jeroen van Dijk: Queued")
    assert Message.objects.count() == 1
    assert console_errors == []  # no CSP violation, no failing request


def test_the_purpose_replaces_untouched_text_and_asks_before_replacing_edited_text(
    logged_in, live_server, registration, make_interview, console_errors
):
    interview = make_interview(registration=registration, kind="recruiter")
    invitation = StandardDocument.objects.get(name="Uitnodiging gesprek")
    cancellation = StandardDocument.objects.get(name="Gesprek geannuleerd")
    page = logged_in
    page.goto(f"{live_server.url}/interviews/{interview.pk}/communicate/candidate/")
    preview = page.frame_locator("iframe[name=preview]")
    expect(preview.get_by_text("invitation (METHOD:REQUEST)")).to_be_visible()

    page.get_by_label("Purpose").select_option("cancellation")  # untouched: replaced at once
    expect(page.get_by_label("Standard document")).to_have_value(str(cancellation.pk))
    expect(page.get_by_label("Subject")).to_have_value(cancellation.subject)
    expect(preview.get_by_text("cancellation (METHOD:CANCEL)")).to_be_visible()

    body = page.get_by_role("textbox", name="Body")  # the editor; the textarea is the field
    field = page.locator("textarea[name$='-body']")
    body.fill("Mijn eigen tekst")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_label("Purpose").select_option("invitation")
    expect(body).to_have_text("Mijn eigen tekst")  # kept
    expect(field).to_have_value("<p>Mijn eigen tekst</p>")
    assert asked == ["Replace the text you edited with the standard document? "
                     "Your changes will be lost."]
    expect(preview.get_by_text("invitation (METHOD:REQUEST)")).to_be_visible()

    # Back to "cancellation": the text still comes from the edit, so nothing is proposed yet.
    page.get_by_label("Purpose").select_option("cancellation")
    expect(field).to_have_value("<p>Mijn eigen tekst</p>")
    page.on("dialog", lambda dialog: dialog.accept())  # from now on the recruiter agrees
    page.get_by_label("Purpose").select_option("invitation")
    expect(field).to_have_value(invitation.body)  # replaced, as agreed
    expect(body).to_contain_text("Bedankt voor je sollicitatie")
    expect(page.get_by_label("Standard document")).to_have_value(str(invitation.pk))
    assert console_errors == []
