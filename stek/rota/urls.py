from django.urls import path

from . import views

app_name = "rota"

urlpatterns = [
    path("s/<slug:slug>/rooster/", views.open_places, name="open"),
    path("s/<slug:slug>/rooster/<int:pk>/<isodate:day>/ik-kom/", views.take, name="take"),
    path("s/<slug:slug>/rooster/mijn-beurten/", views.my_shifts, name="mine"),
    path("s/<slug:slug>/rooster/beurt/<int:pk>/terug/", views.give_back, name="give_back"),
]
