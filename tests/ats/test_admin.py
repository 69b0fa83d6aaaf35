"""Django admin: every changelist and add page renders for the people who configure the app."""

import pytest
from django.contrib import admin
from django.urls import reverse

OUR_APPS = {"auth", "vacancies", "candidates", "interviews"}
MODELS = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
    if model._meta.app_label in OUR_APPS
)


@pytest.fixture
def admin_client(client, admin_user, registration):  # a registration fills every list a bit
    client.force_login(admin_user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("app", "model"), MODELS)
def test_the_changelist_renders(admin_client, app, model):
    response = admin_client.get(reverse(f"admin:{app}_{model}_changelist"))
    opts = _model(app, model)._meta
    count = opts.model.objects.count()
    html = response.content.decode()
    # The list says how many there are, and shows a row for each (up to a page).
    assert f"{count} {opts.verbose_name if count == 1 else opts.verbose_name_plural}" in html
    assert html.count('name="_selected_action"') == min(count, 100)


@pytest.mark.django_db
@pytest.mark.parametrize(("app", "model"), MODELS)
def test_the_add_page_renders(admin_client, admin_user, rf, app, model):
    model_admin = admin.site._registry[_model(app, model)]
    request = rf.get("/")
    request.user = admin_user
    response = admin_client.get(reverse(f"admin:{app}_{model}_add"))
    # The outbox (messages) is written by sending, never by hand.
    if model_admin.has_add_permission(request):
        assert f'id="{model}_form"' in response.content.decode()
    else:
        assert response.status_code == 403


def _model(app: str, model: str):
    return next(m for m in admin.site._registry
                if (m._meta.app_label, m._meta.model_name) == (app, model))


@pytest.mark.django_db
def test_the_changelist_search_finds_a_candidate(admin_client, candidate):
    response = admin_client.get(reverse("admin:candidates_candidate_changelist"), {"q": "Dijk"})
    assert candidate.email in response.content.decode()


@pytest.mark.django_db
def test_the_plan_interview_stage_cannot_be_deleted(admin_client, stages):
    stage = stages["Plan interview"]
    response = admin_client.get(reverse("admin:candidates_workflowstage_delete", args=[stage.pk]))
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_second_plan_interview_stage_is_refused(admin_client):
    response = admin_client.post(
        reverse("admin:candidates_workflowstage_add"),
        {"name": "Second round", "position": 35, "is_plan_interview": "on"},
    )
    assert response.status_code == 200
    assert "Another stage is already the plan-interview stage." in response.content.decode()
