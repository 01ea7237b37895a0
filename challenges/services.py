from django.db import transaction

from challenges.bank import BANK
from challenges.models import Challenge
from challenges.selectors import forget_bank_rows

# Fields the bank owns. `active` is left alone so that a challenge switched off in the
# admin stays off when the bank is loaded again.
BANK_FIELDS = (
    "section",
    "pressure",
    "persona",
    "trigger_kind",
    "trigger",
    "question",
    "key_points",
    "domains",
    "topic",
)
# Stored as JSON lists; the bank holds tuples.
_LIST_FIELDS = ("key_points", "domains")


@transaction.atomic
def load_challenges(*, challenge_model: type[Challenge] = Challenge) -> tuple[int, int]:
    """Upsert the bank by slug; return (created, updated). Running it twice changes nothing.

    `challenge_model` lets a data migration pass its historical model: only the fields that
    model has are written, so an older migration still loads what its schema can hold.
    """
    has = {field.name for field in challenge_model._meta.get_fields()}
    fields = [field for field in BANK_FIELDS if field in has]
    existing = {challenge.slug: challenge for challenge in challenge_model.objects.all()}
    to_create, to_update = [], []
    for entry in BANK:
        values = {
            field: list(getattr(entry, field)) if field in _LIST_FIELDS else getattr(entry, field)
            for field in fields
        }
        current = existing.get(entry.slug)
        if current is None:
            to_create.append(challenge_model(slug=entry.slug, **values))
        elif any(getattr(current, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(current, field, value)
            to_update.append(current)
    challenge_model.objects.bulk_create(to_create)
    challenge_model.objects.bulk_update(to_update, fields)
    forget_bank_rows()  # bulk writes send no signals
    return len(to_create), len(to_update)


def load_challenges_in_migration(apps, schema_editor) -> None:
    """The data migrations' step: load the bank into the Challenge model as it stands there."""
    load_challenges(challenge_model=apps.get_model("challenges", "Challenge"))
