# The audit trail also records each answer of the candidate: a new choice, no change to the data.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('interviews', '0010_message_lease'),
    ]

    operations = [
        migrations.AlterField(
            model_name='interviewchange',
            name='field',
            field=models.CharField(choices=[('time', 'Time'), ('place', 'Place'), ('status', 'Status'), ('reply', "Candidate's answer")], max_length=10, verbose_name='what'),
        ),
    ]
