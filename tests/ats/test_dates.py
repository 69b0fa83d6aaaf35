"""Every page and email writes dates dd-mm-yyyy and times HH:MM, in the viewer's language and
time zone, through the one formatter (ats/dates.py and its template filters)."""

import datetime as dt
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from ats.dates import format_date, format_datetime, format_time, format_weekday

pytestmark = pytest.mark.django_db


def test_the_dashboard_opens_with_today_as_weekday_and_date(recruiter_client):
    today = timezone.localdate()
    html = recruiter_client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"{today:%A} {today:%d-%m-%Y}" in html  # e.g. Monday 30-11-2026


def test_each_day_of_the_week_is_labelled_dd_mm(recruiter_client):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    html = recruiter_client.get("/").content.decode()
    grid = html[html.index('class="week-grid"'):]
    for offset in range(7):
        assert f"<span>{monday + timedelta(days=offset):%d-%m}</span>" in grid


def test_a_moment_is_written_in_the_zone_asked_for_or_the_viewers():
    moment = dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC)  # 01:30 in Amsterdam, before DST
    new_york = dt.timezone(timedelta(hours=-4))
    assert format_datetime(moment) == "29-03-2026 01:30"
    assert (format_date(moment, new_york), format_time(moment, new_york)) == ("28-03-2026",
                                                                              "20:30")
    with translation.override("nl"):
        assert format_weekday(moment) == "zondag"
