from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from stek.api.api import api
from stek.core import views as core_views
from stek.public import views as public_views

# Django's password views (invitation and reset) are class-based; they are used as they are.
password_urls = [
    path(
        "wachtwoord/vergeten/",
        auth_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord/vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord/kiezen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/gekozen/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord/wijzigen/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("password_change_done")),
        name="password_change",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]

handler400 = "stek.core.views.bad_request"
handler404 = "stek.core.errors.page_not_found"
# A database that is busy or away (SQLite locked, PostgreSQL restarting): 503 "probeer opnieuw".
handler500 = "stek.core.errors.server_error"

urlpatterns = [
    path("aanmelden/", core_views.login_view, name="login"),
    path("afmelden/", core_views.logout_view, name="logout"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    *password_urls,
    path("api/v1/", api.urls),
    # the front door: the public list of STEKs, or the start page for people who work there
    # (core's own "" pattern, core:home, resolves here too; core imports no app, ADR 0009)
    path("", public_views.front_door, name="front_door"),
    path("", include("stek.agenda.urls")),
    path("", include("stek.socialmap.urls")),
    path("", include("stek.referrals.urls")),
    path("", include("stek.rights.urls")),
    path("", include("stek.advocacy.urls")),
    path("", include("stek.rota.urls")),
    path("", include("stek.participation.urls")),
    path("", include("stek.reports.urls")),
    path("", include("stek.core.urls")),
    path("", include("stek.public.urls")),  # last: /<stek>/programma/ and friends
]
