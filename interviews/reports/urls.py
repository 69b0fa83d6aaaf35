from django.urls import path

from interviews.reports import views

urlpatterns = [
    path("reports/interviews/", views.interviews_per_reason, name="report_interviews"),
]
