// The status of the emails a page shows (queued, sending, retrying, sent, failed...) follows
// the outbox in place: while one is not final, the page asks the server every 2 seconds and
// puts the new status where the old one was, and it stops once every one is final.
(() => {
  const SELECTOR = "[data-message-status]";
  const EVERY_MS = 2000;
  const waiting = () => [...document.querySelectorAll(`${SELECTOR}:not([data-final])`)];

  const show = (html, asked) => {
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const found = new Set();
    fresh.querySelectorAll(SELECTOR).forEach((status) => {
      const id = status.dataset.messageStatus;
      found.add(id);
      document.querySelectorAll(`${SELECTOR}[data-message-status="${id}"]`).forEach((shown) => {
        if (shown.innerHTML !== status.innerHTML) shown.innerHTML = status.innerHTML;
        shown.toggleAttribute("data-final", status.hasAttribute("data-final"));
      });
    });
    // A message that is gone (its interview deleted) has nothing more to show.
    asked.filter((id) => !found.has(id)).forEach((id) => {
      document.querySelectorAll(`${SELECTOR}[data-message-status="${id}"]`)
        .forEach((shown) => shown.setAttribute("data-final", ""));
    });
  };

  const poll = async () => {
    const statuses = waiting();
    if (!statuses.length) return;
    const ids = [...new Set(statuses.map((status) => status.dataset.messageStatus))];
    const url = `${statuses[0].dataset.statusUrl}?ids=${ids.join(",")}`;
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      // Logged out, or no longer allowed: the page keeps what it shows.
      if (response.redirected || response.status === 403) return;
      if (response.ok) show(await response.text(), ids);
    } catch {
      // Offline for a moment: the next round asks again.
    }
    if (waiting().length) setTimeout(poll, EVERY_MS);
  };

  poll();
})();
