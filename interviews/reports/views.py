"""Interviews per reason per month (SPEC R4 Reason: for administration and reporting)."""

import csv
from datetime import date, timedelta

from django import forms
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ats.dates import format_month, local_midnight
from ats.forms import EuropeanDateField
from ats.names import in_language
from interviews.planning.models import Interview

PALETTE = ["#0b5ed7", "#198754", "#fd7e14", "#6f42c1", "#d63384", "#20c997", "#6c757d"]


class PeriodForm(forms.Form):
    longest_years = 5  # a report counts per month: centuries would take minutes

    start = EuropeanDateField(label=gettext_lazy("From"))
    end = EuropeanDateField(label=gettext_lazy("Until"))

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end of the period comes before its start."))
        elif start and end and end >= _add_months(start, 12 * self.longest_years):
            self.add_error("end", _("Choose a period of at most %(years)d years.")
                           % {"years": self.longest_years})
        return cleaned


def interviews_per_reason(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    default = {"start": _add_months(today.replace(day=1), -11), "end": today}
    # "Download CSV" before choosing a period downloads the period shown: the default one.
    chosen = bool({"start", "end"} & request.GET.keys())
    form = PeriodForm(request.GET if chosen else None, initial=default)
    period = form.cleaned_data if form.is_bound and form.is_valid() else default
    table = _table(period["start"], period["end"])
    if request.GET.get("format") == "csv" and not form.errors:
        return _csv(table, period)
    return render(request, "interviews/report.html", {"form": form, "table": table})


def _table(start: date, end: date) -> dict:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = _add_months(month, 1)
    # One count per month, each a plain range on the indexed start column (no per-row
    # time-zone arithmetic in the database).
    bounds = [(m, max(local_midnight(m), local_midnight(start)),
               min(local_midnight(_add_months(m, 1)), local_midnight(end + timedelta(days=1))))
              for m in months]
    rows = (
        Interview.objects.exclude(status=Interview.Status.CANCELLED)
        .filter(start__gte=local_midnight(start), start__lt=local_midnight(end + timedelta(days=1)))
        .values("reason__name", "reason__name_nl")
        .annotate(**{f"m{i}": Count("pk", filter=Q(start__gte=low, start__lt=high))
                     for i, (_m, low, high) in enumerate(bounds)})
        .order_by()
    )
    counts: dict[tuple[date, str], int] = {}
    for row in rows:
        reason = in_language(row["reason__name"], row["reason__name_nl"]) or _("No reason")
        for i, (m, _low, _high) in enumerate(bounds):
            counts[(m, reason)] = counts.get((m, reason), 0) + row[f"m{i}"]
    reasons = sorted({reason for _month, reason in counts})
    body = []
    for month in months:
        cells = [counts.get((month, reason), 0) for reason in reasons]
        body.append({"month": month, "cells": cells, "total": sum(cells)})
    peak = max((row["total"] for row in body), default=0) or 1
    colours = {reason: PALETTE[i % len(PALETTE)] for i, reason in enumerate(reasons)}
    for row in body:  # bar segments for the chart, as percentages of the busiest month
        offset = 0.0
        row["bars"] = []
        for reason, count in zip(reasons, row["cells"], strict=True):
            width = 100 * count / peak
            row["bars"].append({"x": offset, "width": width, "colour": colours[reason],
                                "reason": reason, "count": count})
            offset += width
    return {"reasons": reasons, "colours": colours, "rows": body,
            "totals": [sum(r["cells"][i] for r in body) for i in range(len(reasons))],
            "total": sum(r["total"] for r in body)}


def _csv(table: dict, period: dict) -> HttpResponse:
    name = f"interviews-per-reason-{period['start']:%Y%m%d}-{period['end']:%Y%m%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})
    writer = csv.writer(response)
    rows = [[_("Month"), *table["reasons"], _("Total")],
            *([format_month(row["month"]), *row["cells"], row["total"]]
              for row in table["rows"]),
            [_("Total"), *table["totals"], table["total"]]]
    writer.writerows([_inert(cell) for cell in row] for row in rows)
    return response


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell):
    """A text cell that a spreadsheet would run as a formula, quoted as text (OWASP's advice
    against CSV injection: a leading apostrophe)."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)

