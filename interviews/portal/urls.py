from django.urls import path

from interviews.portal import invite, views

urlpatterns = [
    # What recruiters do that makes signed links: a "choose a time" email, re-issued links.
    path("registrations/<int:pk>/choose-time/", invite.registration_choose_time,
         name="registration_choose_time"),
    path("interviews/<int:pk>/reissue-links/", invite.interview_reissue_links,
         name="interview_reissue_links"),
    # Pages behind signed links, and the portal of hiring managers who log in.
    path("portal/", views.portal_home, name="portal_home"),
    path("portal/calendars/", views.portal_calendars, name="portal_calendars"),
    path("portal/interviews/<int:pk>/", views.portal_interview_logged_in,
         name="portal_interview_logged_in"),
    path("portal/<int:pk>/<str:token>/", views.portal_interview, name="portal_interview"),
    path("reply/<str:token>/<str:answer>/", views.interview_reply, name="interview_reply"),
    path("choose/<str:token>/", views.self_schedule, name="self_schedule"),
]
