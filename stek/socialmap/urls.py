from django.urls import path

from . import views

app_name = "socialmap"

urlpatterns = [
    path("s/<slug:slug>/kaart/", views.search_view, name="search"),
    path("s/<slug:slug>/kaart/nieuw/", views.service_create, name="service_create"),
    path("s/<slug:slug>/kaart/locatie/nieuw/", views.location_create, name="location_create"),
    path("s/<slug:slug>/kaart/te-controleren/", views.stale, name="stale"),
    path("s/<slug:slug>/kaart/dienst/<int:pk>/", views.service_detail, name="service_detail"),
    path("s/<slug:slug>/kaart/dienst/<int:pk>/bewerken/", views.service_edit, name="service_edit"),
    path(
        "s/<slug:slug>/kaart/dienst/<int:pk>/gecontroleerd/",
        views.service_verify,
        name="service_verify",
    ),
    path(
        "s/<slug:slug>/kaart/dienst/<int:pk>/mededeling/",
        views.notice_create,
        name="notice_create",
    ),
    path("s/<slug:slug>/kaart/mededeling/<int:pk>/weg/", views.notice_delete, name="notice_delete"),
]
