// Shian: progressive enhancement only; every page works without this file.
// Loaded with `defer` from /js/shian.js (CSP script-src 'self': no inline script anywhere).
//
// Confirmation: a form, or the button that submits it, may carry data-confirm="message". On submit
// the user is asked with window.confirm(message); if they refuse, nothing is sent. The button's
// message wins over the form's, so one form can hold a plain "save" and a confirmed "delete".
(function () {
  "use strict";

  // The submit button last used in each form (submitter where the browser reports it).
  var lastSubmitter = typeof WeakMap === "function" ? new WeakMap() : null;

  function isSubmitButton(element) {
    if (!element || !element.tagName) return false;
    var tag = element.tagName.toLowerCase();
    var type = (element.getAttribute("type") || "").toLowerCase();
    if (tag === "button") return type === "" || type === "submit";
    if (tag === "input") return type === "submit" || type === "image";
    return false;
  }

  function rememberSubmitter(event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("button, input[type=submit], input[type=image]") : null;
    if (!isSubmitButton(button) || !button.form || !lastSubmitter) return;
    lastSubmitter.set(button.form, button);
  }

  // Clicks (mouse, touch, Enter/Space on a focused button) and keyboard submits of a focused button.
  document.addEventListener("click", rememberSubmitter, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") rememberSubmitter(event);
  }, true);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.tagName.toLowerCase() !== "form") return;

    var submitter = event.submitter || (lastSubmitter && lastSubmitter.get(form)) || null;
    if (lastSubmitter) lastSubmitter.delete(form);
    if (submitter && submitter.form !== form) submitter = null;

    var message = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (!message) return;

    if (!window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, false);
})();
