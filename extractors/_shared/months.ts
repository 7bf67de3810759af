// The month names as news writes them, in full or cut short: "January", "Jan", "Jan.", "Sept", "September". One
// pattern for every rule that has to know a month when it sees one (a date, a day of the month mistaken for a count,
// a name or a place). An alternation source without flags: a caller that reads "march" or "MAY" adds 'i'.
export const MONTH_SOURCE =
  String.raw`Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?` +
  String.raw`|Dec(?:ember)?`;
