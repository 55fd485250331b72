// Header menus are <details> elements (they work without JavaScript); with it, opening one
// closes the others and a click elsewhere or Escape closes them all.
(function () {
  function menus() { return document.querySelectorAll(".top .menu details"); }
  document.addEventListener("click", function (event) {
    menus().forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.open = false; }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { menus().forEach(function (menu) { menu.open = false; }); }
  });
})();
