// The page's connection to the relay: one WebSocket, reconnected with back-off (doubling, capped, with jitter), and
// at once when the network comes back or a sleeping tab wakes up.
/** Reconnect back-off: base, doubling, capped, with jitter. */
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 10_000;

export interface LinkEvents {
  open(ws: WebSocket): void;
  message(text: string): void;
  /** The connection is gone; 'now' to connect again at once, 'later' to wait for the back-off. */
  close(code: number): 'now' | 'later';
  /** The connection could not even be tried (a bad address, say). */
  failed(): void;
}

export class LiveLink {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: number | undefined;

  constructor(
    private readonly path: string,
    private readonly events: LinkEvents,
  ) {}

  /** The open connection, if there is one. */
  get socket(): WebSocket | null {
    return this.ws && this.ws.readyState === WebSocket.OPEN ? this.ws : null;
  }

  start(): void {
    // A phone that loses its network, or wakes a tab it had put to sleep, should not wait for the next retry.
    addEventListener('online', () => this.reconnectNow());
    addEventListener('offline', () => this.ws?.close());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
    this.connect();
  }

  private connect(): void {
    clearTimeout(this.retryTimer);
    const url = new URL(this.path, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '';
    url.hash = '';
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      this.events.failed();
      this.retryLater();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.events.open(ws);
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws || typeof event.data !== 'string') return;
      this.events.message(event.data);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.events.close(event.code) === 'now') this.connect();
      else this.retryLater();
    };
  }

  private retryLater(): void {
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  private reconnectNow(): void {
    if (this.ws) return;
    this.attempt = 0;
    this.connect();
  }
}
