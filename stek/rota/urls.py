from django.urls import path

from . import views

app_name = "rota"

urlpatterns = [
    path("s/<slug:slug>/rooster/", views.open_places, name="open"),
    path("s/<slug:slug>/rooster/<int:pk>/<isodate:day>/ik-kom/", views.take, name="take"),
    path("s/<slug:slug>/rooster/mijn-beurten/", views.my_shifts, name="mine"),
    path("s/<slug:slug>/rooster/beurt/<int:pk>/terug/", views.give_back, name="give_back"),
    path("s/<slug:slug>/rooster/planning/", views.plan, name="plan"),
    path("s/<slug:slug>/rooster/rollen/", views.roles, name="roles"),
    path("s/<slug:slug>/rooster/rollen/<int:pk>/", views.role_edit, name="role_edit"),
    path("s/<slug:slug>/rooster/activiteit/<int:pk>/", views.needs, name="needs"),
    path("s/<slug:slug>/rooster/nodig/<int:pk>/weg/", views.need_delete, name="need_delete"),
]
