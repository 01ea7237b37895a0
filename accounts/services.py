from collections import defaultdict

from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_user_model
from django.core import serializers
from django.db import router, transaction
from django.utils import timezone

EXPORT_FORMAT = "hotseat.export/1"
# Never leaves the database, not even for its owner.
_PRIVATE_FIELDS = {"password"}


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


def export_user_data(*, user) -> dict:
    records = {}
    for label, instances in sorted(_owned_objects(user).items()):
        rows = serializers.serialize("python", instances)
        for row in rows:
            for field in _PRIVATE_FIELDS & row["fields"].keys():
                del row["fields"][field]
        records[label] = [{"id": row["pk"], **row["fields"]} for row in rows]
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "username": user.get_username(),
        "records": records,
    }


@transaction.atomic
def delete_account(*, user) -> None:
    user.delete()
