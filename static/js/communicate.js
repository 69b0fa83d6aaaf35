// The communication screen: the purpose proposes a document per group, choosing a document
// fills its subject and body (asking first when the recruiter edited them), the preview
// follows what is typed, and Send cannot be pressed twice.
(() => {
  const form = document.getElementById("communicate-form");
  if (!form) return;
  const documents = JSON.parse(document.getElementById("documents").textContent);
  const proposals = JSON.parse(document.getElementById("proposals").textContent);
  form.querySelectorAll("[data-no-js]").forEach((button) => { button.hidden = true; });

  let lastGroup = form.querySelector("[data-preview-button]");
  const refresh = () => { if (lastGroup) form.requestSubmit(lastGroup); };
  let timer;
  const later = () => { clearTimeout(timer); timer = setTimeout(refresh, 400); };

  const fieldsets = [...form.querySelectorAll("fieldset[data-group]")];
  const parts = (fieldset) => ({
    select: fieldset.querySelector("select[name$='-document']"),
    subject: fieldset.querySelector("input[name$='-subject']"),
    body: fieldset.querySelector("textarea[name$='-body']"),
  });
  // The text is the recruiter's own once it differs from the document it was loaded from.
  const edited = (fieldset) => {
    const { subject, body } = parts(fieldset);
    const loaded = documents[fieldset.dataset.loaded];
    return !loaded || loaded.subject !== subject.value || loaded.body !== body.value;
  };
  const load = (fieldset, id) => {
    const { select, subject, body } = parts(fieldset);
    select.value = id;
    subject.value = documents[id].subject;
    body.value = documents[id].body;
    body.dispatchEvent(new Event("change"));  // the body editor shows the new text
    fieldset.dataset.loaded = id;
  };
  const mayReplace = () => window.confirm(form.dataset.confirmReplace);

  fieldsets.forEach((fieldset) => {
    const button = fieldset.querySelector("[data-preview-button]");
    const { select } = parts(fieldset);
    fieldset.dataset.loaded = select.value;
    fieldset.addEventListener("input", () => { lastGroup = button; later(); });
    select.addEventListener("change", () => {
      if (!documents[select.value]) return;
      if (edited(fieldset) && !mayReplace()) {
        select.value = fieldset.dataset.loaded;
        return;
      }
      load(fieldset, select.value);
      lastGroup = button;
      refresh();
    });
  });

  // The purpose decides each group's document: untouched texts follow at once, edited ones
  // only when the recruiter agrees.
  const purpose = form.querySelector("[name=purpose]");
  purpose?.addEventListener("change", () => {
    const changes = fieldsets
      .map((fieldset) => [fieldset, String(proposals[fieldset.dataset.group]?.[purpose.value])])
      .filter(([fieldset, id]) => documents[id] && id !== fieldset.dataset.loaded);
    const replaceEdited = changes.some(([fieldset]) => edited(fieldset)) && mayReplace();
    changes.forEach(([fieldset, id]) => {
      if (replaceEdited || !edited(fieldset)) load(fieldset, id);
    });
    refresh();
  });
  form.querySelector("[name=profile]")?.addEventListener("change", refresh);

  form.addEventListener("submit", (event) => {
    const send = event.submitter && event.submitter.matches("[data-send]");
    if (!send) return;
    if (form.dataset.sending) { event.preventDefault(); return; }
    form.dataset.sending = "1";
    event.submitter.disabled = true;
  });
})();
