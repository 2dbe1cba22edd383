// Draws the Overview's intents over time from #intents-data (stacked bars; a click opens the dialogs behind a bar).
(function () {
  "use strict";
  var source = document.getElementById("intents-data");
  var canvas = document.getElementById("chart-intents");
  if (!source || !canvas || !window.Chart) return;
  var d = JSON.parse(source.textContent);
  var colours = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#dc3545", "#0dcaf0", "#ffc107", "#adb5bd", "#d63384"];
  function target(elements) {
    if (!elements || !elements.length) return null;
    var set = d.links[elements[0].datasetIndex];
    return set ? set[elements[0].index] : null;
  }
  new window.Chart(canvas, {
    type: "bar",
    data: { labels: d.labels, datasets: d.datasets.map(function (s, i) { return { label: s.label, data: s.data, backgroundColor: colours[i % colours.length] }; }) },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
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
    }
  });
})();
