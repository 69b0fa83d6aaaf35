// "Join" on a page left open: shown from 15 minutes before an online interview until its end;
// the server renders it already shown within that time, and this keeps it right afterwards.
(() => {
  const buttons = [...document.querySelectorAll("[data-join-from]")];
  const update = () => {
    const now = Date.now();
    for (const button of buttons) {
      const from = Date.parse(button.dataset.joinFrom);
      const until = Date.parse(button.dataset.joinUntil);
      button.hidden = !(from <= now && now < until);
    }
  };
  if (buttons.length) {
    update();
    setInterval(update, 15 * 1000);
  }
})();
