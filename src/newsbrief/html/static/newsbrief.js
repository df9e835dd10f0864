// newsbrief report pages: citation popups that open on click or tap (phones have no
// hover), close on Escape or a click elsewhere, and stay inside the window. The page
// works without this script: popups then open on hover and keyboard focus.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var current = null;

  function popOf(cite) {
    return cite.querySelector(".cite-pop");
  }

  function keepInside(cite) {
    var pop = popOf(cite);
    if (!pop || window.matchMedia("(max-width: 600px)").matches) return;
    pop.style.removeProperty("--shift");
    var box = pop.getBoundingClientRect();
    var limit = root.clientWidth - 8;
    var shift = 0;
    if (box.right > limit) shift = limit - box.right;
    if (box.left + shift < 8) shift = 8 - box.left;
    if (shift) pop.style.setProperty("--shift", shift + "px");
  }

  function setOpen(cite, open) {
    cite.classList.toggle("open", open);
    var button = cite.querySelector(".cite-btn");
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) keepInside(cite);
    current = open ? cite : null;
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target.closest ? target.closest(".cite-btn") : null;
    if (button) {
      var cite = button.closest(".cite");
      var wasOpen = cite === current;
      if (current) setOpen(current, false);
      if (!wasOpen) setOpen(cite, true);
      event.preventDefault();
      return;
    }
    if (current && !(target.closest && target.closest(".cite-pop"))) setOpen(current, false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      var button = current.querySelector(".cite-btn");
      setOpen(current, false);
      if (button) button.focus();
    }
  });

  function place(event) {
    var cite = event.target.closest ? event.target.closest(".cite") : null;
    if (cite) keepInside(cite);
  }
  document.addEventListener("mouseover", place);
  document.addEventListener("focusin", place);

  // A printed page cannot be clicked open: show every collapsed fact map.
  window.addEventListener("beforeprint", function () {
    var details = document.querySelectorAll("details");
    for (var i = 0; i < details.length; i++) details[i].open = true;
  });
})();
