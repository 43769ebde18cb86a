/* The area map (ADR 0017): the uploaded sectors on a plain background (no tile server: nothing
   is fetched from outside), filled with the hatching of their class (the legend and the tables
   say the same in words), and the social map's services as points. Names are text nodes. */
(function () {
  function textNode(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span;
  }
  function draw() {
    var el = document.getElementById("area-map");
    var source = document.getElementById("area-map-data");
    if (!el || !source || typeof L === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var map = L.map(el, { scrollWheelZoom: false, attributionControl: false });
    var layer = L.geoJSON(data, {
      style: function (feature) {
        return {
          color: "#000", weight: 1, fillOpacity: 1,
          fillColor: "url(#area-hatch-" + (feature.properties.cls || 0) + ")"
        };
      },
      onEachFeature: function (feature, shape) {
        var p = feature.properties;
        var box = document.createElement("div");
        box.appendChild(textNode((p.name ? p.name + " " : "") + p.code));
        box.appendChild(document.createElement("br"));
        box.appendChild(textNode(p.value));
        shape.bindTooltip(box);
      }
    });
    // the view first: Leaflet cannot draw a layer on a map that has no view yet
    var bounds = layer.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [10, 10] }); }
    else { map.setView([50.85, 4.35], 8); }
    layer.addTo(map);
    (data.points || []).forEach(function (p) {
      var box = document.createElement("div");
      box.appendChild(textNode(p.name));
      box.appendChild(document.createElement("br"));
      box.appendChild(textNode(p.org));
      L.circleMarker([p.lat, p.lon], {
        radius: 6, color: "#0b4f6c", weight: 2, fillColor: "#1f7a8c", fillOpacity: 1
      }).addTo(map).bindTooltip(box);
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
