// On a narrow screen the site navigation folds away behind the menu button. Without
// JavaScript the button stays hidden and the navigation shows, so every page is reachable.
(function () {
  "use strict";
  var button = document.querySelector(".nav-toggle");
  var header = document.querySelector(".site-header");
  if (!button || !header) { return; }
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("nav-open", open);
  }
  header.classList.add("nav-foldable");
  button.hidden = false;
  set(false);
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
})();
