from django.urls import path

from scoring import views

app_name = "scoring"

urlpatterns = [
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/retry/", views.retry, name="retry"),
    path("<int:pk>/regrade/", views.regrade, name="regrade"),
    path("<int:pk>/export.md", views.export_markdown, name="export-markdown"),
    path("<int:pk>/export.json", views.export_json, name="export-json"),
    path("<int:pk>/share/", views.create_share, name="share-create"),
    path("<int:pk>/share/<int:link_pk>/revoke/", views.revoke_share, name="share-revoke"),
    path("shared/<str:token>/", views.shared_review, name="shared"),
    path("shared/<str:token>/turns/<int:turn>/comments/", views.add_comment, name="shared-comment"),
]
