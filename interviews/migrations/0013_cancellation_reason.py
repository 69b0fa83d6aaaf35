"""The reason given when an interview is cancelled, and the cancellation documents that use it.

The reason gets a paragraph of its own after the sentence that says the interview is cancelled
(the second paragraph of the installed documents, after "Dear ..."). A document an admin
rewrote keeps its text and gets the paragraph at the end only if it has no second paragraph.
Depends on 0011: no 0012 existed on this branch (when merged after another 0012, point the
dependency there).
"""

from django.db import migrations, models

FIELD = "{{ cancellation_reason }}"
PARAGRAPH = f"<p>{FIELD}</p>"


def with_reason(body: str) -> str:
    first = body.find("</p>")
    second = body.find("</p>", first + 1) if first >= 0 else -1
    if second < 0:
        return body + PARAGRAPH
    end = second + len("</p>")
    return body[:end] + PARAGRAPH + body[end:]


def add_reason(apps, schema_editor):
    StandardDocument = apps.get_model("interviews", "StandardDocument")
    for document in StandardDocument.objects.filter(purpose="cancellation"):
        if FIELD not in document.body:
            document.body = with_reason(document.body)
            document.save(update_fields=["body"])


def remove_reason(apps, schema_editor):
    StandardDocument = apps.get_model("interviews", "StandardDocument")
    for document in StandardDocument.objects.filter(purpose="cancellation",
                                                    body__contains=PARAGRAPH):
        document.body = document.body.replace(PARAGRAPH, "")
        document.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("interviews", "0012_message_calendar_method")]
    operations = [
        migrations.AddField(
            model_name="interview",
            name="cancellation_reason",
            field=models.CharField(blank=True, max_length=500,
                                   verbose_name="reason for cancelling"),
        ),
        migrations.RunPython(add_reason, remove_reason),
    ]
