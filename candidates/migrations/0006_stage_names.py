"""Workflow stages get a Dutch name beside the English one; the default stages get their
known translation, other stages today's name in both fields."""

from django.db import migrations, models

# Kept here rather than imported: a migration must not change when the code does.
DUTCH = {
    "New": "Nieuw",
    "Screening": "Screening",
    "Plan interview": "Gesprek plannen",
    "Interview planned": "Gesprek gepland",
    "Offer": "Aanbod",
    "Hired": "Aangenomen",
    "Rejected": "Afgewezen",
}


def fill_dutch_names(apps, schema_editor):
    WorkflowStage = apps.get_model("candidates", "WorkflowStage")
    for stage in WorkflowStage.objects.filter(name_nl=""):
        stage.name_nl = DUTCH.get(stage.name, stage.name)
        stage.save(update_fields=["name_nl"])


class Migration(migrations.Migration):
    dependencies = [("candidates", "0005_candidate_version")]
    operations = [
        migrations.AddField(
            model_name="workflowstage",
            name="name_nl",
            field=models.CharField(blank=True, help_text="Left empty, the English name is shown.",
                                   max_length=100, verbose_name="name (Dutch)"),
        ),
        migrations.AlterField(
            model_name="workflowstage",
            name="name",
            field=models.CharField(max_length=100, unique=True, verbose_name="name (English)"),
        ),
        migrations.RunPython(fill_dutch_names, migrations.RunPython.noop),
    ]
