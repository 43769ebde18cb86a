from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("s/<slug:slug>/vandaag/", views.today, name="today"),
    path("s/<slug:slug>/vandaag/tel/", views.tap, name="tap"),
    path("s/<slug:slug>/vandaag/ongedaan/", views.undo, name="undo"),
    path("s/<slug:slug>/agenda/", views.week, name="week"),
    path("s/<slug:slug>/agenda/nieuw/", views.activity_create, name="activity_create"),
    path("s/<slug:slug>/agenda/<int:pk>/", views.activity_edit, name="activity_edit"),
    path("s/<slug:slug>/agenda/<int:pk>/<str:day>/", views.session_change, name="session_change"),
    path(
        "s/<slug:slug>/agenda/<int:pk>/<str:day>/herstel/",
        views.session_restore,
        name="session_restore",
    ),
    path("s/<slug:slug>/categorieen/", views.categories, name="categories"),
    path("s/<slug:slug>/categorieen/<int:pk>/", views.category_toggle, name="category_toggle"),
]
