from django.urls import path

from . import communication_views, dashboard, public_views, reports, selection_views, views

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("candidates/<int:pk>/interviews/new/", views.interview_new_for_candidate,
         name="interview_new_for_candidate"),
    path("registrations/<int:pk>/interviews/new/", views.interview_new_for_registration,
         name="interview_new_for_registration"),
    path("vacancies/<int:pk>/interviews/new/", views.interview_new_for_vacancy,
         name="interview_new_for_vacancy"),
    path("vacancies/<int:pk>/interviews/series/", selection_views.interview_series,
         name="interview_series"),
    path("registrations/<int:pk>/link/", selection_views.registration_link,
         name="registration_link"),
    path("registrations/<int:pk>/choose-time/", selection_views.registration_choose_time,
         name="registration_choose_time"),
    path("interviews/<int:pk>/reoffer/", selection_views.interview_reoffer,
         name="interview_reoffer"),
    path("interviews/<int:pk>/reissue-links/", selection_views.interview_reissue_links,
         name="interview_reissue_links"),
    path("interviews/<int:pk>/", views.interview_edit, name="interview_edit"),
    # Public pages behind signed links, and the portal of hiring managers who log in.
    path("portal/", public_views.portal_home, name="portal_home"),
    path("portal/interviews/<int:pk>/", public_views.portal_interview_logged_in,
         name="portal_interview_logged_in"),
    path("portal/<int:pk>/<str:token>/", public_views.portal_interview, name="portal_interview"),
    path("reply/<str:token>/<str:answer>/", public_views.interview_reply,
         name="interview_reply"),
    path("choose/<str:token>/", public_views.self_schedule, name="self_schedule"),
    path("interviews/<int:pk>/status/", views.interview_set_status, name="interview_set_status"),
    path("interviews/<int:pk>/communicate/<str:audience>/",
         communication_views.communicate_view, name="interview_communicate"),
    path("interviews/<int:pk>/communicate/<str:audience>/preview/",
         communication_views.communicate_preview, name="interview_communicate_preview"),
    path("messages/<int:pk>/retry/", communication_views.message_retry, name="message_retry"),
    path("reports/interviews/", reports.interviews_per_reason, name="report_interviews"),
]
