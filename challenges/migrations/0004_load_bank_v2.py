from django.db import migrations

from challenges.services import load_challenges_in_migration


class Migration(migrations.Migration):
    """Fill in key points, domains and topics, and add the new entries (an upsert by slug)."""

    dependencies = [
        ("challenges", "0003_key_points_domains_topic"),
    ]

    operations = [
        migrations.RunPython(load_challenges_in_migration, migrations.RunPython.noop),
    ]
