/**
 * The wire between the client and the server, around vscode-jsonrpc's stream reader and writer (not a fork):
 * - FrameChecker checks each message header before the reader sees it. vscode-jsonrpc reports a missing or
 *   non-numeric Content-Length and carries on mid-stream, takes a negative one, and waits forever for a huge one or for
 *   a header that never ends: the server stays alive and deaf. A broken frame cannot be resynchronised, so the checker
 *   fails the stream (the caller exits with a message).
 * - The checker also passes one message at a time and holds the next while the output waits (a client that does not
 *   read): what is queued for the client stays near a high-water mark instead of growing without bound.
 * - refuseAfterShutdown answers a request that comes after `shutdown` with InvalidRequest, as LSP says.
 */
import { Transform, TransformCallback } from 'node:stream';
import { ErrorCodes, Message, MessageReader, MessageWriter, RequestMessage, ResponseMessage } from 'vscode-languageserver/node';

/** A header longer than this has no end. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** A message (its body) may have up to 256 MiB: a 64 MiB document, escaped, with room to spare. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

const CR = 13;
const LF = 10;

/** What ends the stream: the client's bytes are not framed as JSON-RPC over a stream says. */
export class BrokenStreamError extends Error {}

/**
 * @param hold called between messages: returns true (and calls `resume` later, once) when the next message must
 *   wait, false when it may go on at once.
 */
export class FrameChecker extends Transform {
  /** The header so far (bytes), and how far its blank line has been found (0–4: \r \n \r \n). */
  private header: Buffer[] = [];
  private headerLength = 0;
  private endState = 0;
  /** Bytes of the current message's body not yet passed. */
  private bodyLeft = 0;

  constructor(private readonly hold: (resume: () => void) => boolean) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.feed(chunk, 0, done);
  }

  private feed(chunk: Buffer, from: number, done: TransformCallback): void {
    let offset = from;
    try {
      while (offset < chunk.length) {
        if (this.bodyLeft > 0) {
          const n = Math.min(this.bodyLeft, chunk.length - offset);
          offset += n;
          this.bodyLeft -= n;
          if (this.bodyLeft === 0) {
            return this.between(chunk, from, offset, done);
          }
          continue;
        }
        const end = this.scanHeader(chunk, offset);
        if (end === undefined) {
          offset = chunk.length;
          break;
        }
        offset = end;
        if (this.bodyLeft === 0) {
          return this.between(chunk, from, offset, done); // Content-Length: 0
        }
      }
    } catch (e) {
      return done(e as Error);
    }
    this.push(chunk.subarray(from, offset));
    done();
  }

  /**
   * A message has been passed whole: go on with the rest of the chunk (or take the next chunk) on the next turn, or
   * once the output has drained.
   */
  private between(chunk: Buffer, from: number, offset: number, done: TransformCallback): void {
    this.push(chunk.subarray(from, offset));
    const next = offset === chunk.length ? () => done() : () => this.feed(chunk, offset, done);
    if (!this.hold(next)) {
      if (offset === chunk.length) {
        done();
      } else {
        setImmediate(next); // let the message be handled before the next one is let in
      }
    }
  }

  /** Reads header bytes from `offset`; at the blank line, checks the header and returns the offset after it. */
  private scanHeader(chunk: Buffer, offset: number): number | undefined {
    let i = offset;
    for (; i < chunk.length && this.endState < 4; i++) {
      const b = chunk[i];
      const s = this.endState; // as vscode-jsonrpc's tryReadHeaders counts
      this.endState = b === CR ? (s === 0 ? 1 : s === 2 ? 3 : 0) : b === LF ? (s === 1 ? 2 : s === 3 ? 4 : 0) : 0;
    }
    this.header.push(chunk.subarray(offset, i));
    this.headerLength += i - offset;
    if (this.headerLength > MAX_HEADER_BYTES) {
      throw new BrokenStreamError(`a header of more than ${MAX_HEADER_BYTES} bytes (no blank line ends it): ${excerpt(this.header)}`);
    }
    if (this.endState < 4) {
      return undefined;
    }
    this.bodyLeft = contentLength(Buffer.concat(this.header).toString('latin1'));
    this.header = [];
    this.headerLength = 0;
    this.endState = 0;
    return i;
  }
}

function excerpt(parts: Buffer[]): string {
  return JSON.stringify(Buffer.concat(parts).subarray(0, 200).toString('latin1'));
}

/** The Content-Length of a header (`Name: value` lines, each ended by \r\n, then \r\n), as vscode-jsonrpc reads it. */
function contentLength(header: string): number {
  const lines = header.split('\r\n').slice(0, -2);
  let length: string | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon === -1) {
      throw new BrokenStreamError(`a header line without a colon: ${JSON.stringify(line.slice(0, 200))}`);
    }
    if (line.slice(0, colon).toLowerCase() === 'content-length') {
      if (length !== undefined) {
        throw new BrokenStreamError(`Content-Length given twice: ${JSON.stringify(header.slice(0, 200))}`);
      }
      length = line.slice(colon + 1).trim();
    }
  }
  if (length === undefined) {
    throw new BrokenStreamError(`a header without Content-Length: ${JSON.stringify(header.slice(0, 200))}`);
  }
  if (!/^[0-9]+$/.test(length)) {
    throw new BrokenStreamError(`Content-Length is not a number of bytes: ${JSON.stringify(length.slice(0, 200))}`);
  }
  const n = Number(length);
  if (n > MAX_MESSAGE_BYTES) {
    throw new BrokenStreamError(`Content-Length ${length} is more than the ${MAX_MESSAGE_BYTES} bytes a message may have`);
  }
  return n;
}

/**
 * The reader, except that a request after `shutdown` is answered InvalidRequest through `writer` and not handled. The
 * connection sees `shutdown` itself, notifications and `exit` as before.
 */
export function refuseAfterShutdown(reader: MessageReader, writer: MessageWriter): MessageReader & { readonly shutdown: boolean } {
  let shutdown = false;
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    get shutdown() {
      return shutdown;
    },
    listen(callback) {
      return reader.listen((message: Message) => {
        const request = message as Partial<RequestMessage>;
        if (typeof request.method === 'string' && request.id !== undefined) {
          if (shutdown) {
            const refusal: ResponseMessage = {
              jsonrpc: '2.0',
              id: request.id,
              error: { code: ErrorCodes.InvalidRequest, message: `${request.method} after shutdown: the server takes no more requests` },
            };
            void writer.write(refusal).catch(() => undefined);
            return;
          }
          shutdown = request.method === 'shutdown';
        }
        callback(message);
      });
    },
  };
}
