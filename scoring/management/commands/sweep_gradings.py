from django.core.management.base import BaseCommand

from scoring.services import sweep_gradings


class Command(BaseCommand):
    help = "Queue again the gradings stuck in queued or grading (a lost message, a dead worker)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after",
            type=float,
            default=None,
            help="Seconds a row must have been stuck (default: the broker's visibility timeout).",
        )

    def handle(self, *args, stale_after=None, **options):
        count = sweep_gradings(stale_after=stale_after)
        self.stdout.write(f"Re-queued {count} grading(s).")
