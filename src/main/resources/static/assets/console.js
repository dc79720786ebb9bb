// The console's only script: draws each history table as a chart (Chart.js), and lets the mismatch filters apply
// as they change (htmx does the request). The pages are whole without it.
"use strict";
(function () {
  function number(s) { return s === undefined || s === "" ? null : Number(s); }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute("data-chart-of"));
    if (!table || typeof Chart === "undefined") { return; }
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    if (rows.length === 0) { return; }
    var d = canvas.dataset;
    var labels = rows.map(function (r) { return r.dataset.date; });
    var series = function (key) { return rows.map(function (r) { return number(r.dataset[key]); }); };
    document.body.classList.add("charted");
    new Chart(canvas, {
      type: "line",
      data: {
        labels: labels,
        datasets: [
          { label: d.labelPoints, data: series("points"), yAxisID: "points", borderColor: "#a50e0e", backgroundColor: "#a50e0e" },
          { label: d.labelCity, data: series("city"), yAxisID: "points", borderColor: "#0b4f9c", backgroundColor: "#0b4f9c" },
          { label: d.labelPortal, data: series("portal"), yAxisID: "points", borderColor: "#2e7d32", backgroundColor: "#2e7d32", borderDash: [6, 4] },
          { label: d.labelMismatches, data: series("mismatches"), yAxisID: "rows", type: "bar", backgroundColor: "rgba(120,120,120,.35)" }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: "vi-VN",
        scales: {
          points: { type: "linear", position: "left", beginAtZero: true },
          rows: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false } }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart-of]"), draw);
  });
})();
