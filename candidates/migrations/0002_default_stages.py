from django.db import migrations

# Kept here rather than imported: a migration must not change when the code does.
STAGES = [
    ("New", False, False),
    ("Screening", False, False),
    ("Plan interview", True, False),
    ("Interview planned", False, False),
    ("Offer", False, False),
    ("Hired", False, True),
    ("Rejected", False, True),
]


def create_stages(apps, schema_editor):
    WorkflowStage = apps.get_model("candidates", "WorkflowStage")
    for position, (name, is_plan_interview, is_closed) in enumerate(STAGES, start=1):
        WorkflowStage.objects.get_or_create(
            name=name,
            defaults={"position": position * 10, "is_plan_interview": is_plan_interview,
                      "is_closed": is_closed},
        )


class Migration(migrations.Migration):
    dependencies = [("candidates", "0001_initial")]
    operations = [migrations.RunPython(create_stages, migrations.RunPython.noop)]
