from django.urls import path

from interviews.availability import find_view

urlpatterns = [
    path("availability/find/", find_view.find_a_time, name="availability_find"),
]
