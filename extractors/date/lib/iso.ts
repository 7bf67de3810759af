// How the date rules write a day or a month: ISO 8601, UTC, two-digit month and day.
export const DAY_MS = 86_400_000;
export const pad = (n: number) => String(n).padStart(2, '0');
/** "2017-04" of a UTC date */
export const isoMonth = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
/** "2017-04-27" of a UTC time in milliseconds */
export const isoDay = (t: number) => {
  const d = new Date(t);
  return `${isoMonth(d)}-${pad(d.getUTCDate())}`;
};
