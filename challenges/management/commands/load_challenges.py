from django.core.management.base import BaseCommand

from challenges.bank import BANK
from challenges.services import load_challenges


class Command(BaseCommand):
    help = "Load the challenge bank into the database (an upsert by slug; safe to repeat)."

    def handle(self, *args, **options):
        created, updated = load_challenges()
        unchanged = len(BANK) - created - updated
        self.stdout.write(
            self.style.SUCCESS(
                f"Challenges: {created} created, {updated} updated, {unchanged} unchanged."
            )
        )
