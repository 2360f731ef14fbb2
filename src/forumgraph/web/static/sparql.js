// The SPARQL page: a CodeMirror editor when available, example loading, and results as a table.
// Results are inserted with textContent only: nothing from a query result is parsed as HTML.
(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  if (!form) return;
  var textarea = document.getElementById("sparql-query");
  var output = document.getElementById("sparql-output");
  var format = document.getElementById("sparql-format");
  var editor = null;

  if (window.CodeMirror) {
    var label = document.querySelector("label[for=sparql-query]");
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query",
      lineNumbers: true,
      indentUnit: 2,
      screenReaderLabel: label ? label.textContent : "SPARQL",
      // Tab leaves the editor, so that keyboard users are never trapped in it.
      extraKeys: { "Tab": false, "Shift-Tab": false, "Ctrl-Enter": run, "Cmd-Enter": run }
    });
  }

  function queryText() { return editor ? editor.getValue() : textarea.value; }

  function setQuery(text) {
    if (editor) { editor.setValue(text); editor.focus(); } else { textarea.value = text; textarea.focus(); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("a.example"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      setQuery(link.getAttribute("data-query"));
    });
  });

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });

  function run() {
    var body = new URLSearchParams();
    body.set("query", queryText());
    body.set("format", format.value);
    clear();
    output.setAttribute("aria-busy", "true");
    output.appendChild(text("p", output.getAttribute("data-running")));
    fetch(form.action, {
      method: "POST",
      body: body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      return response.text().then(function (payload) { show(response, type, payload); });
    }).catch(function (error) {
      clear();
      output.appendChild(text("p", String(error), "error"));
    });
  }

  function show(response, type, payload) {
    clear();
    if (!response.ok) {
      var message = payload;
      try {
        var error = JSON.parse(payload).error;
        message = error.message + (error.hint ? " " + error.hint : "");
      } catch (ignored) { /* not JSON: show the text as it is */ }
      output.appendChild(text("p", response.status + ": " + message, "error"));
      return;
    }
    if (type.indexOf("application/sparql-results+json") === 0) {
      var data = JSON.parse(payload);
      if (typeof data.boolean === "boolean") {
        output.appendChild(text("p", "ASK: " + data.boolean));
      } else {
        output.appendChild(table(data.head.vars, data.results.bindings));
      }
      return;
    }
    output.appendChild(text("pre", payload));
  }

  function table(vars, rows) {
    var wrapper = document.createElement("div");
    wrapper.className = "table-scroll";
    wrapper.appendChild(text("p", rows.length + " rows"));
    var t = document.createElement("table");
    var head = t.createTHead().insertRow();
    vars.forEach(function (name) {
      var th = text("th", "?" + name);
      th.scope = "col";
      head.appendChild(th);
    });
    var tbody = t.createTBody();
    rows.forEach(function (row) {
      var tr = tbody.insertRow();
      vars.forEach(function (name) {
        var cell = tr.insertCell();
        var value = row[name];
        if (!value) return;
        if (value.type === "uri" && /^https?:\/\//.test(value.value)) {
          var a = text("a", value.value);
          a.href = value.value;
          cell.appendChild(a);
        } else {
          cell.appendChild(text("span", value.value));
          if (value["xml:lang"]) { cell.lastChild.lang = value["xml:lang"]; }
        }
      });
    });
    wrapper.appendChild(t);
    return wrapper;
  }

  function text(tag, content, className) {
    var element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    return element;
  }

  function clear() {
    output.removeAttribute("aria-busy");
    while (output.firstChild) output.removeChild(output.firstChild);
  }
})();
