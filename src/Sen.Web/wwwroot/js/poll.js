// The sidebar poll ("Thăm dò ý kiến"): votes without reloading the page and shows the results in place.
// Progressive enhancement only: without JavaScript the form is a plain GET to the poll's vote page,
// which has its own antiforgery token. The page around the form is cached and the same for everyone,
// so the token is fetched when the reader votes (?handler=Token sets its cookie), then sent in a header.
(function () {
  "use strict";

  var forms = document.querySelectorAll("form.poll-form[data-poll-token]");
  if (!forms.length || !window.fetch || !window.FormData || !window.URLSearchParams) { return; }

  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return values[+i]; });
  }

  function number(value) {
    return Number(value).toLocaleString(document.documentElement.lang || "vi");
  }

  function showResults(form, results, message) {
    var box = document.createElement("div");
    box.className = "poll-outcome";
    box.tabIndex = -1;

    var said = document.createElement("p");
    said.className = "poll-message";
    said.textContent = message;
    box.appendChild(said);

    var list = document.createElement("ul");
    list.className = "poll-bars";
    results.options.forEach(function (option) {
      var item = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = format(form.getAttribute("data-poll-line"), [option.text, number(option.votes), number(option.percent) + "%"]);
      item.appendChild(label);
      var bar = document.createElement("meter");
      bar.min = 0;
      bar.max = 100;
      bar.value = option.percent;
      bar.setAttribute("aria-hidden", "true");
      item.appendChild(bar);
      list.appendChild(item);
    });
    box.appendChild(list);

    var total = document.createElement("p");
    total.textContent = format(form.getAttribute("data-poll-ballots"), [number(results.ballots)]);
    box.appendChild(total);

    var more = document.createElement("a");
    more.href = results.resultsUrl;
    more.textContent = form.getAttribute("data-poll-more");
    var moreLine = document.createElement("p");
    moreLine.appendChild(more);
    box.appendChild(moreLine);

    form.parentNode.replaceChild(box, form);
    box.focus();
  }

  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector(".poll-status");
    var busy = false;

    function say(text) {
      busy = false;
      status.textContent = text;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) { return; }
      busy = true;
      var body = new URLSearchParams(new FormData(form));
      status.textContent = form.getAttribute("data-poll-sending");
      fetch(form.getAttribute("data-poll-token"), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error("token " + response.status); }
          return response.json();
        })
        .then(function (token) {
          var headers = { Accept: "application/json" };
          headers[token.headerName] = token.token;
          return fetch(form.getAttribute("action"), { method: "POST", credentials: "same-origin", headers: headers, body: body });
        })
        .then(function (response) {
          return response.json().then(
            function (answer) { return { status: response.status, answer: answer }; },
            function () { return { status: response.status, answer: null }; });
        })
        .then(function (reply) {
          var answer = reply.answer;
          if (!answer || !answer.message) {
            say(form.getAttribute("data-poll-failed"));
          } else if (answer.results && (reply.status === 200 || reply.status === 409)) {
            busy = false;
            showResults(form, answer.results, answer.message);
          } else {
            say(answer.message);
          }
        })
        .catch(function () { say(form.getAttribute("data-poll-failed")); });
    });
  });
})();
