const ZONE = 'Asia/Bangkok';

/** The calendar date (YYYY-MM-DD, Gregorian, as date inputs use) of an instant in Bangkok. */
export function isoDateInBangkok(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The last second of a calendar day in Bangkok, as an ISO instant: a token "valid until 31 Dec" works all that day. */
export function endOfDayInBangkok(isoDate: string): string {
  return new Date(`${isoDate}T23:59:59+07:00`).toISOString();
}

/** A calendar date `days` after another (both YYYY-MM-DD). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
