// Draws the Overview charts from the JSON the page embeds (#overview-data). No inline script: CSP-friendly.
(function () {
  "use strict";
  var source = document.getElementById("overview-data");
  if (!source || !window.Chart) return;
  var d = JSON.parse(source.textContent);
  // Axis ticks and tooltips in the UI language (<html lang>, set by the server), not the browser's locale.
  window.Chart.defaults.locale = document.documentElement.lang || "ru";
  var blue = "#0d6efd", green = "#198754", orange = "#fd7e14", red = "#dc3545", grey = "#adb5bd";

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    new window.Chart(canvas, config);
  }

  draw("chart-daily", {
    type: "bar",
    data: { labels: d.days, datasets: [
      { label: d.l.dialogs, data: d.dialogs, backgroundColor: blue },
      { label: d.l.bookings, data: d.bookings, backgroundColor: green }
    ] },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  draw("chart-conversion", {
    type: "line",
    data: { labels: d.days, datasets: [{ label: d.l.conversion, data: d.conversion, borderColor: orange, backgroundColor: orange, tension: 0.2 }] },
    options: { scales: { y: { beginAtZero: true, suggestedMax: 100 } } }
  });
  draw("chart-funnel", {
    type: "bar",
    data: { labels: d.funnel.labels, datasets: [{ label: d.l.dialogs, data: d.funnel.values, backgroundColor: [blue, blue, blue, blue, blue, green] }] },
    options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  // One measure (bookings) on one axis; revenue per service is in the table under the chart.
  draw("chart-services", {
    type: "bar",
    data: { labels: d.services.labels, datasets: [{ label: d.l.bookings, data: d.services.bookings, backgroundColor: green }] },
    options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  draw("chart-channels", {
    type: "doughnut",
    data: { labels: d.channels.labels, datasets: [{ data: d.channels.values, backgroundColor: [blue, green] }] }
  });
  draw("chart-sentiment", {
    type: "doughnut",
    data: { labels: d.sentiment.labels, datasets: [{ data: d.sentiment.values, backgroundColor: [green, grey, red] }] }
  });
})();
