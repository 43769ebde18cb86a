/* The header on a phone (issue 16): at 480 px or less the main menu folds behind a "Menu"
 * button, so the header is one line (the brand, Menu, Afmelden). Without JavaScript the menu
 * stays open, wrapped. */
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-toggle");
  var menu = document.getElementById("main-menu");
  if (!button || !menu) return;
  header.classList.add("has-menu");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  });
})();
