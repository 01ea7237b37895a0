from django.contrib import admin

from projects.models import Metric, Project


class MetricInline(admin.TabularInline):
    model = Metric
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "company", "is_example", "position", "updated_at"]
    list_filter = ["is_example"]
    search_fields = ["title", "company", "user__username"]
    raw_id_fields = ["user"]
    inlines = [MetricInline]


@admin.register(Metric)
class MetricAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "before", "after", "unit"]
    search_fields = ["name", "project__title"]
    raw_id_fields = ["project"]
