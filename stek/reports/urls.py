from django.urls import path

from . import area_views, views

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
]
