"""The portal: everything outside the login. Signed, expiring links (portal.links) open the
manager portal and its feedback form, the candidate's "I'll be there" / "I can't make it"
answers and the "choose a time" page; the recruiter's actions that make such links live here
too (a "choose a time" email, re-issued links).

Owns: InterviewFeedback, SchedulingInvitation. May import: communication (to send), outbox,
planning, and the apps below interviews.
"""
