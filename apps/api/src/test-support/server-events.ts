/** One Server-Sent Event as a client reads it. */
export interface ServerEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/**
 * Reads a Server-Sent Events stream until the server closes it (or `signal`
 * aborts), calling `onEvent` for each event as it arrives, and returns them
 * all. Comment lines (keep-alives) are skipped.
 */
export async function readServerEvents(url: string, options: { signal?: AbortSignal; onEvent?: (event: ServerEvent) => void } = {}): Promise<{ status: number; contentType: string | null; events: ServerEvent[] }> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' }, ...(options.signal ? { signal: options.signal } : {}) });
  const events: ServerEvent[] = [];
  if (!response.ok || response.body === null) return { status: response.status, contentType: response.headers.get('content-type'), events };
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event = parseFrame(frame);
        if (event === undefined) continue;
        events.push(event);
        options.onEvent?.(event);
      }
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), events };
}

function parseFrame(frame: string): ServerEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? undefined : { event, id, data: data.join('\n') };
}
