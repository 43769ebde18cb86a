from django.urls import path, register_converter

from . import views


class IsoDateConverter:
    """A day in the URL as YYYY-MM-DD (the view parses and checks it)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(IsoDateConverter, "isodate")

app_name = "agenda"

urlpatterns = [
    path("s/<slug:slug>/vandaag/", views.today, name="today"),
    path("s/<slug:slug>/vandaag/tel/", views.tap, name="tap"),
    path("s/<slug:slug>/vandaag/ongedaan/", views.undo, name="undo"),
    path("s/<slug:slug>/vandaag/stand/", views.standing, name="standing"),
    path("s/<slug:slug>/agenda/", views.week, name="week"),
    path("s/<slug:slug>/agenda/nieuw/", views.activity_create, name="activity_create"),
    path("s/<slug:slug>/agenda/<int:pk>/", views.activity_edit, name="activity_edit"),
    path(
        "s/<slug:slug>/agenda/<int:pk>/<isodate:day>/", views.session_change, name="session_change"
    ),
    path(
        "s/<slug:slug>/agenda/<int:pk>/<isodate:day>/herstel/",
        views.session_restore,
        name="session_restore",
    ),
    path("s/<slug:slug>/agenda/<int:pk>/stoppen/", views.activity_stop, name="activity_stop"),
    path("s/<slug:slug>/pauzes/", views.pauses, name="pauses"),
    path("s/<slug:slug>/pauzes/<int:pk>/verwijderen/", views.pause_delete, name="pause_delete"),
    path("s/<slug:slug>/categorieen/", views.categories, name="categories"),
    path("s/<slug:slug>/categorieen/<int:pk>/", views.category_toggle, name="category_toggle"),
]
