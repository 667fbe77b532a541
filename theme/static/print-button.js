// Buttons marked data-print open the browser's print dialog. With data-print-only, only
// the section the button sits in is printed (a role's card): the page is marked while the
// dialog is open.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (b) {
    b.addEventListener("click", function () {
      var target = b.hasAttribute("data-print-only") && b.closest(".print-target");
      if (target) {
        target.classList.add("printing");
        document.documentElement.classList.add("print-only");
        var done = function () {
          document.documentElement.classList.remove("print-only");
          target.classList.remove("printing");
          window.removeEventListener("afterprint", done);
        };
        window.addEventListener("afterprint", done);
      }
      window.print();
    });
  });
})();
