"""The audit trail of an interview, and property-based tests of the date notation and the
merge-field renderer (Hypothesis)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.utils import timezone, translation
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from interviews.communication.merge import MERGE_FIELDS, check_merge_fields
from interviews.communication.models import HtmlProfile
from interviews.communication.render import render_email, substitute
from interviews.planning.forms import EuropeanDateTimeField
from interviews.planning.models import InterviewChange

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_who_changed_time_place_and_status_is_shown_on_the_interview(
    recruiter_client, registration, make_interview
):
    interview = make_interview(registration=registration, location_text="Utrecht",
                               when=dt.datetime(2037, 12, 1, 9, 0, tzinfo=dt.UTC))
    recruiter_client.post(interview.get_absolute_url(), {
        "start": "02-12-2037 14:00", "duration": "60", "kind": "recruiter",
        "location_text": "Amsterdam", "version": interview.version, "report": "x"})
    recruiter_client.post(f"/interviews/{interview.pk}/status/", {"status": "cancelled"})
    changes = {c.field: c for c in InterviewChange.objects.filter(interview=interview)}
    assert changes["time"].old_value == "01-12-2037 10:00–11:00"
    assert changes["time"].new_value == "02-12-2037 14:00–15:00"
    assert (changes["place"].old_value, changes["place"].new_value) == ("Utrecht", "Amsterdam")
    assert changes["status"].new_value == "cancelled"
    assert {c.changed_by.username for c in changes.values()} == {"alice"}
    html = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert "Utrecht → Amsterdam" in html and "Planned → Cancelled" in html
    assert "Alice Recruiter" in html


@pytest.mark.django_db
def test_a_report_alone_leaves_no_trail(recruiter_client, registration, make_interview):
    interview = make_interview(registration=registration)
    local = timezone.localtime(interview.start).strftime("%d-%m-%Y %H:%M")
    recruiter_client.post(interview.get_absolute_url(), {
        "start": local, "duration": "60", "kind": "recruiter", "report": "Went well",
        "version": interview.version})
    assert not InterviewChange.objects.exists()


moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31))


@given(moments)
@example(dt.datetime(2026, 10, 25, 2, 30, fold=1))  # clocks go back: 02:30 happens twice
@example(dt.datetime(2026, 3, 29, 2, 30))  # clocks jump forward: 02:30 does not happen
@hypothesis_settings(max_examples=300, deadline=None)
def test_every_existing_local_time_survives_the_round_trip(moment):
    local = moment.replace(second=0, microsecond=0, fold=0)  # what is typed has no fold
    typed = local.strftime("%d-%m-%Y %H:%M")
    # In English whatever an earlier test left active (the messages are read below).
    with timezone.override(AMSTERDAM), translation.override("en"):
        field = EuropeanDateTimeField()
        try:
            parsed = field.clean(typed)
        except forms.ValidationError as error:
            # Only a time that does not exist (clocks jump forward) or exists twice (clocks go
            # back) is refused: there, its two readings have different offsets. The message
            # repeats the time as typed and says which of the two it is.
            earlier = local.replace(tzinfo=AMSTERDAM)
            later = local.replace(fold=1, tzinfo=AMSTERDAM)
            assert earlier.utcoffset() != later.utcoffset()
            skipped = earlier.utcoffset() < later.utcoffset()
            assert error.messages[0].startswith(
                f"{typed} does not exist" if skipped else f"{typed} happens twice")
            return
        assert field.widget.format_value(timezone.localtime(parsed, AMSTERDAM)) == typed


@given(st.text(max_size=30))
@hypothesis_settings(max_examples=300, deadline=None)
def test_anything_else_typed_as_a_date_is_refused_or_means_exactly_that(text):
    with timezone.override(AMSTERDAM):
        try:
            parsed = EuropeanDateTimeField(required=False).clean(text)
        except forms.ValidationError:
            return
    if parsed is not None:  # accepted: it was the European notation, nothing else
        assert re.fullmatch(r"\s*\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{1,2}\s*", text)


field_names = st.sampled_from(sorted(MERGE_FIELDS))
values = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


@given(st.dictionaries(field_names, values), st.lists(field_names, max_size=5))
@hypothesis_settings(max_examples=200, deadline=None)
def test_merged_values_are_always_text_in_the_html(merged, used):
    template = "<p>" + " ".join(f"{{{{ {name} }}}}" for name in used) + "</p>"
    html = substitute(template, merged, html=True)
    # Only the template's own tags (and line breaks for newlines) — never markup from a value.
    assert html.count("<") == html.count("<br>") + 2


@given(st.text(max_size=60))
@hypothesis_settings(max_examples=300, deadline=None)
def test_the_checker_refuses_every_unknown_field(text):
    unknown = {n.strip() for n in re.findall(r"\{\{\s*([^{}]*?)\s*\}\}", text)} - set(MERGE_FIELDS)
    template_code = re.search(r"\{%|%\}|\{#|#\}", text)
    try:
        check_merge_fields(text)
    except forms.ValidationError as error:
        # The message the recruiter reads says what is wrong: template code, or which fields.
        message = " ".join(error.messages)
        if template_code:
            assert message == "Only merge fields like {{ candidate_name }} are allowed here."
        else:
            braced = ", ".join(f"{{{{ {name} }}}}" for name in sorted(unknown))
            assert message == f"Unknown merge field: {braced}."
        return
    assert not unknown and not template_code


@pytest.mark.django_db
@given(subject=st.text(max_size=80), value=values)
@hypothesis_settings(max_examples=100, deadline=None)
def test_a_rendered_subject_is_always_one_line(subject, value):
    profile = HtmlProfile(name="p", layout="<html><head></head><body>{{ content }}</body></html>")
    rendered = render_email(subject=subject + "{{ location }}", body="<p>x</p>",
                            profile=profile, values={"location": value})
    assert "\n" not in rendered.subject and "\r" not in rendered.subject
