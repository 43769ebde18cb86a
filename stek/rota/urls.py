from django.urls import path

from . import views

app_name = "rota"

urlpatterns = [
    path("s/<slug:slug>/rooster/", views.open_places, name="open"),
    path("s/<slug:slug>/rooster/<int:pk>/<isodate:day>/ik-kom/", views.take, name="take"),
    path("s/<slug:slug>/rooster/mijn-beurten/", views.my_shifts, name="mine"),
    path("s/<slug:slug>/rooster/beurt/<int:pk>/terug/", views.give_back, name="give_back"),
    path("s/<slug:slug>/rooster/planning/", views.plan, name="plan"),
    path(
        "s/<slug:slug>/rooster/planning/<int:pk>/<isodate:day>/inplannen/",
        views.assign_place,
        name="assign",
    ),  # fmt: skip
    path("s/<slug:slug>/rooster/rollen/", views.roles, name="roles"),
    path("s/<slug:slug>/rooster/rollen/<int:pk>/", views.role_edit, name="role_edit"),
    path("s/<slug:slug>/rooster/activiteit/<int:pk>/", views.needs, name="needs"),
    path("s/<slug:slug>/rooster/nodig/<int:pk>/weg/", views.need_delete, name="need_delete"),
    path(
        "s/<slug:slug>/rooster/<int:pk>/<isodate:day>/reserve/",
        views.reserve_join,
        name="reserve_join",
    ),  # fmt: skip
    path(
        "s/<slug:slug>/rooster/reserve/<int:pk>/weg/", views.reserve_leave, name="reserve_leave"
    ),  # fmt: skip
    path("s/<slug:slug>/rooster/reserve/<int:pk>/ja/", views.offer_accept, name="offer_accept"),
    path("s/<slug:slug>/rooster/beurt/<int:pk>/vervanger/", views.standin_ask, name="standin_ask"),
    path(
        "s/<slug:slug>/rooster/beurt/<int:pk>/vervanger/stop/",
        views.standin_cancel,
        name="standin_cancel",
    ),  # fmt: skip
    path(
        "s/<slug:slug>/rooster/beurt/<int:pk>/overnemen/", views.standin_take, name="standin_take"
    ),  # fmt: skip
    path("s/<slug:slug>/rooster/beurt/<int:pk>/niet-gekomen/", views.no_show, name="no_show"),
    path("s/<slug:slug>/rooster/agenda-link/", views.feed, name="feed"),
    path("s/<slug:slug>/rooster/agenda-link/nieuw/", views.feed_renew, name="feed_renew"),
    path("s/<slug:slug>/rooster/agenda-link/weg/", views.feed_revoke, name="feed_revoke"),
    path("rooster/ical/<str:token>.ics", views.feed_ics, name="feed_ics"),
    path("s/<slug:slug>/rooster/vrijwilligers/", views.volunteers, name="volunteers"),
    path("s/<slug:slug>/rooster/vrijwilligers/<int:pk>/", views.volunteer, name="volunteer"),
    path(
        "s/<slug:slug>/rooster/vrijwilligers/<int:pk>/nota/", views.note_given, name="note_given"
    ),  # fmt: skip
    path("s/<slug:slug>/rooster/mijn-uren/", views.my_hours, name="my_hours"),
    path("s/<slug:slug>/rooster/mijn-uren/attest.pdf", views.certificate, name="certificate"),
    path("aanmelden/link/", views.signin_confirm, name="signin_confirm"),
    path("aanmelden/link-vragen/", views.signin_request, name="signin_request"),
    path("s/<slug:slug>/rooster/aanmeldlinks/", views.signin_links, name="signin_links"),
    path(
        "s/<slug:slug>/rooster/aanmeldlinks/<int:pk>/sturen/", views.signin_send, name="signin_send"
    ),  # fmt: skip
    path(
        "s/<slug:slug>/rooster/aanmeldlinks/<int:pk>/afdrukken/",
        views.signin_print,
        name="signin_print",
    ),  # fmt: skip
    path(
        "s/<slug:slug>/rooster/aanmeldlinks/<int:pk>/intrekken/",
        views.signin_revoke,
        name="signin_revoke",
    ),  # fmt: skip
]
