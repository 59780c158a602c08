// Shows script errors on the page (and in #errors, which the browser test reads) instead of
// leaving them in the developer console only.
(function () {
  "use strict";
  function record(message) {
    var box = document.getElementById("errors");
    if (!box) {
      document.addEventListener("DOMContentLoaded", function () { record(message); });
      return;
    }
    var item = document.createElement("li");
    item.textContent = message;
    box.querySelector("ul").appendChild(item);
    box.dataset.count = String(box.querySelectorAll("li").length);
    box.hidden = false;
  }
  window.dashboardError = record;
  window.addEventListener("error", function (event) {
    if (event.target && event.target !== window && event.target.src) {
      record("could not load " + event.target.src);
    } else {
      record(event.message || String(event.error));
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    record(String(event.reason && event.reason.message || event.reason));
  });
})();
