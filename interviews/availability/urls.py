from django.urls import path

from interviews.availability import find_view, views

urlpatterns = [
    path("calendars/", views.my_calendars, name="my_calendars"),
    path("contacts/<int:pk>/calendars/", views.contact_calendars, name="contact_calendars"),
    path("calendars/<int:pk>/", views.calendar_edit, name="calendar_edit"),
    path("calendars/<int:pk>/refresh/", views.calendar_refresh, name="calendar_refresh"),
    path("calendars/<int:pk>/remove/", views.calendar_remove, name="calendar_remove"),
    path("availability/busy/", views.busy_of_day, name="availability_busy"),
    path("availability/find/", find_view.find_a_time, name="availability_find"),
]
