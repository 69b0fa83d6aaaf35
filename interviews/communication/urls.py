from django.urls import path

from interviews.communication import views

urlpatterns = [
    path("interviews/<int:pk>/communicate/<str:audience>/", views.communicate_view,
         name="interview_communicate"),
    path("interviews/<int:pk>/communicate/<str:audience>/preview/", views.communicate_preview,
         name="interview_communicate_preview"),
]
