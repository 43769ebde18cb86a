"""Production ``collectstatic`` (whitenoise's compressed manifest storage) must finish.

ManifestStaticFilesStorage rewrites every ``url(...)``, ``@import`` and ``sourceMappingURL``
in CSS and JavaScript and aborts on a reference to a file that is not there; without the
manifest every ``{% static %}`` raises and every page is a 500. This runs the real command with
production storage into a temporary STATIC_ROOT, so it covers every vendored and own file.
"""

import json

import pytest
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management import call_command
from django.templatetags.static import static

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = PRODUCTION_STORAGES
    settings.DEBUG = False
    # Changing STORAGES resets staticfiles_storage (django.test.signals.storages_changed).
    return settings.STATIC_ROOT


def test_collectstatic_with_production_storage_writes_a_manifest(production_static):
    assert isinstance(staticfiles_storage, ManifestFilesMixin)  # production storage in use
    # Any missing referenced file (url(), @import, sourceMappingURL) raises here.
    call_command("collectstatic", interactive=False, verbosity=0)

    manifest = json.loads((production_static / "staticfiles.json").read_text())
    paths = manifest["paths"]
    for name in (
        "socialmap/leaflet/leaflet.js",
        "socialmap/leaflet/leaflet.css",
        "socialmap/leaflet/images/marker-icon.png",
        "core/stek.css",
    ):
        assert name in paths, name
        assert (production_static / paths[name]).is_file()
    # {% static %} resolves through the manifest to the hashed name.
    assert static("socialmap/leaflet/leaflet.js").endswith(paths["socialmap/leaflet/leaflet.js"])
