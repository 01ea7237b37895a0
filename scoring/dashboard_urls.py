"""The dashboard's address, /dashboard/, outside the review pages' prefix and namespace: it is
named plainly "dashboard" (the log-in redirect and the navigation use it)."""

from django.urls import path

from scoring import views

urlpatterns = [path("", views.dashboard, name="dashboard")]
