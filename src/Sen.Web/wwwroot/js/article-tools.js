// Article tools: text size (remembered on this device), copy link, print. The markup is the same for every
// reader (cached pages); buttons that need script stay hidden without it, the share links work as plain links.
(function () {
  "use strict";
  var key = "sen-text-size";
  var min = -2, max = 3;
  var root = document.documentElement;

  function read() {
    try {
      var value = parseInt(window.localStorage.getItem(key) || "0", 10);
      return isNaN(value) ? 0 : Math.max(min, Math.min(max, value));
    } catch (e) { return 0; }
  }

  function apply(size) {
    if (size === 0) { root.removeAttribute("data-text-size"); } else { root.setAttribute("data-text-size", String(size)); }
    document.querySelectorAll("[data-text-size-step]").forEach(function (button) {
      var step = parseInt(button.getAttribute("data-text-size-step"), 10);
      button.disabled = (step < 0 && size <= min) || (step > 0 && size >= max) || (step === 0 && size === 0);
    });
  }

  function say(text) {
    var status = document.querySelector("[data-tools-status]");
    if (status) { status.textContent = ""; window.setTimeout(function () { status.textContent = text; }, 50); }
  }

  apply(read());
  document.querySelectorAll("[data-text-size-group]").forEach(function (group) {
    group.hidden = false;
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-text-size-step]");
      if (!button) { return; }
      var step = parseInt(button.getAttribute("data-text-size-step"), 10);
      var size = step === 0 ? 0 : Math.max(min, Math.min(max, read() + step));
      try { window.localStorage.setItem(key, String(size)); } catch (e) { /* private mode: this page only */ }
      apply(size);
    });
  });

  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
        say(button.getAttribute("data-copied"));
      });
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
