from django.urls import path

from . import views

app_name = "advocacy"

D = "s/<slug:slug>/dossiers/<int:pk>/"

urlpatterns = [
    path("s/<slug:slug>/signalen/", views.signal_overview, name="overview"),
    path("s/<slug:slug>/signalen/nieuw/", views.signal_new, name="signal_new"),
    path("s/<slug:slug>/signalen/ongedaan/", views.signal_undo, name="signal_undo"),
    path("s/<slug:slug>/signalen/onderwerpen/", views.topics, name="topics"),
    path("netwerk/<slug:slug>/signalen/", views.network_signals, name="network"),
    path("s/<slug:slug>/dossiers/", views.dossier_list, name="dossier_list"),
    path("s/<slug:slug>/dossiers/nieuw/", views.dossier_create, name="dossier_create"),
    path(D, views.dossier_detail, name="dossier_detail"),
    path(D + "wijzigen/", views.dossier_edit, name="dossier_edit"),
    path(D + "stap/", views.dossier_form, {"name": "step"}, name="dossier_step"),
    path(D + "uitkomst/", views.dossier_form, {"name": "outcome"}, name="dossier_outcome"),
    path(D + "uitnodigen/", views.dossier_form, {"name": "invite"}, name="dossier_invite"),
    path(D + "antwoord/", views.dossier_answer, name="dossier_answer"),
    path(D + "getuigenis/", views.dossier_form, {"name": "testimony"}, name="testimony_add"),
    path(
        D + "getuigenis/<int:testimony_pk>/verwijderen/",
        views.testimony_remove,
        name="testimony_remove",
    ),
    path(D + "bestemmeling/", views.dossier_form, {"name": "addressee"}, name="addressee_add"),
    path(D + "bestemmeling/<int:addressee_pk>/", views.addressee_edit, name="addressee_edit"),
    path(
        D + "bestemmeling/<int:addressee_pk>/opgevolgd/",
        views.addressee_done,
        name="addressee_done",
    ),
    path(D + "actie/", views.dossier_form, {"name": "action"}, name="action_add"),
    path(D + "nota.pdf", views.dossier_note_pdf, name="dossier_note"),
    path(D + "bewijs.csv", views.dossier_evidence, {"fmt": "csv"}, name="dossier_csv"),
    path(D + "bewijs.ods", views.dossier_evidence, {"fmt": "ods"}, name="dossier_ods"),
]
