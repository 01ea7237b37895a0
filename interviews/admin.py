from django.contrib import admin

from interviews.models import MockSession, SessionProject, Turn


class SessionProjectInline(admin.TabularInline):
    model = SessionProject
    fields = ("order", "title", "budget_seconds", "started_at", "deadline")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(MockSession)
class MockSessionAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "user",
        "kind",
        "status",
        "pressure",
        "answer_mode",
        "started_at",
        "finished_at",
    )
    list_filter = ("kind", "status", "pressure", "answer_mode")
    search_fields = ("user__username",)
    raw_id_fields = ("user", "grading")
    inlines = [SessionProjectInline]


@admin.register(Turn)
class TurnAdmin(admin.ModelAdmin):
    list_display = ("session", "index", "section", "kind", "opened_at", "answered_at", "over_time")
    list_filter = ("kind", "section", "over_time")
    raw_id_fields = ("session", "session_project")
