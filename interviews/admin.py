"""Django admin finds the app's admin here; each capability registers its own models."""

from interviews.availability import admin as availability_admin
from interviews.communication import admin as communication_admin
from interviews.outbox import admin as outbox_admin
from interviews.planning import admin as planning_admin

__all__ = ["availability_admin", "communication_admin", "outbox_admin", "planning_admin"]
