"""Interview locations, reasons and guidelines get a Dutch name (and guideline text) beside
the English one: the usual reasons get their known translation, everything else today's
value in both fields."""

from django.db import migrations, models

# Kept here rather than imported: a migration must not change when the code does.
DUTCH_REASONS = {
    "First interview": "Eerste gesprek",
    "Second interview": "Tweede gesprek",
    "Third interview": "Derde gesprek",
    "Assessment": "Assessment",
}
NAME_NL_HELP = "Left empty, the English name is shown."


def fill_dutch_names(apps, schema_editor):
    for model, known in (("InterviewReason", DUTCH_REASONS), ("InterviewLocation", {})):
        for row in apps.get_model("interviews", model).objects.filter(name_nl=""):
            row.name_nl = known.get(row.name, row.name)
            row.save(update_fields=["name_nl"])
    for guideline in apps.get_model("interviews", "InterviewGuideline").objects.all():
        guideline.title_nl = guideline.title_nl or guideline.title
        guideline.text_nl = guideline.text_nl or guideline.text
        guideline.save(update_fields=["title_nl", "text_nl"])


class Migration(migrations.Migration):
    dependencies = [("interviews", "0014_dutch_documents")]
    operations = [
        migrations.AddField(
            model_name="interviewguideline",
            name="text_nl",
            field=models.TextField(blank=True, help_text="Left empty, the English text is shown.",
                                   verbose_name="text (Dutch)"),
        ),
        migrations.AddField(
            model_name="interviewguideline",
            name="title_nl",
            field=models.CharField(blank=True, help_text="Left empty, the English title is shown.",
                                   max_length=200, verbose_name="title (Dutch)"),
        ),
        migrations.AddField(
            model_name="interviewlocation",
            name="name_nl",
            field=models.CharField(blank=True, help_text=NAME_NL_HELP, max_length=200,
                                   verbose_name="name (Dutch)"),
        ),
        migrations.AddField(
            model_name="interviewreason",
            name="name_nl",
            field=models.CharField(blank=True, help_text=NAME_NL_HELP, max_length=100,
                                   verbose_name="name (Dutch)"),
        ),
        migrations.AlterField(
            model_name="interviewguideline",
            name="text",
            field=models.TextField(verbose_name="text (English)"),
        ),
        migrations.AlterField(
            model_name="interviewguideline",
            name="title",
            field=models.CharField(max_length=200, unique=True, verbose_name="title (English)"),
        ),
        migrations.AlterField(
            model_name="interviewlocation",
            name="name",
            field=models.CharField(max_length=200, unique=True, verbose_name="name (English)"),
        ),
        migrations.AlterField(
            model_name="interviewreason",
            name="name",
            field=models.CharField(max_length=100, unique=True, verbose_name="name (English)"),
        ),
        migrations.RunPython(fill_dutch_names, migrations.RunPython.noop),
    ]
