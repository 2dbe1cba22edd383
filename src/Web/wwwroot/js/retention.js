// Draws the retention chart from the JSON the page embeds (#retention-data). No inline script: CSP-friendly.
(function () {
  "use strict";
  var source = document.getElementById("retention-data");
  var canvas = document.getElementById("chart-retention");
  if (!source || !canvas || !window.Chart) return;
  // Axis ticks and tooltips in the UI language (<html lang>, set by the server), not the browser's locale.
  window.Chart.defaults.locale = document.documentElement.lang || "ru";
  var d = JSON.parse(source.textContent);
  new window.Chart(canvas, {
    type: "bar",
    data: { labels: d.labels, datasets: [
      { label: d.l.returning, data: d.returning, backgroundColor: "#198754", stack: "c" },
      { label: d.l.fresh, data: d.fresh, backgroundColor: "#0d6efd", stack: "c" }
    ] },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
