/**
 * Numbers, dates and fiscal years as people read them: Buddhist-Era calendar everywhere
 * (Intl `th-TH-u-ca-buddhist`, `en-GB-u-ca-buddhist`), Asia/Bangkok time, Thai digits on request.
 */
export type Language = 'th' | 'en';

export interface FormatSettings {
  language: Language;
  thaiDigits: boolean;
}

const ZONE = 'Asia/Bangkok';

export function localeOf({ language, thaiDigits }: FormatSettings): string {
  if (language === 'th') {
    return thaiDigits ? 'th-TH-u-ca-buddhist-nu-thai' : 'th-TH-u-ca-buddhist';
  }
  return 'en-GB-u-ca-buddhist';
}

export class Formats {
  readonly locale: string;
  private readonly integers: Intl.NumberFormat;
  private readonly decimals: Intl.NumberFormat;
  private readonly years: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly dateTimes: Intl.DateTimeFormat;
  private readonly times: Intl.DateTimeFormat;

  constructor(readonly settings: FormatSettings) {
    this.locale = localeOf(settings);
    const numbers = settings.language === 'th' && settings.thaiDigits ? 'th-TH-u-nu-thai' : settings.language === 'th' ? 'th-TH' : 'en-GB';
    this.integers = new Intl.NumberFormat(numbers, { maximumFractionDigits: 0 });
    this.decimals = new Intl.NumberFormat(numbers, { minimumFractionDigits: 0, maximumFractionDigits: 1 });
    this.years = new Intl.NumberFormat(numbers, { useGrouping: false, maximumFractionDigits: 0 });
    this.dates = new Intl.DateTimeFormat(this.locale, { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
    this.dateTimes = new Intl.DateTimeFormat(this.locale, {
      timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    });
    this.times = new Intl.DateTimeFormat(this.locale, { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  integer(value: number): string {
    return this.integers.format(value);
  }

  /** At most one decimal: 187.5, 12. */
  number(value: number): string {
    return this.decimals.format(value);
  }

  /** A percentage given in points (71.4 → "71.4%"). */
  percent(points: number): string {
    return `${this.decimals.format(points)}%`;
  }

  baht(value: number): string {
    return this.settings.language === 'th' ? `${this.integers.format(value)} บาท` : `${this.integers.format(value)} baht`;
  }

  /** A fiscal year or any Buddhist-Era year, without grouping: 2570. */
  year(value: number): string {
    return this.years.format(value);
  }

  /** A calendar date (YYYY-MM-DD) in the Buddhist Era: 6 ธันวาคม 2569. */
  date(isoDate: string): string {
    return this.dates.format(new Date(`${isoDate}T12:00:00+07:00`));
  }

  /** An instant in Bangkok time: 6 ธ.ค. 2569 14:05. */
  dateTime(instant: string | Date): string {
    return this.dateTimes.format(typeof instant === 'string' ? new Date(instant) : instant);
  }

  time(instant: Date): string {
    return this.times.format(instant);
  }
}

/** The Thai fiscal year (B.E.) of an instant: it starts on 1 October in Asia/Bangkok. */
export function fiscalYearOf(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, year: 'numeric', month: 'numeric' }).formatToParts(instant);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return (month >= 10 ? year + 1 : year) + 543;
}
