// Draws the emissions chart from the figures embedded in the page (json_script), so it needs
// no network. The table beside it holds the same numbers: the chart only enhances it.
// Redrawn after htmx swaps in another measure (territorial / per person).
(function () {
  "use strict";

  // Distinguishable on white and for common colour-vision deficiencies (Okabe & Ito, 2008,
  // "Color Universal Design"), with the county drawn in black.
  var PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6a5acd",
    "#8c8c00", "#505a5f"];
  var COUNTY_COLOUR = "#0b0c0c";

  function datasetsFor(figures) {
    var stack = figures.stacked;
    var colour = 0;
    return figures.series.map(function (series) {
      var isTotal = series.kind === "county";
      var line = isTotal ? COUNTY_COLOUR : PALETTE[colour++ % PALETTE.length];
      return {
        label: series.name,
        data: series.values,
        borderColor: line,
        backgroundColor: isTotal ? line : line + "99",
        borderWidth: isTotal ? 3 : 2,
        borderDash: isTotal && stack ? [6, 4] : [],
        pointRadius: 0,
        pointHitRadius: 6,
        fill: stack && !isTotal,
        // Districts stack to the county total; the county is its own stack, drawn as a line.
        stack: isTotal ? "total" : "areas",
        order: isTotal ? 0 : 1,
      };
    });
  }

  function draw(root) {
    var data = root.querySelector("#emissions-chart-data");
    var canvas = root.querySelector("canvas[data-emissions-chart]");
    if (!data || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    var figures = JSON.parse(data.textContent);
    var existing = window.Chart.getChart(canvas);
    if (existing) {
      existing.destroy();
    }
    new window.Chart(canvas, {
      type: "line",
      data: { labels: figures.years, datasets: datasetsFor(figures) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom", labels: { font: { size: 14 } } },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + item.parsed.y.toFixed(1) + " " + figures.unit;
              },
            },
          },
        },
        scales: {
          x: { title: { display: true, text: "Year" } },
          y: {
            stacked: figures.stacked,
            beginAtZero: true,
            title: { display: true, text: figures.unit },
          },
        },
      },
    });
    canvas.setAttribute("data-chart-ready", "true");
  }

  function drawAll() {
    draw(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
  // After an outerHTML swap the event's element is the detached old one: redraw from the page.
  document.addEventListener("htmx:afterSettle", drawAll);
})();
