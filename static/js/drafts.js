// What a person typed survives a log-in in between: when the session has ended, the forms of the
// page are kept in this tab's sessionStorage (an htmx request answered 401, or a plain form that
// landed on the log-in page), and after logging in the same page gets them back, with a note.
// Kept copies live only until the next page that is not the log-in page; «Выйти» clears them.
// Passwords, files and hidden fields (the CSRF token) are never kept.
(function () {
  "use strict";
  var PREFIX = "nastavnik:draft:";
  var SUBMITTED = "nastavnik:submitted";
  var RELOGIN = "nastavnik:relogin";
  var store = window.sessionStorage;

  function typed(el) {
    if (!el.name || el.disabled) { return false; }
    return ["hidden", "password", "file", "submit", "button", "reset", "image"].indexOf(el.type) < 0;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, typed);
  }

  function formKey(form, path) {
    var forms = Array.prototype.filter.call(document.forms, function (f) {
      return (f.id || f.getAttribute("action")) === (form.id || form.getAttribute("action"));
    });
    return PREFIX + (path || window.location.pathname) + "|" + (form.id || form.getAttribute("action") || "")
      + "|" + forms.indexOf(form);
  }

  function snapshot(form) {
    var entries = [];
    fields(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { entries.push([el.name, el.value]); }
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { entries.push([el.name, o.value]); });
      } else {
        entries.push([el.name, el.value]);
      }
    });
    return entries;
  }

  function keepable(form) {
    return !form.hasAttribute("data-no-draft") && fields(form).length > 0;
  }

  function clearAll() {
    var keys = [];  // collected first: the order of keys may change as they are removed
    for (var i = 0; i < store.length; i++) { keys.push(store.key(i)); }
    keys.forEach(function (key) { if (key && key.indexOf("nastavnik:") === 0) { store.removeItem(key); } });
  }

  function keepPage() {
    Array.prototype.forEach.call(document.forms, function (form) {
      if (keepable(form)) { store.setItem(formKey(form), JSON.stringify(snapshot(form))); }
    });
    store.setItem(RELOGIN, "1");
  }

  function restore(form, entries) {
    var changed = [];
    var used = {};
    fields(form).forEach(function (el) {
      var before = el.type === "checkbox" || el.type === "radio" ? el.checked : el.value;
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = entries.some(function (e) { return e[0] === el.name && e[1] === el.value; });
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) {
          o.selected = entries.some(function (e) { return e[0] === el.name && e[1] === o.value; });
        });
      } else {
        var same = entries.filter(function (e) { return e[0] === el.name; });
        var n = used[el.name] || 0;
        if (n < same.length) { el.value = same[n][1]; }
        used[el.name] = n + 1;
      }
      var after = el.type === "checkbox" || el.type === "radio" ? el.checked : el.value;
      if (before !== after) { changed.push(el); }
    });
    return changed;
  }

  function note(text) {
    var main = document.getElementById("main");
    if (!main || !text) { return; }
    var p = document.createElement("p");
    p.className = "flash flash-info restored";
    p.setAttribute("role", "status");
    p.textContent = text;
    main.insertBefore(p, main.firstChild);
  }

  function onLoad() {
    var body = document.body;
    if (body.dataset.page === "auth.login") {
      var submitted = store.getItem(SUBMITTED);  // a plain form whose POST ended here: the session was gone
      if (submitted) {
        var kept = JSON.parse(submitted);
        if (kept.path !== window.location.pathname) {
          store.setItem(kept.key, JSON.stringify(kept.entries));
          store.setItem(RELOGIN, "1");
        }
        store.removeItem(SUBMITTED);
      }
      return;
    }
    if (store.getItem(RELOGIN)) {
      var restored = [];
      Array.prototype.forEach.call(document.forms, function (form) {
        var saved = keepable(form) ? store.getItem(formKey(form)) : null;
        if (saved) { restored = restored.concat(restore(form, JSON.parse(saved))); }
      });
      clearAll();
      if (restored.length) {
        note(body.dataset.restored);
        restored.forEach(function (el) { el.dispatchEvent(new Event("change", { bubbles: true })); });
      }
      return;
    }
    clearAll();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-clears-drafts")) { clearAll(); return; }
    if (keepable(form) && !form.hasAttribute("hx-post")) {
      store.setItem(SUBMITTED, JSON.stringify({ key: formKey(form), path: window.location.pathname,
                                                entries: snapshot(form) }));
    }
  });

  document.addEventListener("htmx:beforeOnLoad", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 401) { keepPage(); }
  });

  window.nastavnikDrafts = { keepPage: keepPage, clearAll: clearAll };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", onLoad); } else { onLoad(); }
})();
