/**
 * Reading a file named by a setting or found in a store folder, safely: only a regular file is read
 * (a named pipe would block the server forever, a device such as /dev/zero never ends), and never
 * more than a byte limit, even when the file grows between the size check and the read.
 */
import * as fs from 'fs';

/** The bytes of a file, or why it was not read. */
export type RegularFileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'not-a-file' }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'unreadable'; code: string };

/** Opening without blocking: a pipe swapped in after the check must not hang the open (POSIX only). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

const CHUNK = 64 * 1024;

/**
 * Reads a regular file of at most `maxBytes` bytes (symbolic links are followed). Never throws and
 * never blocks on a pipe or a device: those are `not-a-file`.
 */
export function readRegularFile(file: string, maxBytes: number): RegularFileRead {
  let fd: number | undefined;
  try {
    const before = fs.statSync(file);
    if (!before.isFile()) return { ok: false, reason: 'not-a-file' };
    if (before.size > maxBytes) return { ok: false, reason: 'too-large', size: before.size };
    fd = fs.openSync(file, OPEN_FLAGS);
    // The path may have been replaced between the check and the open: check what was opened.
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { ok: false, reason: 'not-a-file' };
    return readAtMost(fd, maxBytes);
  } catch (e) {
    return { ok: false, reason: 'unreadable', code: errorCode(e) };
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Reads to the end, or stops one byte past the limit (the file grew): then `too-large`. */
function readAtMost(fd: number, maxBytes: number): RegularFileRead {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - total));
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) return { ok: false, reason: 'too-large', size: total };
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

function errorCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.message : String(e);
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Nothing useful to do: the file was read (or not) already.
  }
}
