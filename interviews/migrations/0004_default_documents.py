"""Ready-to-use standard documents (every audience × purpose, Dutch and English) and a profile.

Kept here as data rather than imported: a migration must not change when the code does.
"""

from django.db import migrations

WHEN_EN = (
    "<p><strong>When:</strong> {{ weekday }} {{ date }}, {{ start_time }}–{{ end_time }}<br>"
    "<strong>Where:</strong> {{ location }}<br>"
    "<strong>With:</strong> {{ interviewer }}</p>"
)
WHEN_NL = (
    "<p><strong>Wanneer:</strong> {{ weekday }} {{ date }}, {{ start_time }}–{{ end_time }}<br>"
    "<strong>Waar:</strong> {{ location }}<br>"
    "<strong>Met:</strong> {{ interviewer }}</p>"
)
CANDIDATE_OUTRO_EN = (
    "<p>Can't make it? Please let me know at {{ recruiter_email }} or {{ recruiter_phone }}.</p>"
    "<p>Kind regards,<br>{{ recruiter_name }}</p>"
)
CANDIDATE_OUTRO_NL = (
    "<p>Lukt het niet? Laat het me weten via {{ recruiter_email }} of {{ recruiter_phone }}.</p>"
    "<p>Met vriendelijke groet,<br>{{ recruiter_name }}</p>"
)
ATTENDEE_OUTRO_EN = (
    "<p><strong>Guidelines</strong><br>{{ guidelines }}</p>"
    "<p>Questions? {{ recruiter_name }}, {{ recruiter_email }}, {{ recruiter_phone }}.</p>"
)
ATTENDEE_OUTRO_NL = (
    "<p><strong>Richtlijnen</strong><br>{{ guidelines }}</p>"
    "<p>Vragen? {{ recruiter_name }}, {{ recruiter_email }}, {{ recruiter_phone }}.</p>"
)

DOCUMENTS = [
    # name, audience, purpose, language, subject, body
    ("Interview invitation", "candidate", "invitation", "en",
     "Invitation: interview for {{ vacancy }} on {{ weekday }} {{ date }}",
     "<p>Dear {{ candidate_first_name }},</p>"
     "<p>Thank you for applying for the position of {{ vacancy }}. We would like to meet you "
     "and invite you for an interview.</p>" + WHEN_EN + CANDIDATE_OUTRO_EN),
    ("Uitnodiging gesprek", "candidate", "invitation", "nl",
     "Uitnodiging: gesprek voor {{ vacancy }} op {{ weekday }} {{ date }}",
     "<p>Beste {{ candidate_first_name }},</p>"
     "<p>Bedankt voor je sollicitatie op de functie {{ vacancy }}. We maken graag kennis en "
     "nodigen je uit voor een gesprek.</p>" + WHEN_NL + CANDIDATE_OUTRO_NL),
    ("Interview changed", "candidate", "change", "en",
     "Changed: your interview for {{ vacancy }} is now on {{ weekday }} {{ date }}",
     "<p>Dear {{ candidate_first_name }},</p>"
     "<p>Your interview for {{ vacancy }} has changed. These are the new details:</p>"
     + WHEN_EN + CANDIDATE_OUTRO_EN),
    ("Gesprek gewijzigd", "candidate", "change", "nl",
     "Gewijzigd: je gesprek voor {{ vacancy }} is nu op {{ weekday }} {{ date }}",
     "<p>Beste {{ candidate_first_name }},</p>"
     "<p>Je gesprek voor {{ vacancy }} is gewijzigd. Dit zijn de nieuwe gegevens:</p>"
     + WHEN_NL + CANDIDATE_OUTRO_NL),
    ("Interview cancelled", "candidate", "cancellation", "en",
     "Cancelled: your interview for {{ vacancy }} on {{ date }}",
     "<p>Dear {{ candidate_first_name }},</p>"
     "<p>Unfortunately your interview for {{ vacancy }} on {{ weekday }} {{ date }} at "
     "{{ start_time }} cannot go ahead. I will contact you about what happens next.</p>"
     "<p>Kind regards,<br>{{ recruiter_name }}</p>"),
    ("Gesprek geannuleerd", "candidate", "cancellation", "nl",
     "Geannuleerd: je gesprek voor {{ vacancy }} op {{ date }}",
     "<p>Beste {{ candidate_first_name }},</p>"
     "<p>Helaas kan je gesprek voor {{ vacancy }} op {{ weekday }} {{ date }} om "
     "{{ start_time }} niet doorgaan. Ik neem contact met je op over het vervolg.</p>"
     "<p>Met vriendelijke groet,<br>{{ recruiter_name }}</p>"),
    ("Interview with a candidate", "manager", "invitation", "en",
     "Interview with {{ candidate_name }} ({{ vacancy }}) on {{ weekday }} {{ date }} "
     "{{ start_time }}",
     "<p>Dear {{ recipient_name }},</p>"
     "<p>You are expected at the interview with {{ candidate_name }} for the position of "
     "{{ vacancy }}.</p>" + WHEN_EN + ATTENDEE_OUTRO_EN),
    ("Gesprek met een kandidaat", "manager", "invitation", "nl",
     "Gesprek met {{ candidate_name }} ({{ vacancy }}) op {{ weekday }} {{ date }} "
     "{{ start_time }}",
     "<p>Beste {{ recipient_name }},</p>"
     "<p>Je wordt verwacht bij het gesprek met {{ candidate_name }} voor de functie "
     "{{ vacancy }}.</p>" + WHEN_NL + ATTENDEE_OUTRO_NL),
    ("Interview with a candidate changed", "manager", "change", "en",
     "Changed: interview with {{ candidate_name }} now on {{ weekday }} {{ date }} "
     "{{ start_time }}",
     "<p>Dear {{ recipient_name }},</p>"
     "<p>The interview with {{ candidate_name }} ({{ vacancy }}) has changed. The new "
     "details:</p>" + WHEN_EN + ATTENDEE_OUTRO_EN),
    ("Gesprek met een kandidaat gewijzigd", "manager", "change", "nl",
     "Gewijzigd: gesprek met {{ candidate_name }} nu op {{ weekday }} {{ date }} "
     "{{ start_time }}",
     "<p>Beste {{ recipient_name }},</p>"
     "<p>Het gesprek met {{ candidate_name }} ({{ vacancy }}) is gewijzigd. De nieuwe "
     "gegevens:</p>" + WHEN_NL + ATTENDEE_OUTRO_NL),
    ("Interview with a candidate cancelled", "manager", "cancellation", "en",
     "Cancelled: interview with {{ candidate_name }} on {{ date }}",
     "<p>Dear {{ recipient_name }},</p>"
     "<p>The interview with {{ candidate_name }} ({{ vacancy }}) on {{ weekday }} {{ date }} "
     "at {{ start_time }} is cancelled.</p><p>{{ recruiter_name }}</p>"),
    ("Gesprek met een kandidaat geannuleerd", "manager", "cancellation", "nl",
     "Geannuleerd: gesprek met {{ candidate_name }} op {{ date }}",
     "<p>Beste {{ recipient_name }},</p>"
     "<p>Het gesprek met {{ candidate_name }} ({{ vacancy }}) op {{ weekday }} {{ date }} om "
     "{{ start_time }} is geannuleerd.</p><p>{{ recruiter_name }}</p>"),
    ("Selection committee invitation", "committee", "invitation", "en",
     "Selection committee: {{ candidate_name }} ({{ vacancy }}) on {{ weekday }} {{ date }}",
     "<p>Dear {{ recipient_name }},</p>"
     "<p>As a member of the selection committee you are invited to the interview with "
     "{{ candidate_name }} for the position of {{ vacancy }}.</p>"
     + WHEN_EN + ATTENDEE_OUTRO_EN),
    ("Uitnodiging selectiecommissie", "committee", "invitation", "nl",
     "Selectiecommissie: {{ candidate_name }} ({{ vacancy }}) op {{ weekday }} {{ date }}",
     "<p>Beste {{ recipient_name }},</p>"
     "<p>Als lid van de selectiecommissie ben je uitgenodigd voor het gesprek met "
     "{{ candidate_name }} voor de functie {{ vacancy }}.</p>" + WHEN_NL + ATTENDEE_OUTRO_NL),
    ("Selection committee: interview changed", "committee", "change", "en",
     "Changed: selection interview with {{ candidate_name }} now on {{ weekday }} {{ date }}",
     "<p>Dear {{ recipient_name }},</p>"
     "<p>The selection interview with {{ candidate_name }} ({{ vacancy }}) has changed. The "
     "new details:</p>" + WHEN_EN + ATTENDEE_OUTRO_EN),
    ("Selectiecommissie: gesprek gewijzigd", "committee", "change", "nl",
     "Gewijzigd: selectiegesprek met {{ candidate_name }} nu op {{ weekday }} {{ date }}",
     "<p>Beste {{ recipient_name }},</p>"
     "<p>Het selectiegesprek met {{ candidate_name }} ({{ vacancy }}) is gewijzigd. De "
     "nieuwe gegevens:</p>" + WHEN_NL + ATTENDEE_OUTRO_NL),
    ("Selection committee: interview cancelled", "committee", "cancellation", "en",
     "Cancelled: selection interview with {{ candidate_name }} on {{ date }}",
     "<p>Dear {{ recipient_name }},</p>"
     "<p>The selection interview with {{ candidate_name }} ({{ vacancy }}) on {{ weekday }} "
     "{{ date }} at {{ start_time }} is cancelled.</p><p>{{ recruiter_name }}</p>"),
    ("Selectiecommissie: gesprek geannuleerd", "committee", "cancellation", "nl",
     "Geannuleerd: selectiegesprek met {{ candidate_name }} op {{ date }}",
     "<p>Beste {{ recipient_name }},</p>"
     "<p>Het selectiegesprek met {{ candidate_name }} ({{ vacancy }}) op {{ weekday }} "
     "{{ date }} om {{ start_time }} is geannuleerd.</p><p>{{ recruiter_name }}</p>"),
]

LAYOUT = """<!doctype html>
<html>
<head><meta charset="utf-8"><title>{{ subject }}</title></head>
<body class="page">
<table role="presentation" class="frame" width="100%" cellpadding="0" cellspacing="0">
<tr><td align="center">
<table role="presentation" class="card" width="600" cellpadding="0" cellspacing="0">
<tr><td class="header">{{ logo }}<span class="brand">Recruitment</span></td></tr>
<tr><td class="content">{{ content }}</td></tr>
<tr><td class="footer">You receive this email because of an interview we planned with you.</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
"""

CSS = """
.page { margin: 0; padding: 0; background: #f3f5f8; }
.frame { background: #f3f5f8; padding: 24px 0; }
.card { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 8px; }
.header { padding: 20px 32px; border-bottom: 3px solid #0b5ed7; }
.brand { font-family: Arial, Helvetica, sans-serif; font-size: 20px; font-weight: bold; color: #0b5ed7; }
.content { padding: 24px 32px; font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #212529; }
.footer { padding: 16px 32px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; color: #6c757d; border-top: 1px solid #dfe3e8; }
p { margin: 0 0 14px 0; }
strong { color: #000000; }
"""


def install(apps, schema_editor):
    StandardDocument = apps.get_model("interviews", "StandardDocument")
    HtmlProfile = apps.get_model("interviews", "HtmlProfile")
    for name, audience, purpose, language, subject, body in DOCUMENTS:
        StandardDocument.objects.get_or_create(
            name=name, language=language,
            defaults={"audience": audience, "purpose": purpose, "subject": subject, "body": body},
        )
    HtmlProfile.objects.get_or_create(
        name="Clean", defaults={"layout": LAYOUT, "css": CSS, "is_default": True}
    )


class Migration(migrations.Migration):
    dependencies = [("interviews", "0003_communication")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
