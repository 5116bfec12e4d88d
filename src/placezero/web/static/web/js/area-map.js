// The district map: the areas' polygons from the page's own GeoJSON (json_script), drawn with
// Leaflet and no tile layer, so it needs no network. Each area is a keyboard-focusable shape
// that announces its name and figure; the table on the page is the text alternative.
(function () {
  "use strict";

  function colourFor(value, classes) {
    for (var i = 0; i < classes.length; i++) {
      if (value <= classes[i].upper) {
        return classes[i].colour;
      }
    }
    return classes[classes.length - 1].colour;
  }

  function describe(properties, figures) {
    if (properties.figure === null || properties.figure === undefined) {
      return properties.name + ": no figure for " + figures.year;
    }
    return properties.name + ": " + properties.figure.toFixed(1) + " " + figures.unit +
      " in " + figures.year;
  }

  function makeFocusable(layer, label, announce) {
    var path = layer.getElement && layer.getElement();
    if (!path) {
      return;
    }
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", label);
    path.addEventListener("focus", function () {
      layer.openTooltip();
      announce(label);
    });
    path.addEventListener("blur", function () {
      layer.closeTooltip();
    });
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        announce(label);
      }
    });
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-geojson-id"));
    if (!source || typeof window.L === "undefined") {
      return;
    }
    var figures = JSON.parse(source.textContent);
    var status = document.getElementById(container.getAttribute("data-status-id"));
    var announce = function (text) {
      if (status) {
        status.textContent = text;
      }
    };
    var map = window.L.map(container, {
      attributionControl: true,
      zoomSnap: 0.25,
      scrollWheelZoom: false,
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(figures.attribution);
    var layer = window.L.geoJSON(figures.geojson, {
      style: function (feature) {
        return {
          color: "#0b0c0c",
          weight: 1.5,
          fillColor: colourFor(feature.properties.figure, figures.classes),
          fillOpacity: 0.85,
        };
      },
      onEachFeature: function (feature, shape) {
        var label = describe(feature.properties, figures);
        shape.bindTooltip(label, { sticky: false });
        shape.on("click", function () {
          announce(label);
        });
        shape.on("add", function () {
          makeFocusable(shape, label, announce);
        });
      },
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    container.setAttribute("data-map-ready", "true");
  }

  function drawAll() {
    document.querySelectorAll("[data-area-map]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
