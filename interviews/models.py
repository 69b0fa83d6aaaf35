"""Every model of the interviews app, for Django (which looks for them here) and migrations.

The product's own code imports each model from its capability's package instead.
"""

from interviews.availability.models import (
    BusyBlock,
    CalendarConnection,
    CalendarEvent,
    WorkingHours,
)
from interviews.communication.models import HtmlProfile, RecruiterProfile, StandardDocument
from interviews.outbox.models import AlreadySent, Audience, DeliveryEvent, Message, Purpose
from interviews.planning.configuration import (
    InterviewGuideline,
    InterviewLocation,
    InterviewReason,
    InterviewSettings,
)
from interviews.planning.models import Interview, InterviewChange, StaleInterview
from interviews.portal.models import InterviewFeedback, SchedulingInvitation

__all__ = [
    "AlreadySent", "Audience", "BusyBlock", "CalendarConnection", "CalendarEvent",
    "DeliveryEvent",
    "HtmlProfile", "Interview", "InterviewChange",
    "InterviewFeedback", "InterviewGuideline", "InterviewLocation", "InterviewReason",
    "InterviewSettings", "Message", "Purpose", "RecruiterProfile", "SchedulingInvitation",
    "StaleInterview", "StandardDocument", "WorkingHours",
]
