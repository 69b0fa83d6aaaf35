from django.contrib.auth.decorators import login_not_required
from django.urls import path

from devtools import views

urlpatterns = [
    path("dev/calendars/<slug:name>.ics", login_not_required(views.demo_calendar),
         name="demo_calendar"),
]
