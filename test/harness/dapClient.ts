// A minimal Debug Adapter Protocol client over a child process's stdio, for tests that drive a real debug adapter
// (debugpy) without VS Code: requests with their responses, and waiting for events.
import { spawn, type ChildProcess } from 'node:child_process';

interface DapMessage {
  seq: number;
  type: 'request' | 'response' | 'event';
  command?: string;
  event?: string;
  request_seq?: number;
  success?: boolean;
  message?: string;
  body?: unknown;
}

export class DapClient {
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (b: unknown) => void; reject: (e: Error) => void }>();
  private readonly events: DapMessage[] = [];
  private readonly waiters: Array<{ name: string; resolve: (m: DapMessage) => void }> = [];

  constructor(command: string, args: string[]) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child.stdout?.on('data', (d: Buffer) => this.receive(d));
  }

  request(command: string, args: Record<string, unknown> = {}): Promise<unknown> {
    const seq = ++this.seq;
    const json = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.child.stdin?.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
    return new Promise((resolve, reject) => this.pending.set(seq, { resolve, reject }));
  }

  /** The next event of that name (one already received and not yet taken counts). */
  event(name: string, timeoutMs = 30_000): Promise<DapMessage> {
    const i = this.events.findIndex((e) => e.event === name);
    if (i >= 0) return Promise.resolve(this.events.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${name}" event after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        name,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString());
      if (!m) throw new Error('DAP header without Content-Length');
      const length = Number(m[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as DapMessage;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: DapMessage): void {
    if (msg.type === 'response' && msg.request_seq !== undefined) {
      const p = this.pending.get(msg.request_seq);
      this.pending.delete(msg.request_seq);
      if (!p) return;
      if (msg.success) p.resolve(msg.body);
      else p.reject(new Error(msg.message ?? `${msg.command} failed`));
    } else if (msg.type === 'event') {
      const w = this.waiters.findIndex((x) => x.name === msg.event);
      if (w >= 0) this.waiters.splice(w, 1)[0].resolve(msg);
      else this.events.push(msg);
    } else if (msg.type === 'request' && msg.command === 'runInTerminal') {
      // Not offered (no supportsRunInTerminalRequest): never asked.
    }
  }
}
