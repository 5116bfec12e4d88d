// Draws every table chart on the page from the JSON beside it (tables.charts.Chart.as_json), with
// Chart.js from this site's own static files. Redrawn after htmx swaps a fragment in, so a
// moved lever redraws its chart. The table after each chart holds the same figures.
(function () {
  "use strict";

  // Okabe & Ito (2008) colour-blind-safe palette, then greys.
  var PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6a5acd",
    "#8c8c00", "#505a5f", "#0b0c0c", "#b1b4b6", "#f47738", "#912b88", "#28a197", "#85994b"];

  function datasets(spec) {
    var stacked = spec.kind === "area" || spec.kind === "stacked-bar";
    var out = spec.series.map(function (series, index) {
      var colour = PALETTE[index % PALETTE.length];
      return {
        label: series.label,
        data: series.values,
        borderColor: colour,
        backgroundColor: spec.kind === "line" ? colour : colour + (spec.kind === "area" ? "cc" : "ee"),
        borderWidth: spec.kind === "line" ? 2.5 : 1,
        pointRadius: 0,
        pointHitRadius: 6,
        fill: spec.kind === "area" ? (index === 0 ? "origin" : "-1") : false,
        stack: stacked ? "series" : undefined,
        type: spec.kind === "area" ? "line" : undefined,
        order: 1,
      };
    });
    spec.reference.forEach(function (series) {
      out.push({
        label: series.label,
        data: series.values,
        type: "line",
        borderColor: "#0b0c0c",
        backgroundColor: "#0b0c0c",
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 0,
        fill: false,
        stack: "reference-" + series.key,
        order: 0,
      });
    });
    return out;
  }

  // A marginal abatement cost curve: one rectangle per measure, as wide as the tonnes it
  // saves and as tall as its cost per tonne, laid end to end along cumulative tonnes.
  function maccDatasets(spec) {
    var widths = spec.series[0].values;
    var heights = spec.series[1].values;
    var start = 0;
    return spec.labels.map(function (label, index) {
      var colour = PALETTE[index % PALETTE.length];
      var end = start + (widths[index] || 0);
      var points = [{ x: start, y: heights[index] }, { x: end, y: heights[index] }];
      start = end;
      return {
        label: label,
        data: points,
        borderColor: colour,
        backgroundColor: colour + "cc",
        borderWidth: 1,
        pointRadius: 0,
        pointHitRadius: 8,
        fill: "origin",
      };
    });
  }

  // Options every chart shares: fixed size from CSS, no animation, legend below, a tooltip.
  function options(mode, label, scales) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: mode, intersect: false },
      plugins: {
        legend: { position: "bottom", labels: { font: { size: 14 } } },
        tooltip: { callbacks: { label: label } },
      },
      scales: scales,
    };
  }

  function number(value, digits) {
    return value === null ? "no figure" : value.toLocaleString("en-GB", { maximumFractionDigits: digits });
  }

  function drawMacc(canvas, spec) {
    var label = function (item) {
      var points = item.dataset.data;
      return item.dataset.label + ": " + number(points[1].x - points[0].x, 0) + " tCO2e at " +
        number(item.parsed.y, 0) + " " + spec.y_label;
    };
    new window.Chart(canvas, {
      type: "line",
      data: { datasets: maccDatasets(spec) },
      options: options("nearest", label, {
        x: { type: "linear", min: 0, title: { display: true, text: spec.x_label } },
        y: { title: { display: !!spec.y_label, text: spec.y_label } },
      }),
    });
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-pathway-chart"));
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var spec = JSON.parse(source.textContent);
    var existing = window.Chart.getChart(canvas);
    if (existing) {
      existing.destroy();
    }
    if (spec.kind === "macc") {
      drawMacc(canvas, spec);
      canvas.setAttribute("data-chart-ready", "true");
      return;
    }
    var stacked = spec.kind === "area" || spec.kind === "stacked-bar";
    var valueAxis = spec.horizontal ? "x" : "y";
    var categoryAxis = spec.horizontal ? "y" : "x";
    var scales = {};
    scales[categoryAxis] = { stacked: stacked, title: { display: true, text: spec.x_label } };
    scales[valueAxis] = { stacked: stacked, title: { display: !!spec.y_label, text: spec.y_label } };
    var label = function (item) {
      var value = spec.horizontal ? item.parsed.x : item.parsed.y;
      return item.dataset.label + ": " + number(value, 1) + (spec.y_label ? " " + spec.y_label : "");
    };
    var chartOptions = options("index", label, scales);
    chartOptions.indexAxis = spec.horizontal ? "y" : "x";
    new window.Chart(canvas, {
      type: spec.kind === "line" || spec.kind === "area" ? "line" : "bar",
      data: { labels: spec.labels, datasets: datasets(spec) },
      options: chartOptions,
    });
    canvas.setAttribute("data-chart-ready", "true");
  }

  function drawWithin(root) {
    (root || document).querySelectorAll("canvas[data-pathway-chart]").forEach(draw);
  }

  window.placezeroCharts = { drawWithin: drawWithin };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawWithin(document); });
  } else {
    drawWithin(document);
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    drawWithin(event.target);
  });
})();
