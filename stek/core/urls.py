from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("stek/kiezen/", views.switch_stek, name="switch_stek"),
    path("s/<slug:slug>/", views.stek_home, name="stek_home"),
    path("s/<slug:slug>/gegevens/", views.stek_edit, name="stek_edit"),
    path("s/<slug:slug>/partners/", views.partner_list, name="partner_list"),
    path("s/<slug:slug>/partners/nieuw/", views.partner_create, name="partner_create"),
    path("s/<slug:slug>/partners/<int:pk>/", views.partner_edit, name="partner_edit"),
    path("s/<slug:slug>/partners/<int:pk>/beeindigen/", views.partner_end, name="partner_end"),
    path("s/<slug:slug>/mensen/", views.people_list, name="people_list"),
    path("s/<slug:slug>/mensen/nieuw/", views.person_add, name="person_add"),
    path("s/<slug:slug>/mensen/<int:pk>/", views.person_edit, name="person_edit"),
    path(
        "s/<slug:slug>/mensen/<int:pk>/non-actief/",
        views.person_deactivate,
        name="person_deactivate",
    ),
    path("netwerk/<slug:slug>/", views.network_home, name="network_home"),
    path(
        "netwerk/<slug:slug>/stek-toevoegen/", views.network_stek_create, name="network_stek_create"
    ),
    path("netwerk/<slug:slug>/auditlog/", views.network_audit_log, name="network_audit_log"),
]
