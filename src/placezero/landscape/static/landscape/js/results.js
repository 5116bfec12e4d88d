// Results map: each zone coloured by the acceptance of the chosen technology. No tiles, so
// no network. Each zone is a keyboard stop announcing its summary; the table beside the map
// holds the same figures.
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("landscape-results-map");
    if (!element || !window.L) {
      return;
    }
    var zones = JSON.parse(document.getElementById("landscape-results").textContent);
    var status = document.getElementById("landscape-results-status");
    var map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
    var layer = L.geoJSON(zones, {
      style: function (feature) {
        return { color: "#0b0c0c", weight: 1, fillColor: feature.properties.colour, fillOpacity: 0.7 };
      },
      onEachFeature: function (feature, shape) {
        shape.bindTooltip(feature.properties.summary);
        shape.on("add", function () {
          var path = shape.getElement();
          if (!path) {
            return;
          }
          path.setAttribute("tabindex", "0");
          path.setAttribute("role", "button");
          path.setAttribute("data-zone", feature.properties.code);
          path.setAttribute("aria-label", feature.properties.summary);
          path.addEventListener("focus", function () {
            shape.openTooltip();
            status.textContent = feature.properties.summary;
          });
          path.addEventListener("blur", function () { shape.closeTooltip(); });
        });
        shape.on("click", function () { status.textContent = feature.properties.summary; });
      },
    }).addTo(map);
    map.fitBounds(layer.getBounds());
  }

  document.addEventListener("DOMContentLoaded", start);
})();
