// Starts Swagger UI (vendored) on the app's OpenAPI document, without inline scripts.
(function () {
  "use strict";
  window.addEventListener("DOMContentLoaded", function () {
    var holder = document.getElementById("swagger-ui");
    window.SwaggerUIBundle({ url: holder.getAttribute("data-url"), dom_id: "#swagger-ui" });
  });
})();
