from django.contrib import admin

from challenges.models import Challenge


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = [
        "slug",
        "section",
        "pressure",
        "persona",
        "trigger_kind",
        "trigger",
        "topic",
        "active",
    ]
    list_filter = ["section", "pressure", "persona", "trigger_kind", "topic", "active"]
    list_editable = ["active"]
    search_fields = ["slug", "question", "trigger"]
