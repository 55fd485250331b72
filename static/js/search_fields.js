// A search field of a filter form already asks for results as the person types (htmx «input changed
// delay»). Its «change» event, which the browser fires when the field loses focus, would ask again:
// clicking a link under the results (an export) blurs the field, and the answer replaced the results,
// link included, between the press and the release of the button, so the click was lost. The
// field's «change» is therefore kept from the form; the other fields' «change» still reaches it.
// (A trigger filter in hx-trigger would need htmx's eval, which the page's htmx-config turns off.)
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.type === "search" && field.form && field.form.hasAttribute("hx-trigger")) {
      event.stopPropagation();
    }
  }, true);
})();
