"""Communication: standard documents and HTML profiles, the one builder that turns a document
into what a recipient gets (merge values in the recipient's language -> sanitised HTML, plain
text and the .ics invitation), the communication screen with its preview, and reminders.

Owns: StandardDocument, HtmlProfile, RecruiterProfile. May import: outbox (to post the
Messages it builds), planning, portal.links (the signed links written into emails), and the
apps below interviews. What the preview shows and what is sent come from the same functions.
"""
