import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/http';
import { GraphQlError } from '../api/graphql';
import { useI18n } from '../i18n/i18n';

/** The page's heading and document title; focused after navigation so screen readers announce the page. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { m } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${m.app.name}`;
    heading.current?.focus({ preventScroll: true });
  }, [title, m.app.name]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/**
 * The day a date input holds, written the way the console writes dates (Buddhist Era): the
 * browser's own date input shows the Gregorian calendar (2027 for พ.ศ. 2570), easy to misread
 * beside every other date on the page.
 */
export function DateInBuddhistEra({ value }: { value: string }) {
  const { f } = useI18n();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return null;
  }
  return <span className="hint date-in-buddhist-era">{f.date(value)}</span>;
}

export function Loading() {
  const { m } = useI18n();
  return (
    <p className="loading" role="status">
      {m.app.loading}
    </p>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof GraphQlError || error instanceof ApiError) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{m.app.errorMessage(errorText(error))}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {m.app.retry}
        </button>
      )}
    </div>
  );
}

/** A message that appears after an action: polite for success, assertive for problems. */
export function Notice({ kind, children }: { kind: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Badge({ tone, children }: { tone: 'good' | 'bad' | 'neutral' | 'warn'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** Copies a text and says so; the text stays visible and selectable next to it. */
export function CopyButton({ text }: { text: string }) {
  const { m } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  };
  return (
    <>
      <button type="button" className="button" onClick={copy}>
        {m.organisations.copy}
      </button>
      <span role="status" className="copy-status">
        {copied ? m.organisations.copied : ''}
      </span>
    </>
  );
}

/** A table that scrolls sideways on a phone instead of breaking the page. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
