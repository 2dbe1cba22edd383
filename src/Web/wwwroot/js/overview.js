// Draws the Overview charts from the JSON the page embeds (#overview-data). No inline script: CSP-friendly.

// When the request left the grouping to the range's length, the page names its choice (#overview-head's data-canonical-url):
// written into the address bar, so a bookmark or a shared link keeps what was shown.
(function () {
  "use strict";
  var head = document.getElementById("overview-head");
  var url = head && head.getAttribute("data-canonical-url");
  if (url && window.history && window.history.replaceState) window.history.replaceState(window.history.state, "", url);
})();

// Today's figures poll about once a minute (#overview-today, htmx): not while the tab is hidden, and at once when it shows
// again (the element's hx-trigger includes visibilitychange; this lets only the visible case through).
document.addEventListener("htmx:beforeRequest", function (e) {
  if (e.target && e.target.id === "overview-today" && document.visibilityState !== "visible") e.preventDefault();
});

(function () {
  "use strict";
  var source = document.getElementById("overview-data");
  if (!source || !window.Chart) return;
  var d = JSON.parse(source.textContent);
  // Axis ticks and tooltips in the UI language (<html lang>, set by the server), not the browser's locale.
  window.Chart.defaults.locale = document.documentElement.lang || "ru";
  var blue = "#0d6efd", green = "#198754", orange = "#fd7e14", red = "#dc3545", grey = "#adb5bd", teal = "#20c997";

  // Drill-down: a click on a bar, point or slice opens the dialogs behind it (links[dataset][index], built by the server;
  // a dataset without links of its own uses the first's; the tables under each chart hold the same links as plain
  // <a href>). Ctrl/⌘-click opens them in a new tab.
  function drill(links) {
    if (!links) return {};
    function target(elements) {
      if (!elements || !elements.length) return null;
      var set = links[elements[0].datasetIndex] || links[0];
      return set ? set[elements[0].index] : null;
    }
    return {
      onClick: function (event, elements) {
        var url = target(elements);
        if (!url) return;
        var native = event.native || {};
        if (native.ctrlKey || native.metaKey) window.open(url, "_blank", "noopener");
        else window.location.assign(url);
      },
      onHover: function (event, elements) {
        if (event.native && event.native.target) event.native.target.style.cursor = target(elements) ? "pointer" : "default";
      }
    };
  }

  function draw(id, config, links) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, drill(links), config.options || {});
    new window.Chart(canvas, config);
  }

  draw("chart-daily", {
    type: "bar",
    data: { labels: d.days, datasets: [
      { label: d.l.dialogs, data: d.dialogs, backgroundColor: blue },
      { label: d.l.bookings, data: d.bookings, backgroundColor: green }
    ] },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  }, d.links && d.links.daily);
  draw("chart-conversion", {
    type: "line",
    data: { labels: d.days, datasets: [
      { label: d.l.conversion, data: d.conversion, borderColor: orange, backgroundColor: orange, tension: 0.2 },
      { label: d.l.containment, data: d.containment, borderColor: teal, backgroundColor: teal, tension: 0.2 }
    ] },
    options: { scales: { y: { beginAtZero: true, suggestedMax: 100 } } }
  }, d.links && [d.links.daily[1], d.links.contained]); // a period's conversion opens its bookings, its containment the dialogs the bot handled alone
  draw("chart-funnel", {
    type: "bar",
    data: { labels: d.funnel.labels, datasets: [{ label: d.l.dialogs, data: d.funnel.values, backgroundColor: [blue, blue, blue, blue, blue, green] }] },
    options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  }, d.links && d.links.funnel);
  // One measure (bookings) on one axis; revenue per service is in the table under the chart.
  draw("chart-services", {
    type: "bar",
    data: { labels: d.services.labels, datasets: [{ label: d.l.bookings, data: d.services.bookings, backgroundColor: green }] },
    options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  }, d.links && d.links.services);
  draw("chart-channels", {
    type: "doughnut",
    data: { labels: d.channels.labels, datasets: [{ data: d.channels.values, backgroundColor: [blue, green] }] }
  }, d.links && d.links.channels);
  draw("chart-sentiment", {
    type: "doughnut",
    data: { labels: d.sentiment.labels, datasets: [{ data: d.sentiment.values, backgroundColor: [green, grey, red] }] }
  }, d.links && d.links.sentiment);
})();
