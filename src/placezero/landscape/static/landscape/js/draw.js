// "Have your say" map: mark a point or draw an area inside the place, by mouse or touch
// (Leaflet-Geoman's toolbar) or by keyboard (arrow keys move the map under the cross in its
// centre; buttons mark a point there, add a corner there, finish the area or clear it).
// Whatever is drawn is written, as GeoJSON, into the form's hidden `geometry` field; the
// server checks it again (inside the place, not crossing itself, at most 500 corners).
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("landscape-draw-map");
    if (!element || !window.L) {
      return;
    }
    var zones = JSON.parse(document.getElementById("landscape-zones").textContent);
    var field = document.getElementById("id_geometry");
    var status = document.getElementById("landscape-draw-status");
    var map = L.map(element, { keyboard: true, zoomSnap: 0.25, attributionControl: false });
    var outline = L.geoJSON(zones, {
      style: { color: "#505a5f", weight: 1, fillColor: "#1d70b8", fillOpacity: 0.04 },
      interactive: false,
    }).addTo(map);
    map.fitBounds(outline.getBounds());
    var drawn = L.layerGroup().addTo(map);
    var corners = [];
    var preview = null;

    function announce(text) {
      status.textContent = text;
    }

    function keep(geometry, layer, text) {
      drawn.clearLayers();
      if (layer) {
        drawn.addLayer(layer);
      }
      field.value = geometry ? JSON.stringify(geometry) : "";
      announce(text);
    }

    function round(value) {
      return Math.round(value * 1e6) / 1e6;
    }

    map.pm.addControls({
      position: "topleft",
      drawMarker: true,
      drawPolygon: true,
      drawCircleMarker: false,
      drawPolyline: false,
      drawRectangle: false,
      drawCircle: false,
      drawText: false,
      editMode: false,
      dragMode: false,
      cutPolygon: false,
      removalMode: false,
      rotateMode: false,
    });
    // Geoman's buttons carry their name only as a tooltip on the element around them: give each
    // link that name, so a screen reader announces "Draw Marker", not "link".
    element.querySelectorAll(".leaflet-pm-toolbar a").forEach(function (link) {
      var named = link.closest("[title]") || link.querySelector("[title]");
      if (named && !link.getAttribute("aria-label")) {
        link.setAttribute("aria-label", named.getAttribute("title"));
      }
    });
    map.on("pm:create", function (event) {
      var geometry = event.layer.toGeoJSON().geometry;
      map.removeLayer(event.layer);
      corners = [];
      var what = geometry.type === "Point" ? "A point is marked." : "An area is drawn.";
      keep(geometry, event.layer, what + " Now choose the technology and your view below.");
    });

    document.getElementById("landscape-mark-point").addEventListener("click", function () {
      var centre = map.getCenter();
      var geometry = { type: "Point", coordinates: [round(centre.lng), round(centre.lat)] };
      corners = [];
      keep(geometry, L.circleMarker(centre, { radius: 8, color: "#0b0c0c" }),
        "A point is marked at the centre of the map.");
    });
    document.getElementById("landscape-add-corner").addEventListener("click", function () {
      corners.push(map.getCenter());
      if (preview) {
        drawn.removeLayer(preview);
      }
      preview = L.polyline(corners, { color: "#0b0c0c", dashArray: "4 4" });
      drawn.addLayer(preview);
      field.value = "";
      announce("Corner " + corners.length + " added. Move the map and add another, or finish the area" +
        (corners.length < 3 ? " once it has three corners." : "."));
    });
    document.getElementById("landscape-finish-area").addEventListener("click", function () {
      if (corners.length < 3) {
        announce("An area needs at least three corners; you have added " + corners.length + ".");
        return;
      }
      var ring = corners.map(function (c) { return [round(c.lng), round(c.lat)]; });
      ring.push(ring[0]);
      var layer = L.polygon(corners, { color: "#0b0c0c" });
      corners = [];
      preview = null;
      keep({ type: "Polygon", coordinates: [ring] }, layer, "An area with " + (ring.length - 1) + " corners is drawn.");
    });
    document.getElementById("landscape-clear").addEventListener("click", function () {
      corners = [];
      preview = null;
      keep(null, null, "Nothing is marked on the map.");
    });
    if (field.value) {
      try {
        var kept = JSON.parse(field.value);
        keep(kept, L.geoJSON(kept), "What you marked before is still on the map.");
      } catch (ignored) {
        field.value = "";
      }
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
