// Progressive enhancement only: every feature here works as plain links without JavaScript.
(function () {
  "use strict";

  // "Liên kết website": the list of links becomes a labelled select with a button.
  document.querySelectorAll("ul[data-link-select]").forEach(function (list, index) {
    var links = list.querySelectorAll("a[href]");
    if (links.length === 0) { return; }
    var form = document.createElement("form");
    form.className = "link-select";
    var id = "link-select-" + index;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.className = "visually-hidden";
    label.textContent = list.getAttribute("data-link-select");
    var select = document.createElement("select");
    select.id = id;
    var placeholder = document.createElement("option");
    placeholder.value = "";
    placeholder.textContent = list.getAttribute("data-link-select");
    select.appendChild(placeholder);
    links.forEach(function (a) {
      var option = document.createElement("option");
      option.value = a.href;
      option.textContent = a.textContent;
      select.appendChild(option);
    });
    var button = document.createElement("button");
    button.type = "submit";
    button.textContent = list.getAttribute("data-link-go");
    form.append(label, select, button);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (select.value) { window.location.href = select.value; }
    });
    list.replaceWith(form);
  });

  // "[Trở về]" goes back in history when the reader came from this site; otherwise it is a link to the category.
  document.querySelectorAll("a[data-back]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      if (document.referrer && new URL(document.referrer).origin === window.location.origin && window.history.length > 1) {
        event.preventDefault();
        window.history.back();
      }
    });
  });
})();
