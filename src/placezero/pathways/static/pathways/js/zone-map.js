// Zone maps (maps.ZoneMap.as_json): zone polygons coloured by a value, drawn with Leaflet and
// no tile layer, so no network is needed. Each zone is a keyboard stop that announces its name
// and value; where the map has a link template, Enter or a click goes to that zone's page.
// Redrawn after htmx swaps a fragment in. The page carries each zone's figures; the polygons,
// the same for every page, come from one cached file (figures.boundaries_url).
(function () {
  "use strict";

  function label(properties) {
    var name = properties.local_name ? properties.local_name + " (" + properties.name + ")" : properties.name;
    return name + ", " + properties.area_name + ": " + properties.value_text;
  }

  function linkFor(template, properties) {
    return template ? template.replace("{code}", encodeURIComponent(properties.code)) : null;
  }

  function focusable(shape, properties, text, announce, href) {
    var path = shape.getElement && shape.getElement();
    if (!path) {
      return;
    }
    path.setAttribute("tabindex", "0");
    path.setAttribute("data-zone", properties.code);
    path.setAttribute("role", href ? "link" : "button");
    path.setAttribute("aria-label", text);
    path.addEventListener("focus", function () {
      shape.openTooltip();
      announce(text);
    });
    path.addEventListener("blur", function () {
      shape.closeTooltip();
    });
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        if (href) {
          window.location.assign(href);
        } else {
          announce(text);
        }
      }
    });
  }

  // The zones' figures joined onto the boundaries' polygons, by zone code.
  function withFigures(boundaries, zones) {
    var byCode = {};
    zones.forEach(function (properties) {
      byCode[properties.code] = properties;
    });
    return {
      type: "FeatureCollection",
      features: boundaries.features
        .filter(function (feature) { return byCode[feature.properties.code]; })
        .map(function (feature) {
          return { type: "Feature", id: feature.id, geometry: feature.geometry, properties: byCode[feature.properties.code] };
        }),
    };
  }

  var boundaryFiles = {};

  function boundariesFrom(url) {
    if (!boundaryFiles[url]) {
      boundaryFiles[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error("The zone boundaries could not be loaded (" + response.status + ").");
        }
        return response.json();
      });
    }
    return boundaryFiles[url];
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-zone-map"));
    if (!source || typeof window.L === "undefined" || container.getAttribute("data-map-ready") ||
        container.getAttribute("data-map-loading")) {
      return;
    }
    var figures = JSON.parse(source.textContent);
    container.setAttribute("data-map-loading", "true");
    boundariesFrom(figures.boundaries_url).then(function (boundaries) {
      container.removeAttribute("data-map-loading");
      render(container, figures, withFigures(boundaries, figures.zones));
    });
  }

  function render(container, figures, geojson) {
    var status = document.getElementById(container.getAttribute("data-status-id"));
    var announce = function (text) {
      if (status) {
        status.textContent = text;
      }
    };
    var map = window.L.map(container, { zoomSnap: 0.25, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(figures.attribution);
    var layer = window.L.geoJSON(geojson, {
      style: function (feature) {
        return {
          color: "#0b0c0c",
          weight: 0.8,
          fillColor: feature.properties.colour,
          fillOpacity: 1,
        };
      },
      onEachFeature: function (feature, shape) {
        var text = label(feature.properties);
        var href = linkFor(figures.link_template, feature.properties);
        shape.bindTooltip(text, { sticky: false });
        shape.on("click", function () {
          if (href) {
            window.location.assign(href);
          } else {
            announce(text);
          }
        });
        shape.on("add", function () {
          focusable(shape, feature.properties, text, announce, href);
        });
      },
    }).addTo(map);
    if (layer.getBounds().isValid()) {
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    }
    container.setAttribute("data-map-ready", "true");
  }

  function drawWithin(root) {
    (root || document).querySelectorAll("[data-zone-map]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawWithin(document); });
  } else {
    drawWithin(document);
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    drawWithin(event.target);
  });
})();
