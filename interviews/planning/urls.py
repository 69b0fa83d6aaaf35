from django.urls import path

from interviews.planning import dashboard, selection, views, workflow

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("workflow/", workflow.workflow, name="workflow"),
    path("candidates/<int:pk>/interviews/new/", views.interview_new_for_candidate,
         name="interview_new_for_candidate"),
    path("registrations/<int:pk>/interviews/new/", views.interview_new_for_registration,
         name="interview_new_for_registration"),
    path("vacancies/<int:pk>/interviews/new/", views.interview_new_for_vacancy,
         name="interview_new_for_vacancy"),
    path("vacancies/<int:pk>/interviews/series/", selection.interview_series,
         name="interview_series"),
    path("registrations/<int:pk>/link/", selection.registration_link,
         name="registration_link"),
    path("interviews/<int:pk>/reoffer/", selection.interview_reoffer, name="interview_reoffer"),
    path("interviews/<int:pk>/", views.interview_edit, name="interview_edit"),
    path("interviews/<int:pk>/cancel/", views.interview_cancel, name="interview_cancel"),
    path("interviews/<int:pk>/status/", views.interview_set_status, name="interview_set_status"),
]
