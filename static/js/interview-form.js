// The interview form: a calendar picker that speaks dd-mm-yyyy HH:MM for every user, and
// choosing an interview location or reason fills Location and Duration at once.
(() => {
  const lang = document.documentElement.lang;
  document.querySelectorAll("[data-datepicker]").forEach((input) => {
    flatpickr(input, {
      enableTime: true,
      time_24hr: true,
      allowInput: true,
      dateFormat: "d-m-Y H:i",
      minuteIncrement: 5,
      weekNumbers: true,
      locale: lang === "nl" && flatpickr.l10ns.nl ? flatpickr.l10ns.nl : { firstDayOfWeek: 1 },
      // Typing must not be rewritten into another notation behind the user's back.
      parseDate: (text) => {
        const m = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
        if (!m) return undefined;
        const date = new Date(+m[3], +m[2] - 1, +m[1], +(m[4] || 0), +(m[5] || 0));
        return date.getDate() === +m[1] && date.getMonth() === +m[2] - 1 ? date : undefined;
      },
    });
  });

  const read = (id) => JSON.parse(document.getElementById(id)?.textContent || "{}");
  const locationTexts = read("location-texts");
  const reasonDurations = read("reason-durations");
  const location = document.getElementById("id_location");
  const locationText = document.getElementById("id_location_text");
  location?.addEventListener("change", () => {
    if (location.value in locationTexts) locationText.value = locationTexts[location.value];
  });
  const reason = document.getElementById("id_reason");
  const duration = document.getElementById("id_duration");
  let suggested = duration?.value;
  reason?.addEventListener("change", () => {
    const minutes = reasonDurations[reason.value];
    if (minutes && (!duration.value || duration.value === suggested)) {
      duration.value = minutes;
      suggested = String(minutes);
    }
  });
})();
