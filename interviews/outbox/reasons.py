"""Why an attempt failed, in the words a recruiter reads (Message.ErrorReason)."""

import socket
import ssl
from smtplib import (
    SMTPAuthenticationError,
    SMTPDataError,
    SMTPNotSupportedError,
    SMTPRecipientsRefused,
    SMTPSenderRefused,
    SMTPServerDisconnected,
)

from anymail.exceptions import AnymailInvalidAddress, AnymailRecipientsRefused

from interviews.outbox.models import Message

# The first kind that matches names the reason.
_REASONS = [
    (SMTPRecipientsRefused | AnymailRecipientsRefused, Message.ErrorReason.RECIPIENT),
    (SMTPSenderRefused, Message.ErrorReason.SENDER),
    (SMTPAuthenticationError, Message.ErrorReason.AUTHENTICATION),
    (SMTPDataError, Message.ErrorReason.REJECTED),
    (ssl.SSLError, Message.ErrorReason.TLS),
    (ConnectionRefusedError, Message.ErrorReason.REFUSED),
    (TimeoutError, Message.ErrorReason.TIMEOUT),
    (socket.gaierror, Message.ErrorReason.UNKNOWN_HOST),
    (SMTPServerDisconnected | ConnectionError, Message.ErrorReason.DISCONNECTED),
    (AnymailInvalidAddress, Message.ErrorReason.INVALID_ADDRESS),
]


def explain(error: Exception) -> str:
    """The reason for a failed attempt; empty when only the server's own words tell it."""
    if isinstance(error, SMTPNotSupportedError) and "STARTTLS" in str(error):
        return Message.ErrorReason.TLS
    if isinstance(error, ValueError) and str(error).startswith("Invalid address"):
        return Message.ErrorReason.INVALID_ADDRESS  # Django refuses it before connecting
    return next((reason for kinds, reason in _REASONS if isinstance(error, kinds)), "")


def dropped(error: Exception) -> bool:
    """The server closed the connection; a new one may well work (421: closing the channel)."""
    return (isinstance(error, SMTPServerDisconnected | ConnectionError)
            or getattr(error, "smtp_code", None) == 421)
