/* The social map: services as points around the STEK. Data comes from a json_script block;
   tiles only when a tile URL is configured (without it the points still show). The list on
   the page is the accessible way to the same services. */
(function () {
  /* Names are text, never HTML: Leaflet's bindTooltip and bindPopup insert a string as HTML,
     so every name goes in as a DOM text node (a STEK called <img onerror=...> shows as text). */
  function textNode(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span;
  }
  function draw() {
    var el = document.getElementById("map");
    var source = document.getElementById("map-data");
    if (!el || !source || typeof L === "undefined") { return; }
    if (el._stekMap) { el._stekMap.remove(); }
    var data = JSON.parse(source.textContent);
    var map = L.map(el, { scrollWheelZoom: false });
    el._stekMap = map;
    if (data.tiles) {
      L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution }).addTo(map);
    }
    var bounds = [];
    if (data.origin) {
      L.circleMarker([data.origin.lat, data.origin.lon], {
        radius: 9, color: "#000", weight: 3, fillColor: "#ffd400", fillOpacity: 1
      }).addTo(map).bindTooltip(textNode(data.origin.name));
      bounds.push([data.origin.lat, data.origin.lon]);
    }
    (data.points || []).forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: 7, color: "#0b4f6c", weight: 2, fillColor: "#1f7a8c", fillOpacity: 0.9
      }).addTo(map);
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.name;
      var box = document.createElement("div");
      box.appendChild(link);
      var org = document.createElement("div");
      org.textContent = p.org;
      box.appendChild(org);
      marker.bindPopup(box);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length > 1) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 }); }
    else if (bounds.length === 1) { map.setView(bounds[0], 15); }
    else { map.setView([50.85, 4.35], 8); }
  }
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
