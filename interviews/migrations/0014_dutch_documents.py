"""The Dutch standard documents, as a Dutch recruiter writes them: a candidate is invited to a
"sollicitatiegesprek", a hiring manager is invited rather than "verwacht", questions go to the
recruiter by name, and every email ends with a greeting. Only documents whose text is still the
text installed by 0004 and 0006 change: a document an admin edited is theirs.

Kept here as data rather than imported: a migration must not change when the code does.
"""

from django.db import migrations

WHEN = ("<p><strong>Wanneer:</strong> {{ weekday }} {{ date }}, {{ start_time }}–{{ end_time }}"
        "<br><strong>Waar:</strong> {{ location }}<br><strong>Met:</strong> {{ interviewer }}</p>")
REPLY = ('<p><a href="{{ accept_link }}">Ik kom</a> · '
         '<a href="{{ decline_link }}">Ik kan niet</a></p>')
PORTAL = ('<p><a href="{{ portal_link }}">Open het gesprek in de managerportal</a> om de '
          "richtlijnen te lezen en na afloop je feedback te geven.</p>")
GUIDELINES = "<p><strong>Richtlijnen</strong><br>{{ guidelines }}</p>"
OLD_QUESTIONS = "<p>Vragen? {{ recruiter_name }}, {{ recruiter_email }}, {{ recruiter_phone }}.</p>"
QUESTIONS = ("<p>Vragen? Neem contact op met {{ recruiter_name }} via {{ recruiter_email }} of "
             "{{ recruiter_phone }}.</p>")
GREETING = "<p>Met vriendelijke groet,<br>{{ recruiter_name }}</p>"
SIGNATURE = "<p>{{ recruiter_name }}</p>"

# name: (old subject, new subject, old body, new body); None keeps that part as it is.
CHANGES = {
    "Uitnodiging gesprek": (
        "Uitnodiging: gesprek voor {{ vacancy }} op {{ weekday }} {{ date }}",
        "Uitnodiging: sollicitatiegesprek voor {{ vacancy }} op {{ weekday }} {{ date }}",
        None, None),
    "Gesprek met een kandidaat": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Je wordt verwacht bij het gesprek met "
        "{{ candidate_name }} voor de functie {{ vacancy }}.</p>" + WHEN + GUIDELINES
        + OLD_QUESTIONS + PORTAL,
        "<p>Beste {{ recipient_name }},</p><p>Je bent uitgenodigd voor het gesprek met "
        "{{ candidate_name }} voor de functie {{ vacancy }}.</p>" + WHEN + GUIDELINES
        + QUESTIONS + PORTAL),
    "Gesprek met een kandidaat gewijzigd": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Het gesprek met {{ candidate_name }} "
        "({{ vacancy }}) is gewijzigd. De nieuwe gegevens:</p>" + WHEN + GUIDELINES
        + OLD_QUESTIONS + PORTAL,
        "<p>Beste {{ recipient_name }},</p><p>Het gesprek met {{ candidate_name }} "
        "({{ vacancy }}) is gewijzigd. Dit zijn de nieuwe gegevens:</p>" + WHEN + GUIDELINES
        + QUESTIONS + PORTAL),
    "Uitnodiging selectiecommissie": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Als lid van de selectiecommissie ben je uitgenodigd "
        "voor het gesprek met {{ candidate_name }} voor de functie {{ vacancy }}.</p>" + WHEN
        + GUIDELINES + OLD_QUESTIONS + PORTAL,
        "<p>Beste {{ recipient_name }},</p><p>Als lid van de selectiecommissie ben je uitgenodigd "
        "voor het gesprek met {{ candidate_name }} voor de functie {{ vacancy }}.</p>" + WHEN
        + GUIDELINES + QUESTIONS + PORTAL),
    "Selectiecommissie: gesprek gewijzigd": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Het selectiegesprek met {{ candidate_name }} "
        "({{ vacancy }}) is gewijzigd. De nieuwe gegevens:</p>" + WHEN + GUIDELINES
        + OLD_QUESTIONS + PORTAL,
        "<p>Beste {{ recipient_name }},</p><p>Het selectiegesprek met {{ candidate_name }} "
        "({{ vacancy }}) is gewijzigd. Dit zijn de nieuwe gegevens:</p>" + WHEN + GUIDELINES
        + QUESTIONS + PORTAL),
    "Gesprek met een kandidaat geannuleerd": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Het gesprek met {{ candidate_name }} ({{ vacancy }}) "
        "op {{ weekday }} {{ date }} om {{ start_time }} is geannuleerd.</p>" + SIGNATURE,
        "<p>Beste {{ recipient_name }},</p><p>Het gesprek met {{ candidate_name }} ({{ vacancy }}) "
        "op {{ weekday }} {{ date }} om {{ start_time }} gaat niet door.</p>" + GREETING),
    "Selectiecommissie: gesprek geannuleerd": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Het selectiegesprek met {{ candidate_name }} "
        "({{ vacancy }}) op {{ weekday }} {{ date }} om {{ start_time }} is geannuleerd.</p>"
        + SIGNATURE,
        "<p>Beste {{ recipient_name }},</p><p>Het selectiegesprek met {{ candidate_name }} "
        "({{ vacancy }}) op {{ weekday }} {{ date }} om {{ start_time }} gaat niet door.</p>"
        + GREETING),
    "Herinnering gesprek (manager)": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Een herinnering aan het gesprek met "
        "{{ candidate_name }} ({{ vacancy }}):</p>" + WHEN.replace("<br><strong>Met:</strong> "
                                                                   "{{ interviewer }}", "")
        + PORTAL,
        "<p>Beste {{ recipient_name }},</p><p>Een herinnering aan het gesprek met "
        "{{ candidate_name }} ({{ vacancy }}):</p>" + WHEN.replace("<br><strong>Met:</strong> "
                                                                   "{{ interviewer }}", "")
        + PORTAL + GREETING),
    "Herinnering gesprek (commissie)": (
        None, None,
        "<p>Beste {{ recipient_name }},</p><p>Een herinnering aan het selectiegesprek met "
        "{{ candidate_name }} ({{ vacancy }}):</p>" + WHEN.replace("<br><strong>Met:</strong> "
                                                                   "{{ interviewer }}", "")
        + PORTAL,
        "<p>Beste {{ recipient_name }},</p><p>Een herinnering aan het selectiegesprek met "
        "{{ candidate_name }} ({{ vacancy }}):</p>" + WHEN.replace("<br><strong>Met:</strong> "
                                                                   "{{ interviewer }}", "")
        + PORTAL + GREETING),
    "Kies een tijd": (
        None, None,
        "<p>Beste {{ candidate_first_name }},</p><p>We maken graag kennis voor de functie "
        "{{ vacancy }}. Kies het moment dat jou het beste uitkomt:</p>"
        '<p><a href="{{ scheduling_link }}">Kies een tijd</a></p>' + GREETING,
        "<p>Beste {{ candidate_first_name }},</p><p>We maken graag kennis met je over de functie "
        "{{ vacancy }}. Kies het moment dat jou het beste uitkomt:</p>"
        '<p><a href="{{ scheduling_link }}">Kies een tijd</a></p>' + GREETING),
}
RENAMED = {"Herinnering gesprek (commissie)": "Herinnering gesprek (selectiecommissie)"}


REASON = "<p>{{ cancellation_reason }}</p>"


def _with_reason(body: str) -> str:
    """A cancellation text as 0013 left it: the reason's paragraph after the second one."""
    first = body.find("</p>")
    second = body.find("</p>", first + 1) if first >= 0 else -1
    if second < 0:
        return body + REASON
    end = second + len("</p>")
    return body[:end] + REASON + body[end:]


def _apply(document, old_subject, new_subject, old_body, new_body, forward) -> None:
    if document.purpose == "cancellation" and old_body is not None:
        old_body, new_body = _with_reason(old_body), _with_reason(new_body)
    if not forward:
        old_subject, new_subject, old_body, new_body = new_subject, old_subject, new_body, old_body
    fields = []
    if old_subject is not None and document.subject == old_subject:
        document.subject = new_subject
        fields.append("subject")
    if old_body is not None and document.body == old_body:
        document.body = new_body
        fields.append("body")
    if fields:
        document.save(update_fields=fields)


def _update(apps, *, forward: bool) -> None:
    StandardDocument = apps.get_model("interviews", "StandardDocument")
    renamed = RENAMED if forward else {new: old for old, new in RENAMED.items()}
    for old_name, new_name in renamed.items():
        taken = StandardDocument.objects.filter(name=new_name, language="nl").exists()
        if not taken:
            StandardDocument.objects.filter(name=old_name, language="nl").update(name=new_name)
    current = {name: renamed.get(name, name) for name in CHANGES}
    for name, change in CHANGES.items():
        for document in StandardDocument.objects.filter(name=current[name], language="nl"):
            _apply(document, *change, forward=forward)


def forwards(apps, schema_editor):
    _update(apps, forward=True)


def backwards(apps, schema_editor):
    _update(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [("interviews", "0013_cancellation_reason")]
    operations = [migrations.RunPython(forwards, backwards)]
