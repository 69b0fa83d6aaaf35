"""Online interview locations (Jitsi Meet or a fixed meeting room), each interview's own video
room, and a "Join online" line under "Where" in the standard documents that name the place."""

from django.core import validators
from django.db import migrations, models

import interviews.planning.models

# Data rather than imported: a migration must not change when the code does.
JOIN = {
    "en": '<br><strong>Join online:</strong> <a href="{{ video_link }}">{{ video_link }}</a>',
    "nl": '<br><strong>Online deelnemen:</strong> <a href="{{ video_link }}">{{ video_link }}'
          "</a>",
}
# "Where: {{ location }}" ends its line in every installed document that names the place;
# the join line follows it there (and drops out, like any empty line, for a place in person).
PLACE_ENDS = ["{{ location }}<br>", "{{ location }}</p>"]


def _with_join_line(body: str, language: str) -> str:
    if "video_link" in body:
        return body
    for end in PLACE_ENDS:
        if end in body:
            place, rest = end[:len("{{ location }}")], end[len("{{ location }}"):]
            return body.replace(end, place + JOIN.get(language, JOIN["en"]) + rest, 1)
    return body


def add_join_lines(apps, schema_editor):
    StandardDocument = apps.get_model("interviews", "StandardDocument")
    for document in StandardDocument.objects.filter(body__contains="{{ location }}"):
        body = _with_join_line(document.body, document.language)
        if body != document.body:
            StandardDocument.objects.filter(pk=document.pk).update(body=body)


def remove_join_lines(apps, schema_editor):
    StandardDocument = apps.get_model("interviews", "StandardDocument")
    for document in StandardDocument.objects.filter(body__contains="{{ video_link }}"):
        body = document.body
        for line in JOIN.values():
            body = body.replace(line, "")
        StandardDocument.objects.filter(pk=document.pk).update(body=body)


class Migration(migrations.Migration):

    dependencies = [
        ("interviews", "0018_calendar_write_back"),
    ]

    operations = [
        # Empty in the rows there are: a callable default in AddField would be called once,
        # giving every existing interview the same room. They get theirs when first asked.
        migrations.AddField(
            model_name="interview",
            name="video_room",
            field=models.CharField(blank=True, default="", editable=False, max_length=60,
                                   verbose_name="video room"),
        ),
        # New interviews get a fresh room; only the state changes (Django keeps defaults in
        # Python), so SQLite need not rebuild the table a second time.
        migrations.SeparateDatabaseAndState(state_operations=[migrations.AlterField(
            model_name="interview",
            name="video_room",
            field=models.CharField(blank=True, default=interviews.planning.models.new_video_room,
                                   editable=False, max_length=60, verbose_name="video room"),
        )]),
        migrations.AddField(
            model_name="interviewlocation",
            name="meeting_url",
            field=models.URLField(
                blank=True, max_length=500, verbose_name="meeting-room URL",
                help_text="For a fixed meeting room: the https:// address of the personal room "
                          "in Teams, Zoom or Webex.",
                validators=[validators.URLValidator(
                    code="https_only", message="Enter an https:// address.", schemes=["https"])]),
        ),
        migrations.AddField(
            model_name="interviewlocation",
            name="video_provider",
            field=models.CharField(
                blank=True, default="", max_length=10, verbose_name="online meeting",
                choices=[("", "None: people meet in person"),
                         ("jitsi", "Jitsi Meet: a new room for every interview"),
                         ("fixed", "A fixed meeting room (Teams, Zoom, Webex…)")]),
        ),
        migrations.RunPython(add_join_lines, remove_join_lines),
    ]
