from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("<slug:slug>/programma/", views.programme, name="programme"),
    path("<slug:slug>/programma/affiche.pdf", views.poster, name="poster"),
    path("<slug:slug>/programma.ics", views.ical_stek, name="ical"),
    path("<slug:slug>/activiteit/<int:pk>.ics", views.ical_activity, name="ical_activity"),
    path("<slug:slug>/scherm/", views.screen, name="screen"),
    path("<slug:slug>/hulp/", views.services, name="services"),
]
