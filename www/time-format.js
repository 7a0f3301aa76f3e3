// Every time the page shows, in one local format (the reader's locale and time
// zone), with how far it is from now.
const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A <time> element for `seconds` since the epoch, in the page's one format. */
export function timeElement(seconds) {
  const element = document.createElement("time");
  element.dateTime = new Date(seconds * 1000).toISOString();
  element.textContent = format.format(seconds * 1000);
  return element;
}

/** "in N s", "N s ago" or "now", from `now` (seconds). */
export function relative(seconds, now = Date.now() / 1000) {
  const difference = Math.round(seconds - now);
  if (difference > 0) return `in ${difference} s`;
  if (difference < 0) return `${-difference} s ago`;
  return "now";
}
