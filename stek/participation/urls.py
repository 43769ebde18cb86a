from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    # public: no account (a STEK's public pages, next to /<stek>/programma/)
    path("<slug:slug>/idee/", views.box, name="box"),
    path("<slug:slug>/wij-deden/", views.board, name="board"),
    path("<slug:slug>/wij-deden/bord/", views.board_print, name="board_print"),
    path("<slug:slug>/wij-deden/bord.pdf", views.board_pdf, name="board_pdf"),
    path("<slug:slug>/stemmen/", views.vote_code, name="vote_code"),
    path("<slug:slug>/stemmen/<str:code>/", views.vote_phone, name="vote_phone"),
    # the STEK's people
    path("s/<slug:slug>/inspraak/idee/", views.tablet_idea, name="tablet_idea"),
    path("s/<slug:slug>/inspraak/", views.moderation, name="moderation"),
    path("s/<slug:slug>/inspraak/instelling/", views.idea_policy, name="idea_policy"),
    path("s/<slug:slug>/inspraak/idee/<int:pk>/", views.idea_detail, name="idea_detail"),
    path("s/<slug:slug>/inspraak/raad/", views.meetings, name="meetings"),
    path("s/<slug:slug>/inspraak/raad/<int:pk>/", views.meeting_detail, name="meeting"),
    path("s/<slug:slug>/inspraak/raad/<int:pk>/stembus/", views.ballot, name="ballot"),
]
