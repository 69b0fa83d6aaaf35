"""English source strings, a complete Dutch translation, European dates for everyone."""

import datetime as dt
from pathlib import Path

import polib
import pytest
from django.utils import timezone

from candidates.models import Registration

PO = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def dated_registration(registration):
    moment = timezone.make_aware(dt.datetime(2026, 11, 28, 14, 5))
    Registration.objects.filter(pk=registration.pk).update(applied_at=moment)
    return registration


@pytest.mark.django_db
def test_an_american_browser_sees_european_dates(recruiter_client, dated_registration):
    response = recruiter_client.get(
        dated_registration.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    html = response.content.decode()
    assert 'lang="en"' in html
    assert "28-11-2026" in html
    assert "11/28/2026" not in html and "Nov. 28, 2026" not in html


@pytest.mark.django_db
def test_a_dutch_browser_gets_the_dutch_ui(recruiter_client, dated_registration):
    response = recruiter_client.get(
        dated_registration.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9"
    )
    html = response.content.decode()
    assert 'lang="nl"' in html
    assert "Kandidaten" in html and "Vacatures" in html and "Verplaatsen" in html
    assert "28-11-2026" in html
    assert "Candidates" not in html


@pytest.mark.django_db
def test_the_language_switcher_overrides_the_browser(recruiter_client):
    response = recruiter_client.post(
        "/i18n/setlang/", {"language": "nl", "next": "/candidates/"},
        HTTP_ACCEPT_LANGUAGE="en-US",
    )
    assert response.url == "/candidates/"
    page = recruiter_client.get("/candidates/", HTTP_ACCEPT_LANGUAGE="en-US")
    assert "Nieuwe kandidaat" in page.content.decode()


@pytest.mark.django_db
def test_default_stage_names_are_translated_and_custom_ones_kept(recruiter_client, stages):
    stages["Screening"].__class__.objects.create(name="Bellen met referenties", position=25)
    html = recruiter_client.get("/workflow/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Gesprek plannen" in html
    assert "Bellen met referenties" in html


def test_the_dutch_catalogue_is_complete():
    catalogue = polib.pofile(str(PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue.translated_entries()) > 100


def test_the_compiled_catalogue_matches_the_source():
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(PO)).translated_entries()
              if not e.msgid_plural}
    compiled = {(e.msgctxt, e.msgid): e.msgstr
                for e in polib.mofile(str(PO.with_suffix(".mo"))) if not e.msgid_plural}
    assert compiled == source


def test_no_translated_string_hides_inside_an_f_string():
    """xgettext does not look inside f-strings: a `_("…")` there is never translated."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    hidden = []
    for package in ("ats", "vacancies", "candidates", "interviews", "devtools"):
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.JoinedStr):
                    hidden += [f"{path.relative_to(root)}:{call.lineno}"
                               for call in ast.walk(node) if isinstance(call, ast.Call)
                               and getattr(call.func, "id", "") in {"_", "gettext",
                                                                    "gettext_lazy"}]
    assert hidden == []
