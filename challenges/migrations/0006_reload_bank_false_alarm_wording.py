from django.db import migrations

from challenges.services import load_challenges_in_migration


class Migration(migrations.Migration):
    """Reload the bank: the false-alarm question no longer says "the model" (rules act on
    their own too), and the feedback-loop question fits a model that blocks or lets through,
    not only one that decides what people see."""

    dependencies = [
        ("challenges", "0005_reload_bank_for_the_engine"),
    ]

    operations = [
        migrations.RunPython(load_challenges_in_migration, migrations.RunPython.noop),
    ]
