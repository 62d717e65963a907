import type { AlertEvent, AlertSink } from './alert.js';

/**
 * Options of {@link createWebhookAlertSink}.
 *
 * @example
 * ```ts
 * const options: WebhookAlertSinkOptions = { url: 'https://hooks.example.com/alerts', headers: { authorization: `Bearer ${token}` }, timeoutMs: 3000 };
 * ```
 */
export interface WebhookAlertSinkOptions {
  url: string | URL;
  /** Extra request headers (authorization...). */
  headers?: Readonly<Record<string, string>>;
  /** Give up after this long. Default 5 000 ms. */
  timeoutMs?: number;
  /** Default `webhook`. */
  name?: string;
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
}

/**
 * A sink that POSTs each alert event as JSON (`{ type, alert }`) to a URL.
 * A non-2xx answer, a refused connection or a timeout rejects, which the
 * {@link AlertMonitor} records as a sink failure; the job goes on.
 *
 * @example
 * ```ts
 * const monitor = new AlertMonitor({ rules, sinks: [createWebhookAlertSink({ url: process.env.ALERT_WEBHOOK! })] });
 * ```
 */
export function createWebhookAlertSink(options: WebhookAlertSinkOptions): AlertSink {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const send = options.fetch ?? fetch;
  const url = String(options.url);
  return {
    name: options.name ?? 'webhook',
    async send(event: AlertEvent) {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Read the body so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
    },
  };
}
