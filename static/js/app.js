// Small progressive enhancements; every action also works without JavaScript.
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field.matches("[data-autosubmit]")) {
    field.form.requestSubmit();
  }
});

// A form that comes back refused puts the keyboard in the first field in error (focusing
// also scrolls it into view), instead of leaving the user at the top of the page.
(() => {
  const fields = "input:not([type=hidden]), select, textarea";
  const invalid = [...document.querySelectorAll("main .is-invalid")]
    .map((element) => (element.matches(fields) ? element : element.querySelector(fields)))
    .find((field) => field && !field.disabled);
  invalid?.focus();
})();
