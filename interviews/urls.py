from django.urls import path

from interviews import views

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
]
