from django.urls import path

from interviews.outbox import views

urlpatterns = [
    path("messages/<int:pk>/retry/", views.message_retry, name="message_retry"),
    path("messages/status/", views.message_statuses, name="message_status"),
]
