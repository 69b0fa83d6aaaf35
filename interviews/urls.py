from django.urls import path

from . import communication_views, dashboard, reports, views

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("candidates/<int:pk>/interviews/new/", views.interview_new_for_candidate,
         name="interview_new_for_candidate"),
    path("registrations/<int:pk>/interviews/new/", views.interview_new_for_registration,
         name="interview_new_for_registration"),
    path("interviews/<int:pk>/", views.interview_edit, name="interview_edit"),
    path("interviews/<int:pk>/status/", views.interview_set_status, name="interview_set_status"),
    path("interviews/<int:pk>/communicate/<str:audience>/",
         communication_views.communicate_view, name="interview_communicate"),
    path("interviews/<int:pk>/communicate/<str:audience>/preview/",
         communication_views.communicate_preview, name="interview_communicate_preview"),
    path("messages/<int:pk>/retry/", communication_views.message_retry, name="message_retry"),
    path("reports/interviews/", reports.interviews_per_reason, name="report_interviews"),
]
