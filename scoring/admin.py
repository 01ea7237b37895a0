from django.contrib import admin

from scoring import services
from scoring.models import FAILED, Grading


@admin.register(Grading)
class GradingAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "status", "grader", "overall", "attempts", "created_at")
    list_filter = ("status", "grader")
    search_fields = ("user__username", "user__email")
    list_select_related = ("user",)
    # Snapshots and results: editing them by hand would make the report lie.
    readonly_fields = (
        "transcript",
        "project_records",
        "report",
        "overall",
        "attempts",
        "created_at",
        "queued_at",
        "claimed_at",
        "graded_at",
    )
    raw_id_fields = ("user",)
    actions = ("retry_failed",)

    @admin.action(description="Retry the selected failed gradings")
    def retry_failed(self, request, queryset):
        gradings = list(queryset.filter(status=FAILED))
        for grading in gradings:
            services.retry_grading(grading=grading)
        self.message_user(request, f"Queued {len(gradings)} grading(s) again.")
