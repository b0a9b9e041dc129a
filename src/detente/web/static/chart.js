// Renders the dyad chart: the Vega-Lite spec is embedded in the page as JSON (not as a script),
// and Vega's CSP-safe expression interpreter is used, so no inline or eval'd code runs.
(function () {
  "use strict";
  function draw() {
    var holder = document.getElementById("chart");
    var source = document.getElementById("chart-spec");
    if (!holder || !source || !window.vegaEmbed) {
      return;
    }
    var spec = JSON.parse(source.textContent);
    window
      .vegaEmbed(holder, spec, {
        actions: false,
        renderer: "svg",
        ast: true,
        expr: window.vegaExpressionInterpreter,
        loader: { target: "_self" },
      })
      .then(function () {
        holder.setAttribute("data-rendered", "true");
      })
      .catch(function (error) {
        holder.setAttribute("data-rendered", "error");
        holder.textContent = "The chart could not be drawn: " + error;
      });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
