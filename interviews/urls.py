"""The interviews app's pages, one list per capability."""

from django.urls import include, path

urlpatterns = [
    path("", include("interviews.planning.urls")),
    path("", include("interviews.communication.urls")),
    path("", include("interviews.outbox.urls")),
    path("", include("interviews.portal.urls")),
    path("", include("interviews.reports.urls")),
    path("", include("interviews.availability.urls")),
]
