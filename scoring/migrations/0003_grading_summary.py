from django.db import migrations, models

from scoring.summary import summarize


def backfill_summaries(apps, schema_editor):
    """Summarize every report graded before the summary existed, a batch at a time."""
    Grading = apps.get_model("scoring", "Grading")
    rows = (
        Grading.objects.filter(report__isnull=False, summary__isnull=True)
        .only("pk", "report", "transcript")
        .iterator(chunk_size=500)
    )
    batch = []
    for grading in rows:
        grading.summary = summarize(grading.report, grading.transcript)
        batch.append(grading)
        if len(batch) == 500:
            Grading.objects.bulk_update(batch, ["summary"])
            batch = []
    Grading.objects.bulk_update(batch, ["summary"])


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
