/**
 * Reading a file of the corpus folder without ever leaving it or hanging: the name is resolved with
 * realpath and must land inside the folder on a regular, non-hidden file; the file is opened
 * non-blocking (a FIFO that slipped in between the checks cannot block the open) and checked again on
 * the opened descriptor, and at most `maxBytes` are read, so a link to /dev/zero, a named pipe, a
 * socket, the bot's own `.env` or a file outside the folder is refused with a reason instead.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, isAbsolute, join, relative } from "node:path";

/** The bytes of `name` in the folder `realDir` (itself already resolved with realpath), or why not. */
export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** The folder's real path, once per load (symbolic links in the folder's own path are fine). */
export function realFolder(dir: string): string {
  return realpathSync(dir);
}

/** Files whose names start with a dot (`.env`, editor swap files) are never read, even through a link. */
export function isHidden(name: string): boolean {
  return name.startsWith(".");
}

export function readInside(realDir: string, name: string, maxBytes: number): ReadResult {
  const refuse = (reason: string): ReadResult => ({ ok: false, reason });
  let target: string;
  try {
    target = realpathSync(join(realDir, name));
  } catch (error) {
    return refuse(describeError(error));
  }
  const inside = relative(realDir, target);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return refuse("a link to something outside the corpus folder; it is not read");
  if (inside.split(/[\\/]/).some(isHidden) || isHidden(basename(target))) return refuse("a link to a hidden file; it is not read");
  try {
    const kind = notRegular(statSync(target));
    if (kind) return refuse(kind);
    return readCapped(target, maxBytes);
  } catch (error) {
    return refuse(describeError(error));
  }
}

/** Opens without blocking and without following a link swapped in since realpath, then checks what was opened. */
function readCapped(path: string, maxBytes: number): ReadResult {
  // O_NONBLOCK and O_NOFOLLOW do not exist on Windows, where FIFOs cannot be files of a folder anyway.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    const stat = fstatSync(fd);
    const kind = notRegular(stat);
    if (kind) return { ok: false, reason: kind };
    if (stat.size > maxBytes) return { ok: false, reason: tooLarge(stat.size, maxBytes) };
    // Read one byte past the cap, so a file that grew since fstat is refused rather than cut.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { ok: false, reason: tooLarge(length, maxBytes) };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

function notRegular(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return "not a regular file: a folder (subfolders are not read)";
  if (stat.isFIFO()) return "not a regular file: a named pipe (FIFO)";
  if (stat.isSocket()) return "not a regular file: a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "not a regular file: a device";
  return "not a regular file";
}

function tooLarge(size: number, maxBytes: number): string {
  return `too large (${(size / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB)`;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "a symbolic link that loops";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  if (code === "ENOENT") return "a broken symbolic link";
  return `cannot be read (${code ?? (error as Error).message})`;
}
