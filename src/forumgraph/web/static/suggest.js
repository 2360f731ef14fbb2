// Name completion for the search box: a combobox with a listbox (WAI-ARIA 1.2 pattern).
// Without this script the box is a plain search field; it fetches only from this server.
(function () {
  "use strict";
  var form = document.querySelector("form.search-form[data-suggest-url]");
  var input = form && form.querySelector("input[type=search]");
  if (!input || !window.fetch) {
    return;
  }
  var labels = JSON.parse(form.getAttribute("data-suggest") || "{}");
  var endpoint = form.getAttribute("data-suggest-url");
  var wrap = document.createElement("div");
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var items = [];
  var active = -1;
  var timer = 0;
  var asked = 0;
  var cache = new Map();

  wrap.className = "combo";
  input.parentNode.insertBefore(wrap, input);
  wrap.appendChild(input);
  list.id = input.id + "-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", labels.heading || "");
  list.hidden = true;
  wrap.appendChild(list);
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  wrap.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function open() {
    if (items.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function option(result, index) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    var kind = document.createElement("span");
    li.id = list.id + "-" + index;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    name.className = "name";
    name.lang = result.lang;
    name.textContent = result.name;
    li.appendChild(name);
    if (result.label !== result.name) {
      var other = document.createElement("span");
      other.className = "other";
      other.textContent = result.label;
      li.appendChild(other);
    }
    kind.className = "kind";
    kind.textContent = (labels.types || {})[result.type] || result.type;
    li.appendChild(kind);
    // mousedown, not click: the box keeps its focus until the choice is made.
    li.addEventListener("mousedown", function (event) {
      event.preventDefault();
      choose(index);
    });
    return li;
  }

  function show(results) {
    items = results;
    list.textContent = "";
    results.forEach(function (result, index) {
      list.appendChild(option(result, index));
    });
    close();
    open();
    status.textContent = results.length
      ? (labels.count || "{count}").replace("{count}", String(results.length))
      : (input.value.trim() ? labels.none || "" : "");
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (node, i) {
      node.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(index) {
    input.value = items[index].name;
    close();
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function load(query) {
    var number = ++asked;
    if (cache.has(query)) {
      show(cache.get(query));
      return;
    }
    fetch(endpoint + "?limit=8&q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (body) {
        cache.set(query, body.results || []);
        if (number === asked) {
          show(body.results || []);
        }
      })
      .catch(function () {
        close();
      });
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    window.clearTimeout(timer);
    if (!query) {
      asked++;
      show([]);
      return;
    }
    timer = window.setTimeout(function () {
      load(query);
    }, 80);
  });

  input.addEventListener("keydown", function (event) {
    if (event.isComposing) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!items.length) {
        return;
      }
      event.preventDefault();
      if (list.hidden) {
        open();
      }
      var step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + items.length + (active < 0 && step < 0 ? 1 : 0)) % items.length);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
})();
