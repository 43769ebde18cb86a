from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("s/<slug:slug>/verwijzingen/", views.referral_list, name="list"),
    path("s/<slug:slug>/verwijzingen/overzicht/", views.overview, name="overview"),
    path("s/<slug:slug>/verwijzingen/nieuw/<int:service_pk>/", views.create, name="create"),
    path("s/<slug:slug>/verwijzingen/<int:pk>/", views.detail, name="detail"),
    path("s/<slug:slug>/verwijzingen/<int:pk>/briefje.pdf", views.slip_pdf, name="slip_pdf"),
    path("s/<slug:slug>/verwijzingen/<int:pk>/uitkomst/", views.record, name="record"),
    path("verwijzing/", views.confirm_code, name="confirm_code"),
    path("verwijzing/<str:token>/", views.confirm, name="confirm"),
]
