from django.urls import path, register_converter

from interviews import peer_views, views
from scoring.urls import ShareTokenConverter

# An invite's token has a mentor link's alphabet and length: anything else is a 404 at once.
register_converter(ShareTokenConverter, "invite_token")

app_name = "interviews"

urlpatterns = [
    path("", views.history, name="history"),
    path("new/", views.setup, name="setup"),
    path("drill/", views.drill, name="drill"),
    path("<int:pk>/", views.run, name="run"),
    path("<int:pk>/turns/<int:index>/draft/", views.autosave, name="autosave"),
    path("<int:pk>/turns/<int:index>/answer/", views.submit, name="submit"),
    path("<int:pk>/finish/", views.finish, name="finish"),
    path("<int:pk>/abandon/", views.abandon, name="abandon"),
    path("<int:pk>/export.json", views.export, name="export"),
    # With a peer interviewer: the candidate's side, then the peer's.
    path("<int:pk>/peer/", peer_views.peer_status, name="peer-status"),
    path("<int:pk>/peer/revoke/", peer_views.revoke, name="peer-revoke"),
    path("<int:pk>/peer/alone/", peer_views.go_alone, name="peer-alone"),
    path("join/<invite_token:token>/", peer_views.join, name="peer-join"),
    path("<int:pk>/console/", peer_views.console, name="console"),
    path("<int:pk>/console/live/", peer_views.console_live, name="console-live"),
    path("<int:pk>/console/actions/", peer_views.console_actions, name="console-actions"),
    path("<int:pk>/console/ask/", peer_views.ask, name="console-ask"),
    path("<int:pk>/console/next/", peer_views.next_section, name="console-next"),
    path("<int:pk>/console/more-time/", peer_views.more_time, name="console-more-time"),
    path(
        "<int:pk>/console/queued/<int:turn_pk>/withdraw/",
        peer_views.withdraw,
        name="console-withdraw",
    ),
]
