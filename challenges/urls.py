from django.urls import path

from challenges import views

app_name = "challenges"

urlpatterns = [
    path("", views.browse, name="browse"),
    path("<slug:slug>/", views.practise, name="practise"),
]
