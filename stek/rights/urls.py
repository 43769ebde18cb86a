from django.urls import path

from . import views

app_name = "rights"

urlpatterns = [
    path("rechtencheck/", views.check, name="check"),
    path("s/<slug:slug>/rechtencheck/", views.stek_check, name="stek_check"),
    path("<slug:slug>/rechtencheck/", views.public_check, name="public_check"),
]
