// The interview form's strip of busy times: for the chosen day, one row per attendee (the
// owner, the contact person, each committee member, the room, the candidate's other
// interviews) with their busy blocks from 08:00 to 19:00, and the interview's own time over
// it. Redrawn, without reloading the page, when the date (typed, picked or filled by "Find a
// time"), the contact person, the committee or the room changes. Screen readers get a list.
(() => {
  const strip = document.getElementById("busy-strip");
  if (!strip) return;
  const page = strip.dataset;
  // The page's words, in the user's language: data-text-no-date becomes text.noDate.
  const text = Object.fromEntries(Object.entries(page)
    .filter(([key]) => key.startsWith("text"))
    .map(([key, value]) => [key[4].toLowerCase() + key.slice(5), value]));
  const field = (id) => document.getElementById(id);
  const start = field("id_start");
  const duration = field("id_duration");
  const chart = strip.querySelector("[data-strip-chart]");
  const list = strip.querySelector("[data-strip-list]");
  const status = strip.querySelector("[data-strip-status]");
  const dayLabel = strip.querySelector("[data-strip-day]");
  const FIRST_HOUR = 8, HOURS = 11, MINUTES = HOURS * 60;
  const written = /^\s*(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/;
  const two = (n) => String(n).padStart(2, "0");
  strip.hidden = false;

  // The chosen day ("2037-03-02") and minutes after 08:00 of the typed time, or null.
  const chosen = () => {
    const m = written.exec(start?.value || "");
    if (!m) return null;
    const day = new Date(+m[3], +m[2] - 1, +m[1]);
    if (day.getDate() !== +m[1] || day.getMonth() !== +m[2] - 1) return null;
    const minute = m[4] === undefined ? null : (+m[4] - FIRST_HOUR) * 60 + +m[5];
    return { iso: `${m[3]}-${two(m[2])}-${two(m[1])}`, shown: `${two(m[1])}-${two(m[2])}-${m[3]}`,
      minute };
  };

  // Until a date is typed: the next working day (today until 17:00), so that who is busy
  // shows at once. The browser's clock stands in for the recruiter's.
  const nextWorkingDay = () => {
    const day = new Date();
    if (day.getHours() >= 17) day.setDate(day.getDate() + 1);
    while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
    const [d, m, y] = [two(day.getDate()), two(day.getMonth() + 1), day.getFullYear()];
    return { iso: `${y}-${m}-${d}`, shown: `${d}-${m}-${y}`, minute: null, proposed: true };
  };

  const selected = (select) => (select ? [...select.selectedOptions].filter((o) => o.value) : []);

  // Who attends, as the form has them now: [{who: "contact:5", name: "…"}].
  const attendees = () => {
    const rows = [];
    const seen = new Set();
    const add = (who, name) => {
      if (!seen.has(who)) rows.push({ who, name });
      seen.add(who);
    };
    if (page.owner) add(`user:${page.owner}`, page.ownerName);
    selected(field("id_contact_person")).forEach((o) => add(`contact:${o.value}`, o.text));
    selected(field("id_committee_members")).forEach((o) => add(`contact:${o.value}`, o.text));
    selected(field("id_location")).forEach((o) => add(`location:${o.value}`, o.text));
    if (page.candidate) add(`candidate:${page.candidate}`, page.candidateName);
    return rows;
  };

  const query = (day, rows) => {
    const params = new URLSearchParams({ day: day.iso });
    rows.forEach(({ who }) => {
      const [kind, id] = who.split(":");
      params.append(kind, id);
    });
    if (page.interview) params.append("interview", page.interview);
    return params.toString();
  };

  const element = (tag, className, content) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  };
  // CSP forbids style attributes in the markup, not styles set from a script.
  const place = (node, from, until) => {
    const left = Math.max(0, Math.min(MINUTES, from));
    const right = Math.max(left, Math.min(MINUTES, until));
    node.style.left = `${(left / MINUTES) * 100}%`;
    node.style.width = `${((right - left) / MINUTES) * 100}%`;
  };

  const axis = () => {
    const row = element("div", "busy-row busy-axis");
    row.append(element("div", "busy-name"));
    const hours = element("div", "busy-hours");
    for (let hour = 0; hour <= HOURS; hour += 1) {
      const label = element("span", "", two(FIRST_HOUR + hour));
      label.style.left = `${(hour / HOURS) * 100}%`;
      hours.append(label);
    }
    row.append(hours);
    return row;
  };

  const describe = (block) => {
    const notes = [block.interview ? text.interview : text.calendar];
    if (block.tentative) notes.push(text.tentative);
    if (block.stale) notes.push(text.stale);
    return `${text.busy} ${block.start}–${block.end} (${notes.join(", ")})`;
  };

  let data = null;
  let rows = [];

  const draw = () => {
    chart.replaceChildren(axis());
    list.replaceChildren();
    if (!data) return;
    const day = chosen();
    const length = +(duration?.value || 0) || 60;
    rows.forEach(({ who, name }) => {
      const blocks = data.busy.filter((block) => block.who === who);
      const stale = blocks.some((block) => block.stale);
      const row = element("div", "busy-row");
      row.dataset.who = who;
      const label = element("div", "busy-name", name);
      label.title = name;
      if (stale) label.append(" ", element("span", "badge text-bg-warning", text.stale));
      const track = element("div", "busy-track");
      blocks.forEach((block) => {
        const node = element("div", "busy-block");
        node.classList.toggle("is-interview", Boolean(block.interview));
        node.classList.toggle("is-tentative", block.tentative);
        node.classList.toggle("is-stale", block.stale);
        node.title = describe(block);
        place(node, block.from_minute, block.until_minute);
        track.append(node);
      });
      if (day?.minute !== null && day?.minute !== undefined) {
        const mark = element("div", "busy-chosen");
        mark.title = text.chosen;
        place(mark, day.minute, day.minute + length);
        track.append(mark);
      }
      row.append(label, track);
      chart.append(row);
      const said = blocks.length ? blocks.map(describe).join("; ") : text.free;
      list.append(element("li", "", `${name}: ${said}`));
    });
  };

  let asked = "";
  let controller = null;
  const load = async () => {
    const day = chosen() || nextWorkingDay();
    rows = attendees();
    const wanted = query(day, rows);
    if (wanted === asked) {
      draw(); // the time or duration moved: only the interview's own mark
      return;
    }
    asked = wanted;
    controller?.abort();
    controller = new AbortController();
    status.textContent = text.loading;
    try {
      const response = await fetch(`${page.url}?${wanted}`, {
        headers: { Accept: "application/json" }, signal: controller.signal,
        credentials: "same-origin" });
      if (!response.ok) throw new Error(response.status);
      data = await response.json();
      dayLabel.textContent = day.shown;
      status.textContent = text.shown.replace("%(date)s", day.shown)
        + (day.proposed ? ` ${text.noDate}` : "");
      strip.dataset.day = day.iso;
      draw();
    } catch (error) {
      if (error.name === "AbortError") return;
      asked = "";
      data = null;
      status.textContent = text.failed;
      draw();
    }
  };

  let timer = null;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  };
  start?.addEventListener("input", soon);
  start?.addEventListener("change", soon);
  duration?.addEventListener("input", soon);
  ["id_contact_person", "id_committee_members", "id_location"].forEach((id) => {
    field(id)?.addEventListener("change", soon);
  });
  load();
})();
