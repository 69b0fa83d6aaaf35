# The calendar method is stored on the Message when it is built; the messages of before are read
# from their .ics once, here (the last time anything looks inside the .ics for it).

from django.db import migrations, models


def fill_from_ics(apps, schema_editor):
    Message = apps.get_model("interviews", "Message")
    Message.objects.exclude(ics="").update(calendar_method="REQUEST")
    # The property at the start of a line; never text typed into a location that says so.
    Message.objects.filter(ics__regex=r"(^|\n)METHOD:CANCEL\r?(\n|$)").update(
        calendar_method="CANCEL")


class Migration(migrations.Migration):

    dependencies = [
        ('interviews', '0011_reply_changes'),
    ]

    operations = [
        migrations.AddField(
            model_name='message',
            name='calendar_method',
            field=models.CharField(blank=True, choices=[('REQUEST', 'invitation (METHOD:REQUEST)'), ('CANCEL', 'cancellation (METHOD:CANCEL)')], max_length=7, verbose_name='calendar method'),
        ),
        migrations.RunPython(fill_from_ics, migrations.RunPython.noop, elidable=True),
    ]
