// The communication screen: choosing a document fills its subject and body, the preview
// follows what is typed, and Send cannot be pressed twice.
(() => {
  const form = document.getElementById("communicate-form");
  if (!form) return;
  const documents = JSON.parse(document.getElementById("documents").textContent);
  form.querySelectorAll("[data-no-js]").forEach((button) => { button.hidden = true; });

  let lastGroup = form.querySelector("[data-preview-button]");
  const refresh = () => { if (lastGroup) form.requestSubmit(lastGroup); };
  let timer;
  const later = () => { clearTimeout(timer); timer = setTimeout(refresh, 400); };

  form.querySelectorAll("fieldset").forEach((fieldset) => {
    const button = fieldset.querySelector("[data-preview-button]");
    fieldset.addEventListener("input", () => { lastGroup = button; later(); });
    const select = fieldset.querySelector("select[name$='-document']");
    select?.addEventListener("change", () => {
      const chosen = documents[select.value];
      if (!chosen) return;
      fieldset.querySelector("input[name$='-subject']").value = chosen.subject;
      fieldset.querySelector("textarea[name$='-body']").value = chosen.body;
      lastGroup = button;
      refresh();
    });
  });
  form.querySelector("[name=profile]")?.addEventListener("change", refresh);
  form.querySelector("[name=purpose]")?.addEventListener("change", refresh);

  form.addEventListener("submit", (event) => {
    const send = event.submitter && event.submitter.matches("[data-send]");
    if (!send) return;
    if (form.dataset.sending) { event.preventDefault(); return; }
    form.dataset.sending = "1";
    event.submitter.disabled = true;
  });
})();
