// The interview form: a calendar picker that writes dd-mm-yyyy HH:MM for every user, and
// choosing an interview location or reason fills Location and Duration at once.
(() => {
  const lang = document.documentElement.lang;
  const pattern = /^(\d{1,2})-(\d{1,2})-(\d{4})\s+(\d{1,2}):(\d{2})$/;

  // The text field stays the user's own: typing is never rewritten or cleared by the picker
  // (a wrong notation reaches the server, which explains the expected one), and the field is
  // never moved (the server renders its button beside it). The picker is attached to a hidden
  // input and only writes into the text field when a date is picked.
  document.querySelectorAll("[data-datepicker]").forEach((input) => {
    const group = input.closest(".input-group");
    const button = group?.querySelector("[data-picker-button]");
    if (!button) return;
    button.hidden = false;
    const anchor = document.createElement("input");
    anchor.className = "d-none";
    anchor.tabIndex = -1;
    anchor.setAttribute("aria-hidden", "true");
    group.after(anchor);

    // By keyboard: the open calendar takes focus on a day (arrow keys move, Enter picks it
    // and moves to the hour; Enter there closes), and on closing, Escape included, focus
    // returns to the field, unless the user clicked somewhere else.
    const inCalendar = () => picker.calendarContainer.contains(document.activeElement)
      || document.activeElement === document.body;
    const picker = flatpickr(anchor, {
      enableTime: true,
      time_24hr: true,
      dateFormat: "d-m-Y H:i",
      minuteIncrement: 5,
      weekNumbers: true,
      positionElement: group,
      locale: lang === "nl" && flatpickr.l10ns.nl ? flatpickr.l10ns.nl : { firstDayOfWeek: 1 },
      onChange: (_dates, text) => {
        input.value = text;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      },
      onClose: () => { if (inCalendar()) input.focus(); },
    });
    const focusDay = () => {
      const shown = (day) => day && picker.daysContainer.contains(day);
      const day = [picker.selectedDateElem, picker.todayDateElem].find(shown)
        || picker.daysContainer.querySelector(".flatpickr-day:not(.prevMonthDay)");
      day?.focus();
    };
    // flatpickr's own arrow keys stumble at the edge of a month (from 29 November, down goes
    // to 6 December, down again back to 30 November): move by date instead.
    const steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    picker.daysContainer.addEventListener("keydown", (event) => {
      const step = steps[event.key];
      const from = event.target.dateObj;
      if (!step || !from || event.ctrlKey) return;
      event.preventDefault();
      event.stopPropagation();
      const to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + step);
      const months = (to.getFullYear() - picker.currentYear) * 12 + to.getMonth()
        - picker.currentMonth;
      if (months) picker.changeMonth(months);
      [...picker.daysContainer.querySelectorAll(".flatpickr-day")]
        .find((day) => day.dateObj?.getTime() === to.getTime() && !/Month/.test(day.className))
        ?.focus();
    });
    button.addEventListener("click", () => {
      const m = pattern.exec(input.value.trim());
      if (m) picker.setDate(new Date(+m[3], +m[2] - 1, +m[1], +m[4], +m[5]), false);
      picker.open();
      focusDay();
    });
  });

  // A date in a weekend is allowed, but said: "28-11-2026 is a Saturday." Typed or picked.
  document.querySelectorAll("[data-saturday]").forEach((input) => {
    const hint = document.createElement("div");
    hint.className = "form-text fw-semibold";
    hint.id = `${input.id}_weekend`;
    hint.setAttribute("aria-live", "polite");
    (document.getElementById(`${input.id}_helptext`) || input.closest(".input-group")).after(hint);
    input.setAttribute("aria-describedby",
      `${input.getAttribute("aria-describedby") || ""} ${hint.id}`.trim());
    const update = () => {
      const m = /^(\d{1,2})-(\d{1,2})-(\d{4})/.exec(input.value.trim());
      const day = m && new Date(+m[3], +m[2] - 1, +m[1]);
      const real = day && day.getDate() === +m[1] && day.getMonth() === +m[2] - 1;
      const text = real && { 6: input.dataset.saturday, 0: input.dataset.sunday }[day.getDay()];
      const date = real && `${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}-${m[3]}`;
      hint.textContent = text ? text.replace("%(date)s", date) : "";
    };
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    update();
  });

  const chosen = (select) => select.options[select.selectedIndex]?.dataset || {};
  const location = document.getElementById("id_location");
  const locationText = document.getElementById("id_location_text");
  location?.addEventListener("change", () => {
    const text = chosen(location).locationText;
    if (text !== undefined) locationText.value = text;
  });
  const reason = document.getElementById("id_reason");
  const duration = document.getElementById("id_duration");
  let suggested = duration?.value;
  reason?.addEventListener("change", () => {
    const minutes = chosen(reason).minutes;
    if (minutes && (!duration.value || duration.value === suggested)) {
      duration.value = minutes;
      suggested = String(minutes);
    }
  });
})();

// "Save and communicate (manager)" exists for the kinds with the hiring manager only.
(() => {
  const kind = document.getElementById("id_kind");
  const button = document.querySelector("[data-manager-button]");
  if (!kind || !button) return;
  const update = () => { button.hidden = !["manager", "both"].includes(kind.value); };
  kind.addEventListener("change", update);
  update(); // a kind chosen while the page was still loading counts too
})();
