"""The slip a visitor takes along: everything to find the service, the code, a QR code for
the service, and nothing about the person."""

import math

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stek.core.pdf import public_url, qr_data_uri
from stek.core.vocabulary import localized
from stek.socialmap import hours
from stek.socialmap.enums import ServiceAccess
from stek.socialmap.search import distance_km, origin_of

from .links import token_for

COMPASS = [
    _("het noorden"),
    _("het noordoosten"),
    _("het oosten"),
    _("het zuidoosten"),
    _("het zuiden"),
    _("het zuidwesten"),
    _("het westen"),
    _("het noordwesten"),
]


def sketch(origin, target, width=220, height=120, margin=22):
    """A small map without tiles: the STEK and the service as two points, north up, to scale.

    Returns the SVG coordinates, the distance in km and the compass direction."""
    (lat1, lon1), (lat2, lon2) = origin, target
    scale_x = math.cos(math.radians((lat1 + lat2) / 2))
    dx, dy = (lon2 - lon1) * scale_x, lat2 - lat1
    span = max(abs(dx), abs(dy), 1e-6)
    inner_w, inner_h = width - 2 * margin, height - 2 * margin
    factor = min(inner_w, inner_h) / span
    cx, cy = width / 2, height / 2
    x1, y1 = cx - dx * factor / 2, cy + dy * factor / 2
    x2, y2 = cx + dx * factor / 2, cy - dy * factor / 2
    bearing = (math.degrees(math.atan2(dx, dy)) + 360) % 360
    return {
        "width": width,
        "height": height,
        "x1": round(x1, 1),
        "y1": round(y1, 1),
        "x2": round(x2, 1),
        "y2": round(y2, 1),
        "km": distance_km(origin, target),
        "direction": COMPASS[round(bearing / 45) % 8],
    }


def nearest_location(service, origin):
    """The service's location nearest the STEK (the first one when distances are unknown)."""
    locations = list(service.locations.all())
    placed = [loc for loc in locations if loc.has_coordinates]
    if origin is None or not placed:
        return locations[0] if locations else None
    return min(
        placed, key=lambda loc: distance_km(origin, (float(loc.latitude), float(loc.longitude)))
    )


def confirm_url(request, referral):
    return public_url(request, reverse("referrals:confirm", kwargs={"token": token_for(referral)}))


def slip_context(request, referral):
    """What the slip shows, in the referral's language (the caller activates it)."""
    service = referral.service
    stek = referral.stek
    location = nearest_location(service, origin_of(stek)) if service else None
    notices = list(service.notices.filter(ends_on__gte=timezone.localdate())) if service else []
    days = []
    if service:
        for day, spans in hours.week_table(service.opening_hours):
            closed = next(
                (n for n in notices if n.closes and n.starts_on <= day <= n.ends_on), None
            )
            days.append({"day": day, "spans": [] if closed else spans, "notice": closed})
    origin = origin_of(stek)
    map_sketch = None
    if origin and location and location.has_coordinates:
        map_sketch = sketch(origin, (float(location.latitude), float(location.longitude)))
    url = confirm_url(request, referral)
    access = [
        label for value, label in ServiceAccess.choices if service and value in service.access
    ]
    return {
        "referral": referral,
        "service": service,
        "service_name": localized(service, "name", referral.language) if service else "",
        "description": localized(service, "description", referral.language) if service else "",
        "location": location,
        "days": days,
        "has_hours": bool(service and service.opening_hours),
        "notices": notices,
        "access": access,
        "sketch": map_sketch,
        "stek": stek,
        "confirm_url": url,
        "confirm_base": public_url(request, reverse("referrals:confirm_code")),
        "qr": qr_data_uri(url, scale=4),
    }
