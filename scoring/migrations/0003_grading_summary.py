from django.db import migrations, models

from scoring.summary import summarize_all


def backfill_summaries(apps, schema_editor):
    """Summarize every report graded before the summary existed."""
    Grading = apps.get_model("scoring", "Grading")
    summarize_all(Grading, Grading.objects.filter(report__isnull=False, summary__isnull=True))


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0002_regrading_sharelink_reviewcomment"),
    ]

    operations = [
        migrations.AddField(
            model_name="grading",
            name="summary",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(backfill_summaries, migrations.RunPython.noop),
    ]
