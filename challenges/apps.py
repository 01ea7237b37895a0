from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "challenges"
    verbose_name = "Challenge bank"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from challenges.models import Challenge
        from challenges.selectors import forget_bank_rows

        post_save.connect(forget_bank_rows, sender=Challenge, dispatch_uid="challenges-bank-save")
        post_delete.connect(
            forget_bank_rows, sender=Challenge, dispatch_uid="challenges-bank-delete"
        )
