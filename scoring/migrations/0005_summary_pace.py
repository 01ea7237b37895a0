from django.db import migrations

from scoring.summary import summarize_all


def resummarize(apps, schema_editor):
    """Summaries now carry a spoken round's pace and fillers a minute: summarize every graded
    row again, so the dashboard never has to read a report for them."""
    Grading = apps.get_model("scoring", "Grading")
    summarize_all(Grading, Grading.objects.filter(report__isnull=False))


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0004_peer_scorecard"),
    ]

    operations = [migrations.RunPython(resummarize, migrations.RunPython.noop)]
