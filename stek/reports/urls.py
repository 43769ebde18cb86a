from django.urls import path

from . import dashboard_views, views

app_name = "reports"

urlpatterns = [
    path("s/<slug:slug>/rapport/<int:year>/", views.year_report, name="year"),
    path("s/<slug:slug>/rapport/<int:year>/maak/", views.freeze, name="freeze"),
    path("s/<slug:slug>/rapport/<int:year>/jaarverslag.pdf", views.report_pdf, name="pdf"),
    path(
        "s/<slug:slug>/rapport/<int:year>/jaarverslag.ods",
        views.report_table,
        {"fmt": "ods"},
        name="ods",
    ),
    path(
        "s/<slug:slug>/rapport/<int:year>/jaarverslag.csv",
        views.report_table,
        {"fmt": "csv"},
        name="csv",
    ),
    path("netwerk/<slug:slug>/jaarverslagen/", views.network_reports, name="network"),
    path(
        "netwerk/<slug:slug>/jaarverslagen/<slug:stek_slug>/<int:year>/",
        views.network_report,
        name="network_year",
    ),
    path(
        "netwerk/<slug:slug>/dashboard/",
        dashboard_views.network_dashboard,
        name="network_dashboard",
    ),
    path(
        "netwerk/<slug:slug>/dashboard/netwerkdashboard.csv",
        dashboard_views.network_dashboard_table,
        {"fmt": "csv"},
        name="network_dashboard_csv",
    ),
    path(
        "netwerk/<slug:slug>/dashboard/netwerkdashboard.ods",
        dashboard_views.network_dashboard_table,
        {"fmt": "ods"},
        name="network_dashboard_ods",
    ),
]
