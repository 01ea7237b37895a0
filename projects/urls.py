from django.urls import path, register_converter

from projects import views


class MoveDirectionConverter:
    regex = "up|down"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(MoveDirectionConverter, "move_direction")

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("import/", views.project_import, name="import"),
    path("examples/", views.examples_load, name="load-examples"),
    path("reorder/", views.project_reorder, name="reorder"),
    path("readiness/", views.readiness_check, name="readiness"),
    path("metric-rows/", views.metric_rows, name="metric-rows"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/delete/", views.project_delete, name="delete"),
    path("<int:pk>/duplicate/", views.project_duplicate, name="duplicate"),
    path("<int:pk>/move/<move_direction:direction>/", views.project_move, name="move"),
]
