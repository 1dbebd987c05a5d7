// Suggestions for the header search box: a combobox with a listbox (WAI-ARIA APG pattern).
// Progressive enhancement only: without JavaScript the box is a plain GET form to /tim-kiem.
(function () {
  "use strict";

  var input = document.getElementById("header-q");
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var listId = "header-q-suggestions";
  var list = document.createElement("ul");
  list.id = listId;
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || (document.querySelector("label[for='header-q']") || {}).textContent || "");
  list.hidden = true;
  form.appendChild(list);

  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");

  var items = [];
  var active = -1;
  var timer = 0;
  var controller = null;
  var lastQuery = "";

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(data) {
    items = data.items || [];
    list.textContent = "";
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = listId + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = item.title;
      var date = document.createElement("span");
      date.className = "date";
      date.textContent = item.date;
      li.appendChild(date);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { window.location.href = item.url; });
      list.appendChild(li);
    });
    if (items.length === 0) { close(); status.textContent = ""; return; }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    setActive(-1);
    var template = form.getAttribute("data-suggest-count") || "";
    status.textContent = template.replace("{0}", String(items.length));
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q === lastQuery) { return; }
    lastQuery = q;
    if (q.length < 2) { close(); return; }
    if (controller) { controller.abort(); }
    controller = new AbortController();
    fetch("/api/v1/search/suggest?q=" + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(render)
      .catch(function () { /* aborted or offline: the form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 150);
  });

  input.addEventListener("keydown", function (event) {
    var open = !list.hidden && items.length > 0;
    switch (event.key) {
      case "ArrowDown":
        if (!open) { lastQuery = ""; fetchSuggestions(); return; }
        event.preventDefault();
        setActive(active + 1 >= items.length ? 0 : active + 1);
        break;
      case "ArrowUp":
        if (!open) { return; }
        event.preventDefault();
        setActive(active <= 0 ? items.length - 1 : active - 1);
        break;
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          window.location.href = items[active].url;
        }
        break;
      case "Escape":
        if (open) { event.preventDefault(); close(); } else { input.value = ""; lastQuery = ""; }
        break;
      default:
        break;
    }
  });

  input.addEventListener("blur", function () { window.setTimeout(close, 100); });
})();
