from .configuration import (
    InterviewGuideline,
    InterviewLocation,
    InterviewReason,
    InterviewSettings,
)
from .interview import Interview, StaleInterview

__all__ = [
    "Interview",
    "InterviewGuideline",
    "InterviewLocation",
    "InterviewReason",
    "InterviewSettings",
    "StaleInterview",
]
