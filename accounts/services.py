from collections import defaultdict

from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_user_model
from django.core import serializers
from django.db import models, router, transaction
from django.utils import timezone

EXPORT_FORMAT = "hotseat.export/1"
# Never leaves the database, not even for its owner.
_PRIVATE_FIELDS = {"password"}
# In a row of someone else's data, a key to their things (a peer invite's link opens the
# candidate's round): not the user's to take away.
_OTHERS_SECRETS = {"token"}
KEPT_EXPLANATION = (
    "Rows of other users' data that name you, such as the invites you accepted and the "
    "scorecards you wrote as someone's peer interviewer: your scores, outcomes and notes, and "
    "when you gave them. Deleting your account does not delete them, since they are part of "
    "those users' rounds: they stay there, and the field that names you (listed per kind under "
    "'unlinked_field') is emptied, so what you wrote stays on their review without your name."
)


def _owned_objects(user) -> dict[str, list]:
    """Everything that belongs to the user: exactly what deleting the account deletes.

    Using the deletion collector means a new app's models are exported and deleted
    without anyone remembering to list them here.
    """
    collector = NestedObjects(using=router.db_for_write(get_user_model()))
    collector.collect([user])
    owned = defaultdict(list)
    for model, instances in collector.data.items():
        owned[model._meta.label_lower].extend(sorted(instances, key=lambda obj: obj.pk))
    return owned


def _rows_naming(user, owned: dict[str, list]) -> dict[str, tuple[str, list]]:
    """Rows outside the user's data that point at them by a foreign key deleting the account
    empties (SET_NULL), by model label: (the field, the rows). Found from the user model's
    relations, so a new one is exported without anyone listing it here."""
    found = {}
    for relation in user._meta.get_fields():
        if not relation.auto_created or getattr(relation, "on_delete", None) is not models.SET_NULL:
            continue
        model = relation.related_model
        label = model._meta.label_lower
        mine = {obj.pk for obj in owned.get(label, [])}
        rows = model._default_manager.filter(**{relation.field.name: user}).exclude(pk__in=mine)
        if instances := list(rows.order_by("pk")):
            found[label] = (relation.field.name, instances)
    return found


def _serialized(instances, leave_out: set[str]) -> list[dict]:
    rows = serializers.serialize("python", instances)
    return [
        {"id": row["pk"]}
        | {name: value for name, value in row["fields"].items() if name not in leave_out}
        for row in rows
    ]


def export_user_data(*, user) -> dict:
    owned = _owned_objects(user)
    kept = _rows_naming(user, owned)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "username": user.get_username(),
        # Deleting the account deletes exactly these.
        "records": {
            label: _serialized(instances, _PRIVATE_FIELDS)
            for label, instances in sorted(owned.items())
        },
        "kept_after_deletion": {
            "explanation": KEPT_EXPLANATION,
            "unlinked_field": {label: field for label, (field, _) in sorted(kept.items())},
            "records": {
                label: _serialized(instances, _PRIVATE_FIELDS | _OTHERS_SECRETS)
                for label, (_, instances) in sorted(kept.items())
            },
        },
    }


@transaction.atomic
def delete_account(*, user) -> None:
    user.delete()
