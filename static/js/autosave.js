// Questionnaire autosave: a change posts only the answer it belongs to (the inputs of its
// <fieldset data-autosave>), and only that answer's status line is replaced, never the field being
// edited. Requests for different answers run side by side; for the same answer one runs at a time
// and a change made meanwhile is sent when it returns, with the current values and the version the
// server gave back, so the last change wins and an older reply never undoes a newer click.
// Without JavaScript the form's «Сохранить черновик» button saves everything.
(function () {
  "use strict";
  var states = {};

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (e) { return ""; }
  }

  function answerData(fieldset) {
    var data = new FormData();
    fieldset.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name || el.disabled) { return; }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) { return; }
      if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { data.append(el.name, o.value); });
        return;
      }
      data.append(el.name, el.value);
    });
    return data;
  }

  function statusLine(fieldset) { return fieldset.querySelector(".answer-status"); }

  function showText(fieldset, text, className) {
    var line = statusLine(fieldset);
    line.textContent = "";
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    line.appendChild(p);
    return p;
  }

  function showUnsaved(fieldset) {
    var form = fieldset.closest("form");
    var p = showText(fieldset, form.dataset.unsaved + " ", "error unsaved");
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "link retry";
    retry.textContent = form.dataset.retry;
    retry.addEventListener("click", function () { send(fieldset); });
    p.appendChild(retry);
    fieldset.classList.add("has-error");
  }

  function showReply(fieldset, html, accepted) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var reply = holder.querySelector("p[id$='-err']");
    if (!reply) { showUnsaved(fieldset); return; }
    var version = fieldset.querySelector("input[data-version]");
    if (accepted && version && reply.dataset.version !== undefined) { version.value = reply.dataset.version; }
    var line = statusLine(fieldset);
    line.textContent = "";
    line.appendChild(reply);
    fieldset.classList.toggle("has-error", reply.classList.contains("error"));
  }

  function finish(fieldset, state) {
    state.busy = false;
    if (state.again) { send(fieldset); }
  }

  function send(fieldset) {
    var id = fieldset.dataset.question;
    var state = states[id] || (states[id] = { busy: false, again: false });
    if (state.busy) { state.again = true; return; }
    state.busy = true;
    state.again = false;
    showText(fieldset, fieldset.closest("form").dataset.saving, "quiet saving");
    fetch(fieldset.dataset.autosave, {
      method: "POST", body: answerData(fieldset), credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true", "HX-Current-URL": window.location.href }
    }).then(function (response) {
      var login = response.headers.get("HX-Redirect");
      if (response.status === 401 && login) {
        if (window.nastavnikDrafts) { window.nastavnikDrafts.keepPage(); }
        window.location.href = login;
        return null;
      }
      return response.text().then(function (html) {
        if (response.status === 200 || response.status === 409) {
          showReply(fieldset, html, response.status === 200);
        } else {
          showUnsaved(fieldset);
        }
        finish(fieldset, state);
      });
    }).catch(function () {
      showUnsaved(fieldset);
      finish(fieldset, state);
    });
  }

  document.addEventListener("change", function (event) {
    var fieldset = event.target.closest && event.target.closest("fieldset[data-autosave]");
    if (fieldset) { send(fieldset); }
  });
})();
