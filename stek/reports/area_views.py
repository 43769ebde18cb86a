"""The area analysis pages (issue 18, ADR 0017): the service area's open statistics beside the
STEK's own published figures, on a map of the area's sectors with the social map's services.
The STEK's coordinators only; GET only reads (ADR 0011)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.core.forms import show_refusal
from stek.rights.catalogue import BY_ID as RIGHTS
from stek.socialmap.models import Service

from . import area, live, permissions, report
from .access import get_area_dataset, get_area_stek
from .area_forms import AreaImportForm, AreaMapForm, ServiceAreaForm
from .models import AreaMap, AreaRightsEstimate, AreaUnit, ServiceArea

HIDDEN = "verborgen"


def _number(value):
    if value is None:
        return ""
    digits = 0 if isinstance(value, int) or float(value).is_integer() else 1
    return number_format(value, digits, force_grouping=True)


def _cell_text(cell):
    if cell.state == "hidden":
        return _("verborgen")
    if cell.state == "merged":
        return _("niet op te tellen")
    if cell.state == "missing":
        return ""
    return _number(cell.value)


def _tables(stek, service_area):
    tables = []
    for dataset in stek.area_datasets.all():
        units = area.in_area(dataset.units.all(), service_area)
        table = area.table_of(dataset, units)
        table.rows = [
            (label, code, [(_cell_text(c), c.state) for c in cells])
            for label, code, cells in table.rows
        ]
        table.totals = [None if t is None else (_number(t[0].value), t[1]) for t in table.totals]
        table.options = [(f"{dataset.pk}-{i}", c["label"]) for i, c in enumerate(table.columns)]
        tables.append(table)
    return tables


def _choice(request, tables):
    """The indicator the map colours: ``?kaart=<dataset id>-<column>``, else the first column
    of the first sector file."""
    wanted = request.GET.get("kaart", "")
    for table in tables:
        for index, (value, _label) in enumerate(table.options):
            if wanted == value:
                return table, index
    for table in sorted(tables, key=lambda t: t.dataset.level != "sector"):
        if table.columns:
            return table, 0
    return None, None


def _map_data(stek, service_area, table, index):
    saved = AreaMap.objects.filter(stek=stek).first()
    if saved is None:
        return None, []
    values = {}
    if table is not None:
        name = table.columns[index]["name"]
        for unit in AreaUnit.objects.filter(dataset=table.dataset):
            key = unit.sector or unit.refnis
            values[key] = None if name in unit.suppressed or name in unit.merged else (
                unit.values.get(name)
            )  # fmt: skip
    codes = {f["properties"]["code"] for f in saved.geojson["features"]}
    limits = area.classes([values.get(c) for c in codes])
    features = []
    for feature in saved.geojson["features"]:
        code = feature["properties"]["code"]
        value = values.get(code)
        hidden = code in values and value is None
        props = dict(feature["properties"])
        props["value"] = _("verborgen") if hidden else _number(value) or _("geen gegevens")
        props["cls"] = area.class_of(value, limits)
        features.append({**feature, "properties": props})
    legend = [(n, _number(low), _number(high)) for n, (low, high) in enumerate(limits, start=1)]
    points = []
    services = (
        Service.objects.in_network(stek.network_id)
        .active()
        .select_related("organisation")
        .prefetch_related("locations")
    )
    for service in services:
        for location in service.locations.all():
            if location.has_coordinates:
                points.append(
                    {
                        "lat": float(location.latitude),
                        "lon": float(location.longitude),
                        "name": service.name,
                        "org": service.organisation.name,
                    }
                )
    data = {"type": "FeatureCollection", "features": features, "points": points}
    return {"data": data, "legend": legend, "saved": saved}, points


def _estimates(stek, service_area):
    rows = AreaRightsEstimate.objects.filter(stek=stek).order_by("right", "area")
    if service_area and (service_area.municipalities or service_area.sectors):
        codes = set(service_area.municipalities) | set(service_area.sectors)
        rows = rows.filter(area__in=codes)
    grouped = {}
    for row in rows:
        right = RIGHTS.get(row.right)
        title = right.title if right else row.right
        grouped.setdefault(title, []).append(row)
    first = rows.first()
    return sorted(grouped.items()), first.estimated_for if first else None


@login_required
def area_page(request, slug):
    stek = get_area_stek(request, slug)
    service_area = ServiceArea.objects.filter(stek=stek).first()
    today = timezone.localdate()
    figures = live.figures(stek, today.year, today)
    own = [(label, this) for label, _before, this in report.side_by_side(figures, None)]
    tables = _tables(stek, service_area)
    table, index = _choice(request, tables)
    mapped, points = _map_data(stek, service_area, table, index)
    estimates, estimated_for = _estimates(stek, service_area)
    context = {
        "stek": stek,
        "service_area": service_area,
        "year": today.year,
        "own": own,
        "threshold": figures["threshold"],
        "tables": tables,
        "chosen": f"{table.dataset.pk}-{index}" if table is not None else "",
        "chosen_label": table.columns[index]["label"] if table is not None else "",
        "map": mapped,
        "points": points,
        "estimates": estimates,
        "estimated_for": estimated_for,
        "can_manage": permissions.can_manage_area(request.user, stek),
    }
    return render(request, "reports/area/page.html", context)


@login_required
def area_codes(request, slug):
    from . import services

    stek = get_area_stek(request, slug, permissions.can_manage_area)
    service_area = ServiceArea.objects.filter(stek=stek).first()
    status, errors = 200, []
    if request.method == "POST":
        form = ServiceAreaForm(request.POST)
        if form.is_valid():
            try:
                services.set_service_area(
                    actor=request.user,
                    stek=stek,
                    codes=area.split_codes(form.cleaned_data["codes"]),
                )
            except services.AreaError as error:
                show_refusal(form, error)
                errors = error.lines
            else:
                messages.success(request, _("Het werkgebied is bewaard."))
                return redirect("reports:area", slug=stek.slug)
        status = 400
    else:
        codes = (service_area.municipalities + service_area.sectors) if service_area else []
        form = ServiceAreaForm(initial={"codes": "\n".join(codes)})
    context = {
        "stek": stek,
        "form": form,
        "errors": errors,
        "heading": _("Werkgebied kiezen"),
        "button": _("Bewaar het werkgebied"),
    }
    return render(request, "reports/area/codes.html", context, status=status)


@login_required
def area_import(request, slug):
    from . import services

    stek = get_area_stek(request, slug, permissions.can_manage_area)
    status, errors = 200, []
    if request.method == "POST":
        form = AreaImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                dataset = services.import_area_dataset(
                    actor=request.user,
                    stek=stek,
                    upload=form.cleaned_data["file"],
                    name=form.cleaned_data["name"].strip(),
                    source=form.cleaned_data["source"].strip(),
                    licence=form.cleaned_data["licence"].strip(),
                    year=form.cleaned_data["year"],
                )
            except services.AreaError as error:
                show_refusal(form, error)
                errors = error.lines
            else:
                messages.success(
                    request,
                    _("%(name)s is ingelezen: %(n)s gebieden.")
                    % {"name": dataset.name, "n": dataset.units.count()},
                )
                return redirect("reports:area", slug=stek.slug)
        status = 400
    else:
        form = AreaImportForm()
    context = {
        "stek": stek,
        "form": form,
        "errors": errors,
        "heading": _("Cijfers inlezen"),
        "button": _("Lees in"),
    }
    return render(request, "reports/area/import.html", context, status=status)


@login_required
def area_map(request, slug):
    from . import services

    stek = get_area_stek(request, slug, permissions.can_manage_area)
    status = 200
    if request.method == "POST":
        form = AreaMapForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.save_area_map(
                    actor=request.user,
                    stek=stek,
                    upload=form.cleaned_data["file"],
                    code_property=form.cleaned_data["code_property"].strip(),
                )
            except services.AreaError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("De kaart van het werkgebied is bewaard."))
                return redirect("reports:area", slug=stek.slug)
        status = 400
    else:
        form = AreaMapForm()
    context = {
        "stek": stek,
        "form": form,
        "errors": [],
        "heading": _("Kaart van het werkgebied"),
        "button": _("Bewaar de kaart"),
    }
    return render(request, "reports/area/map.html", context, status=status)


@login_required
@require_POST
def area_dataset_delete(request, slug, pk):
    from . import services

    stek, dataset = get_area_dataset(request, slug, pk)
    services.delete_area_dataset(actor=request.user, dataset=dataset)
    messages.success(request, _("%(name)s is gewist.") % {"name": dataset.name})
    return redirect("reports:area", slug=stek.slug)
