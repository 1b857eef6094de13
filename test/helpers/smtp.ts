import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it. */
export interface ReceivedMail {
  /** envelope recipients */
  to: string[];
  from: string;
  subject: string;
  /** the plain-text body, transfer encoding undone */
  text: string;
  headers: Map<string, string>;
  /** the parts of a multipart message that are attachments */
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface TestSmtpServer {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** resolves when at least `count` messages have arrived (fails after `timeoutMs`) */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port (or `port`, to start one again where another was), without TLS or
 * authentication, that keeps what it receives.
 */
export async function startSmtpServer({ port: wanted = 0 } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const parsed = parseMessage(Buffer.concat(chunks).toString('utf8'));
        messages.push({
          ...parsed,
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} emails, received ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Just enough of RFC 5322 and MIME for the messages the service sends: a plain-text body, or a multipart message
 * whose text part is the body and whose other parts are attachments.
 */
function parseMessage(raw: string): Omit<ReceivedMail, 'to' | 'from'> {
  const { headers, body } = splitPart(raw);
  const message = { subject: decodeEncodedWords(headers.get('subject') ?? ''), text: '', headers, attachments: [] as ReceivedMail['attachments'] };
  const parts = [{ headers, body }];
  while (parts.length) {
    const part = parts.shift()!;
    const type = part.headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (/^multipart\//i.test(type) && boundary) {
      const pieces = part.body.split(`--${boundary}`).slice(1, -1);
      parts.push(...pieces.map((piece) => splitPart(piece.replace(/^\r\n/, ''))));
      continue;
    }
    const content = decodeBody(part.body, part.headers.get('content-transfer-encoding'));
    const filename = /filename="?([^";]+)"?/i.exec(part.headers.get('content-disposition') ?? '')?.[1];
    if (filename) message.attachments.push({ filename, contentType: type.split(';')[0]!.trim(), content });
    else if (!message.text) message.text = content.toString('utf8').replace(/\r\n/g, '\n');
  }
  return message;
}

function splitPart(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding = '7bit'): Buffer {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable':
      return Buffer.from(decodeQuotedPrintable(body), 'utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    default:
      return Buffer.from(body, 'utf8');
  }
}

function decodeQuotedPrintable(body: string): string {
  const text = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** "=?UTF-8?Q?...?=" and "=?UTF-8?B?...?=" words in a header. */
function decodeEncodedWords(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}
