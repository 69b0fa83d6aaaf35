"""Reply links, portal links, reminders and "choose a time" documents in Dutch and English."""

from django.db import migrations

REPLY = {
    "en": '<p><a href="{{ accept_link }}">I\'ll be there</a> · '
          '<a href="{{ decline_link }}">I can\'t make it</a></p>',
    "nl": '<p><a href="{{ accept_link }}">Ik kom</a> · '
          '<a href="{{ decline_link }}">Ik kan niet</a></p>',
}
PORTAL = {
    "en": '<p><a href="{{ portal_link }}">Open the interview in the manager portal</a> to read '
          "the guidelines and, afterwards, give your feedback.</p>",
    "nl": '<p><a href="{{ portal_link }}">Open het gesprek in de managerportal</a> om de '
          "richtlijnen te lezen en na afloop je feedback te geven.</p>",
}
# The installed documents that get the links (by name), and which links.
WITH_REPLY = ["Interview invitation", "Uitnodiging gesprek", "Interview changed",
              "Gesprek gewijzigd"]
WITH_PORTAL = ["Interview with a candidate", "Gesprek met een kandidaat",
               "Interview with a candidate changed", "Gesprek met een kandidaat gewijzigd",
               "Selection committee invitation", "Uitnodiging selectiecommissie",
               "Selection committee: interview changed", "Selectiecommissie: gesprek gewijzigd"]

WHEN_EN = ("<p><strong>When:</strong> {{ weekday }} {{ date }}, {{ start_time }}–{{ end_time }}"
           "<br><strong>Where:</strong> {{ location }}</p>")
WHEN_NL = ("<p><strong>Wanneer:</strong> {{ weekday }} {{ date }}, {{ start_time }}–"
           "{{ end_time }}<br><strong>Waar:</strong> {{ location }}</p>")

NEW_DOCUMENTS = [
    ("Interview reminder", "candidate", "reminder", "en",
     "Reminder: your interview for {{ vacancy }} on {{ weekday }} {{ date }} at {{ start_time }}",
     "<p>Dear {{ candidate_first_name }},</p><p>A reminder of your interview:</p>" + WHEN_EN
     + REPLY["en"] + "<p>See you then,<br>{{ recruiter_name }}</p>"),
    ("Herinnering gesprek", "candidate", "reminder", "nl",
     "Herinnering: je gesprek voor {{ vacancy }} op {{ weekday }} {{ date }} om {{ start_time }}",
     "<p>Beste {{ candidate_first_name }},</p><p>Een herinnering aan je gesprek:</p>" + WHEN_NL
     + REPLY["nl"] + "<p>Tot dan,<br>{{ recruiter_name }}</p>"),
    ("Interview reminder (manager)", "manager", "reminder", "en",
     "Reminder: interview with {{ candidate_name }} on {{ weekday }} {{ date }} {{ start_time }}",
     "<p>Dear {{ recipient_name }},</p><p>A reminder of the interview with {{ candidate_name }} "
     "({{ vacancy }}):</p>" + WHEN_EN + PORTAL["en"]),
    ("Herinnering gesprek (manager)", "manager", "reminder", "nl",
     "Herinnering: gesprek met {{ candidate_name }} op {{ weekday }} {{ date }} {{ start_time }}",
     "<p>Beste {{ recipient_name }},</p><p>Een herinnering aan het gesprek met "
     "{{ candidate_name }} ({{ vacancy }}):</p>" + WHEN_NL + PORTAL["nl"]),
    ("Interview reminder (committee)", "committee", "reminder", "en",
     "Reminder: selection interview with {{ candidate_name }} on {{ weekday }} {{ date }}",
     "<p>Dear {{ recipient_name }},</p><p>A reminder of the selection interview with "
     "{{ candidate_name }} ({{ vacancy }}):</p>" + WHEN_EN + PORTAL["en"]),
    ("Herinnering gesprek (commissie)", "committee", "reminder", "nl",
     "Herinnering: selectiegesprek met {{ candidate_name }} op {{ weekday }} {{ date }}",
     "<p>Beste {{ recipient_name }},</p><p>Een herinnering aan het selectiegesprek met "
     "{{ candidate_name }} ({{ vacancy }}):</p>" + WHEN_NL + PORTAL["nl"]),
    ("Choose a time", "candidate", "choose_time", "en",
     "Choose a time for your interview for {{ vacancy }}",
     "<p>Dear {{ candidate_first_name }},</p><p>We would like to meet you for the position of "
     "{{ vacancy }}. Please choose the time that suits you best:</p>"
     '<p><a href="{{ scheduling_link }}">Choose a time</a></p>'
     "<p>Kind regards,<br>{{ recruiter_name }}</p>"),
    ("Kies een tijd", "candidate", "choose_time", "nl",
     "Kies een tijd voor je gesprek voor {{ vacancy }}",
     "<p>Beste {{ candidate_first_name }},</p><p>We maken graag kennis voor de functie "
     "{{ vacancy }}. Kies het moment dat jou het beste uitkomt:</p>"
     '<p><a href="{{ scheduling_link }}">Kies een tijd</a></p>'
     "<p>Met vriendelijke groet,<br>{{ recruiter_name }}</p>"),
]


def install(apps, schema_editor):
    StandardDocument = apps.get_model("interviews", "StandardDocument")
    for names, links, field in ((WITH_REPLY, REPLY, "accept_link"),
                                (WITH_PORTAL, PORTAL, "portal_link")):
        for document in StandardDocument.objects.filter(name__in=names):
            if field not in document.body:
                document.body += links[document.language]
                document.save(update_fields=["body"])
    for name, audience, purpose, language, subject, body in NEW_DOCUMENTS:
        StandardDocument.objects.get_or_create(
            name=name, language=language,
            defaults={"audience": audience, "purpose": purpose, "subject": subject, "body": body},
        )


class Migration(migrations.Migration):
    dependencies = [("interviews", "0005_the_loop")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
