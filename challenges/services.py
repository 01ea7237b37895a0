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
    "strong_answer",
)


@transaction.atomic
def load_challenges(*, challenge_model: type[Challenge] = Challenge) -> tuple[int, int]:
    """Upsert the bank by slug; return (created, updated). Running it twice changes nothing.

    `challenge_model` lets the data migration pass its historical model.
    """
    existing = {challenge.slug: challenge for challenge in challenge_model.objects.all()}
    to_create, to_update = [], []
    for entry in BANK:
        values = {field: getattr(entry, field) for field in BANK_FIELDS}
        current = existing.get(entry.slug)
        if current is None:
            to_create.append(challenge_model(slug=entry.slug, **values))
        elif any(getattr(current, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(current, field, value)
            to_update.append(current)
    challenge_model.objects.bulk_create(to_create)
    challenge_model.objects.bulk_update(to_update, BANK_FIELDS)
    forget_bank_rows()  # bulk writes send no signals
    return len(to_create), len(to_update)
