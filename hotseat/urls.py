from django.contrib import admin
from django.urls import include, path

from hotseat import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", include("scoring.dashboard_urls")),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
    path("errors/too-large/", views.too_large, name="too-large"),
    path("accounts/", include("accounts.urls")),
    path("projects/", include("projects.urls")),
    path("challenges/", include("challenges.urls")),
    path("interviews/", include("interviews.urls")),
    path("review/", include("scoring.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "hotseat.views.bad_request"
