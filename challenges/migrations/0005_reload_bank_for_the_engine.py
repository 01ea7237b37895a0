from django.db import migrations

from challenges.services import load_challenges_in_migration


class Migration(migrations.Migration):
    """Reload the bank: flag questions reworded to name what they attack (leakage, an
    out-of-time split, a control group, position bias, the error rate, cost per request)."""

    dependencies = [
        ("challenges", "0004_load_bank_v2"),
    ]

    operations = [
        migrations.RunPython(load_challenges_in_migration, migrations.RunPython.noop),
    ]
