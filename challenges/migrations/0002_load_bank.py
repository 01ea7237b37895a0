from django.db import migrations


def load_bank(apps, schema_editor):
    from challenges.services import load_challenges

    load_challenges(challenge_model=apps.get_model("challenges", "Challenge"))


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_bank, migrations.RunPython.noop),
    ]
