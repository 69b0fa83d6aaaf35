from .communication import (
    AlreadySent,
    Audience,
    DeliveryEvent,
    HtmlProfile,
    Message,
    Purpose,
    RecruiterProfile,
    StandardDocument,
)
from .configuration import (
    InterviewGuideline,
    InterviewLocation,
    InterviewReason,
    InterviewSettings,
)
from .interview import Interview, StaleInterview
from .loop import InterviewFeedback, SchedulingInvitation

__all__ = [
    "AlreadySent",
    "Audience",
    "DeliveryEvent",
    "HtmlProfile",
    "Message",
    "Purpose",
    "RecruiterProfile",
    "SchedulingInvitation",
    "StandardDocument",
    "Interview",
    "InterviewFeedback",
    "InterviewGuideline",
    "InterviewLocation",
    "InterviewReason",
    "InterviewSettings",
    "StaleInterview",
]
