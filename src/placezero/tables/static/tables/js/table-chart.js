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
    var stacked = spec.kind === "area" || spec.kind === "stacked-bar";
    var valueAxis = spec.horizontal ? "x" : "y";
    var categoryAxis = spec.horizontal ? "y" : "x";
    var scales = {};
    scales[categoryAxis] = { stacked: stacked, title: { display: true, text: spec.x_label } };
    scales[valueAxis] = { stacked: stacked, title: { display: !!spec.y_label, text: spec.y_label } };
    new window.Chart(canvas, {
      type: spec.kind === "line" || spec.kind === "area" ? "line" : "bar",
      data: { labels: spec.labels, datasets: datasets(spec) },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom", labels: { font: { size: 14 } } },
          tooltip: {
            callbacks: {
              label: function (item) {
                var value = spec.horizontal ? item.parsed.x : item.parsed.y;
                return item.dataset.label + ": " +
                  (value === null ? "no figure" : value.toLocaleString("en-GB", { maximumFractionDigits: 1 })) +
                  (spec.y_label ? " " + spec.y_label : "");
              },
            },
          },
        },
        scales: scales,
      },
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
