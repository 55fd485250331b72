// On a phone, tables are shown as stacked cards (css/phone.css); each cell shows its column's name
// from the data-label attribute, filled here from the table's header row (a cell that already has
// one keeps it). Runs on load and on every piece of page htmx swaps in. Without JavaScript the
// cards are still stacked, only without the column names.
(function () {
  function label(root) {
    root.querySelectorAll("table").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      if (!head) { return; }
      var names = [];
      Array.prototype.forEach.call(head.cells, function (cell) {
        for (var i = 0; i < (cell.colSpan || 1); i++) { names.push(cell.textContent.trim()); }
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            // a cell spanning columns (a section heading, «nothing found») names no single column
            if (!cell.hasAttribute("data-label") && cell.colSpan === 1 && names[column]) {
              cell.setAttribute("data-label", names[column]);
            }
            column += cell.colSpan || 1;
          });
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { label(document); });
  document.addEventListener("htmx:load", function (event) { label(event.target.closest("table") ? event.target.closest("table").parentNode : event.target); });
})();
