from django.urls import path, register_converter

from scoring import views


class ShareTokenConverter:
    """A mentor link's token: secrets.token_urlsafe's alphabet, at most the column's 64
    characters. Anything else (a NUL, a slash, a space) is no link, so a 404 before any query."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ShareTokenConverter, "share_token")

app_name = "scoring"

urlpatterns = [
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/retry/", views.retry, name="retry"),
    path("<int:pk>/regrade/", views.regrade, name="regrade"),
    path("<int:pk>/export.md", views.export_markdown, name="export-markdown"),
    path("<int:pk>/export.json", views.export_json, name="export-json"),
    path("<int:pk>/share/", views.create_share, name="share-create"),
    path("<int:pk>/share/<int:link_pk>/revoke/", views.revoke_share, name="share-revoke"),
    # A peer interviewer's scores: their page, changing them, the candidate's revoking it,
    # the export.
    path("<int:pk>/peer/", views.peer_review, name="peer-review"),
    path("<int:pk>/peer/edit/", views.peer_scores_edit, name="peer-scores-edit"),
    path("<int:pk>/peer/revoke/", views.revoke_peer_access, name="peer-access-revoke"),
    path("calibration/", views.calibration_export, name="calibration-export"),
    path("shared/<share_token:token>/", views.shared_review, name="shared"),
    path(
        "shared/<share_token:token>/turns/<int:turn>/comments/",
        views.add_comment,
        name="shared-comment",
    ),
]
