from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from projects.services import load_example_projects

DEMO_PASSWORD = "hotseat-demo"


class Command(BaseCommand):
    help = (
        "Load the four worked example projects for a user, creating the user (password "
        f"'{DEMO_PASSWORD}') if missing. Safe to run again: examples are never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(username=username, password=DEMO_PASSWORD)
            self.stdout.write(f"Created user {username!r} with password {DEMO_PASSWORD!r}.")
        added = load_example_projects(user=user)
        self.stdout.write(f"Loaded {len(added)} example projects for {username!r}.")
