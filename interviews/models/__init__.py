from .communication import (
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

__all__ = [
    "Audience",
    "DeliveryEvent",
    "HtmlProfile",
    "Message",
    "Purpose",
    "RecruiterProfile",
    "StandardDocument",
    "Interview",
    "InterviewGuideline",
    "InterviewLocation",
    "InterviewReason",
    "InterviewSettings",
    "StaleInterview",
]
