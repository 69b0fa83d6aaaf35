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
from .interview import Interview, InterviewChange, StaleInterview
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
    "InterviewChange",
    "InterviewFeedback",
    "InterviewGuideline",
    "InterviewLocation",
    "InterviewReason",
    "InterviewSettings",
    "StaleInterview",
]
