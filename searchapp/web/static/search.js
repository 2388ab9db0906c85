// Autocomplete for the search box (WAI-ARIA combobox with a listbox popup) and the "/"
// shortcut. The page works without this script; it only adds suggestions.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!input || !list) { return; }
  var endpoint = input.getAttribute("data-suggest");
  var active = -1;
  var timer = null;
  var latest = 0;

  function options() { return list.querySelectorAll("[role=option]"); }

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    var items = options();
    if (!items.length) { return; }
    active = (index + items.length) % items.length;
    for (var i = 0; i < items.length; i++) {
      items[i].setAttribute("aria-selected", i === active ? "true" : "false");
    }
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  function choose(text) {
    input.value = text;
    close();
    input.form.submit();
  }

  function show(suggestions) {
    list.textContent = "";
    active = -1;
    if (!suggestions.length) { close(); return; }
    suggestions.forEach(function (text, i) {
      var li = document.createElement("li");
      li.id = "suggestion-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = text;  // text, never HTML
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(text); });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function fetchSuggestions() {
    var typed = input.value;
    if (!typed.trim()) { close(); return; }
    var ticket = ++latest;
    fetch(endpoint + "?q=" + encodeURIComponent(typed), { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (ticket === latest && input.value === typed) { show(data.suggestions || []); } })
      .catch(close);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown") {
      if (!open) { fetchSuggestions(); return; }
      event.preventDefault(); highlight(active + 1);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault(); highlight(active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault(); choose(options()[active].textContent);
    } else if (event.key === "Escape" && open) {
      event.preventDefault(); close();
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
    if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); input.select(); }
  });
})();
