// The district map: the areas' polygons from the page's own GeoJSON (json_script), drawn with
// Leaflet and no tile layer, so it needs no network. Each area is a keyboard-focusable shape
// that announces its name and figure; the table on the page is the text alternative.
// Optional, for other maps of areas: a feature's `label` replaces the figure's sentence, and
// `points` ([{lat, lon, label}]) are drawn as focusable markers too (the community
// directory's groups at their districts' centres).
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

  function isNeighbour(properties) {
    return properties.role !== "member";
  }

  function describe(properties, figures) {
    if (properties.label) {
      return properties.label;
    }
    var name = properties.name;
    if (isNeighbour(properties)) {
      name += " (neighbouring area, not part of " + figures.place_name + ")";
    }
    if (properties.figure === null || properties.figure === undefined) {
      return name + ": no figure for " + figures.year;
    }
    return name + ": " + properties.figure.toFixed(1) + " " + figures.unit + " in " +
      (properties.emissions_year || figures.year);
  }

  function makeFocusable(layer, properties, label, announce) {
    var path = layer.getElement && layer.getElement();
    if (!path) {
      return;
    }
    path.setAttribute("tabindex", "0");
    path.setAttribute("data-area", properties.code);
    path.setAttribute("data-role", properties.role);
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
        var neighbour = isNeighbour(feature.properties);
        return {
          color: neighbour ? "#505a5f" : "#0b0c0c",
          weight: 1.5,
          dashArray: neighbour ? "4 3" : null,
          fillColor: neighbour
            ? figures.neighbour_colour
            : colourFor(feature.properties.figure, figures.classes),
          fillOpacity: 1, // exactly the legend's colours
        };
      },
      onEachFeature: function (feature, shape) {
        var label = describe(feature.properties, figures);
        shape.bindTooltip(label, { sticky: false });
        shape.on("click", function () {
          announce(label);
        });
        shape.on("add", function () {
          makeFocusable(shape, feature.properties, label, announce);
        });
      },
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    // Markers are projected when added, so after the map has its view.
    (figures.points || []).forEach(function (point) {
      var marker = window.L.circleMarker([point.lat, point.lon], {
        radius: 7,
        color: "#0b0c0c",
        weight: 2,
        fillColor: "#1d70b8",
        fillOpacity: 1,
      });
      marker.bindTooltip(point.label, { sticky: false });
      marker.on("click", function () {
        announce(point.label);
      });
      marker.on("add", function () {
        makeFocusable(marker, { code: String(point.id), role: "point" }, point.label, announce);
      });
      marker.addTo(map);
    });
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
