from django.db import migrations

from challenges.services import load_challenges_in_migration


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_challenges_in_migration, migrations.RunPython.noop),
    ]
