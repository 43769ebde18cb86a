from django.urls import path

from . import area_views, dashboard_views, views

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
    # the area analysis (issue 18, ADR 0017)
    path("s/<slug:slug>/gebied/", area_views.area_page, name="area"),
    path("s/<slug:slug>/gebied/werkgebied/", area_views.area_codes, name="area_codes"),
    path("s/<slug:slug>/gebied/inlezen/", area_views.area_import, name="area_import"),
    path("s/<slug:slug>/gebied/kaart/", area_views.area_map, name="area_map"),
    path(
        "s/<slug:slug>/gebied/bestand/<int:pk>/wissen/",
        area_views.area_dataset_delete,
        name="area_dataset_delete",
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

from . import selfeval_views  # noqa: E402 - the self-evaluation's own module (issue 18)

urlpatterns += [
    path("s/<slug:slug>/zelfevaluatie/", selfeval_views.selfeval_list, name="selfeval_list"),
    path(
        "s/<slug:slug>/zelfevaluatie/start/", selfeval_views.selfeval_start, name="selfeval_start"
    ),
    path(
        "s/<slug:slug>/zelfevaluatie/<int:year>/",
        selfeval_views.selfeval_year,
        name="selfeval_year",
    ),
    path(
        "s/<slug:slug>/zelfevaluatie/<int:year>/vergadering/<slug:axis>/",
        selfeval_views.selfeval_meeting,
        name="selfeval_meeting",
    ),
    path(
        "s/<slug:slug>/zelfevaluatie/<int:year>/links/",
        selfeval_views.selfeval_link_open,
        name="selfeval_link_open",
    ),
    path(
        "s/<slug:slug>/zelfevaluatie/<int:year>/links/<str:pk>/intrekken/",
        selfeval_views.selfeval_link_revoke,
        name="selfeval_link_revoke",
    ),
    path(
        "s/<slug:slug>/zelfevaluatie/<int:year>/sluiten/",
        selfeval_views.selfeval_close,
        name="selfeval_close",
    ),
    path("beoordelen/<str:code>/", selfeval_views.selfeval_rate, name="selfeval_rate"),
]
