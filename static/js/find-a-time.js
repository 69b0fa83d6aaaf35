// "Find a time" in the interview form: asks the server for the next free times of the people
// and the room chosen in the form right now, and choosing one fills the date field (whose
// `input` and `change` events let the rest of the page follow, such as the busy strip).
(() => {
  const box = document.querySelector("[data-find-a-time]");
  const date = document.getElementById("id_start");
  if (!box || !date) return;
  const button = box.querySelector("[data-find-button]");
  const status = box.querySelector("[data-find-status]");
  const list = box.querySelector("[data-find-results]");
  const field = (id) => document.getElementById(id);
  button.hidden = false;  // without JavaScript there is nothing to click

  const minutes = () => {
    const typed = field("id_duration")?.value.trim();
    const reason = field("id_reason");
    const usual = reason?.options[reason.selectedIndex]?.dataset.minutes;
    return /^\d+$/.test(typed || "") ? typed : usual || "60";
  };

  const query = () => {
    const params = new URLSearchParams({ duration: minutes() });
    const add = (name, value) => { if (value) params.append(name, value); };
    add("user", box.dataset.user);
    add("candidate", box.dataset.candidate);
    add("interview", box.dataset.interview);
    add("contact", field("id_contact_person")?.value);
    add("location", field("id_location")?.value);
    [...(field("id_committee_members")?.selectedOptions || [])]
      .forEach((option) => add("contact", option.value));
    return params;
  };

  const close = () => { list.hidden = true; list.replaceChildren(); };

  const choose = (proposal) => {
    date.value = proposal.value;
    date.dispatchEvent(new Event("input", { bubbles: true }));
    date.dispatchEvent(new Event("change", { bubbles: true }));
    close();
    status.textContent = box.dataset.chosen.replace("%(time)s", proposal.label);
    date.focus();  // back where the date is read and can still be adjusted
  };

  const show = (proposals) => {
    list.replaceChildren(...proposals.map((proposal) => {
      const item = document.createElement("li");
      const option = document.createElement("button");
      option.type = "button";
      option.className = "btn btn-outline-primary btn-sm";
      option.textContent = proposal.label;
      option.addEventListener("click", () => choose(proposal));
      item.append(option);
      return item;
    }));
    list.hidden = proposals.length === 0;
    status.textContent = proposals.length ? box.dataset.found : box.dataset.empty;
    list.querySelector("button")?.focus();  // the keyboard goes on to the choices
  };

  // Escape leaves the choices without choosing, back on the button.
  list.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    close();
    status.textContent = "";
    button.focus();
  });

  button.addEventListener("click", async () => {
    button.disabled = true;
    box.setAttribute("aria-busy", "true");
    status.textContent = box.dataset.busy;
    close();
    try {
      const response = await fetch(`${box.dataset.url}?${query()}`, {
        headers: { Accept: "application/json" }, credentials: "same-origin",
      });
      if (!response.ok) throw new Error(response.statusText);
      show((await response.json()).proposals);
    } catch {
      status.textContent = box.dataset.failed;
    } finally {
      button.disabled = false;
      box.removeAttribute("aria-busy");
      // Disabling the button while it had the focus dropped it: give it back.
      if (!box.contains(document.activeElement)) button.focus();
    }
  });
})();
