// Search-box suggestions for the public FAQ site, without a framework.
// Progressive enhancement: the form works without this file; the script adds the ARIA 1.2 combobox pattern
// (role="combobox", aria-expanded, aria-controls, aria-activedescendant) to inputs marked data-suggest.
(function () {
  "use strict";
  var DEBOUNCE_MS = 150;
  var MAX = 8;

  function enhance(input) {
    var form = input.form;
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = 0;
    var pending = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) return;
      if (item.faqId) {
        // The FAQ page redirects to its canonical URL (with the readable slug).
        window.location.href = "/faq/" + encodeURIComponent(item.faqId);
        return;
      }
      input.value = item.text;
      close();
      form.submit();
    }

    function render(suggestions) {
      items = suggestions.slice(0, MAX);
      list.textContent = "";
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = item.text; // text, never HTML
        // pointerdown keeps focus in the box (no blur before the choice); click does the choosing.
        li.addEventListener("pointerdown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        list.appendChild(li);
      });
      active = -1;
      if (items.length === 0) {
        close();
        status.textContent = "";
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = (input.getAttribute("data-suggest-count") || "{0}").replace("{0}", String(items.length));
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === lastQuery) return;
      lastQuery = q;
      if (pending) pending.abort();
      if (q.length === 0 || q.length > 200) {
        render([]);
        return;
      }
      pending = typeof AbortController === "function" ? new AbortController() : null;
      fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: pending ? pending.signal : undefined
      })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          if (input.value.trim() === q) render(body.suggestions || []);
        })
        .catch(function () { /* aborted or offline: the plain search still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (e) {
      var open = !list.hidden && items.length > 0;
      switch (e.key) {
        case "ArrowDown":
          if (!open) { lastQuery = ""; fetchSuggestions(); return; }
          e.preventDefault();
          setActive(active + 1 >= items.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!open) return;
          e.preventDefault();
          setActive(active <= 0 ? items.length - 1 : active - 1);
          break;
        case "Enter":
          // IME confirmation (変換確定) also sends Enter; it must not choose or submit.
          if (e.isComposing || e.keyCode === 229) return;
          if (open && active >= 0) {
            e.preventDefault();
            choose(active);
          }
          break;
        case "Escape":
          if (open) {
            e.preventDefault();
            close();
          }
          break;
      }
    });

    input.addEventListener("blur", function () { close(); });
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
