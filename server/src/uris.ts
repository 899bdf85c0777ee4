/**
 * Client-supplied URIs turned into paths and names. A client may send any string (a bare `%` in `100%.txt`, a
 * truncated escape, an escape of invalid UTF-8, no scheme at all): nothing here throws, and what cannot be decoded is
 * kept as written. Workspace folders and documents are compared decoded, so `%E4%B8%AD` and `中` are the same folder.
 */

/**
 * A URI cut into scheme (lower case), authority and path; query and fragment dropped. Anything else is all path; what
 * is not a string at all (a malformed message) is taken as its text.
 */
function split(uri: string): { scheme: string; authority: string; path: string } {
  const text = String(uri);
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/.exec(text);
  return m ? { scheme: m[1].toLowerCase(), authority: m[2] ?? '', path: m[3] } : { scheme: '', authority: '', path: text };
}

/** Decodes the `%XX` escapes that form valid UTF-8; every other `%` is kept as it is. */
export function decodeLenient(text: string): string {
  if (!text.includes('%')) {
    return text;
  }
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // escape by escape: a character is one to four escapes; an escape that starts none is kept
      const escapes = run.match(/%[0-9a-fA-F]{2}/g) ?? [];
      let out = '';
      for (let i = 0; i < escapes.length;) {
        let n = 1;
        for (; n <= 4 && i + n <= escapes.length; n++) {
          try {
            out += decodeURIComponent(escapes.slice(i, i + n).join(''));
            break;
          } catch {
            // not a whole character yet
          }
        }
        if (n > 4 || i + n > escapes.length) {
          out += escapes[i];
          n = 1;
        }
        i += n;
      }
      return out;
    }
  });
}

/** The decoded path of a URI (`file:///ws/100%.txt` → `/ws/100%.txt`), without a trailing slash. */
export function uriPath(uri: string): string {
  return decodeLenient(split(uri).path).replace(/(.)\/+$/, '$1');
}

/** The name of the file a URI points at: the last segment of its decoded path. */
export function uriName(uri: string): string {
  const path = uriPath(uri);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A file URI as a local path (`file:///c%3A/x` → `c:/x`); undefined for another scheme or a remote host. */
export function fileUriToPath(uri: string): string | undefined {
  const { scheme, authority, path } = split(uri);
  if (scheme !== 'file' || (authority !== '' && authority.toLowerCase() !== 'localhost')) {
    return undefined;
  }
  const decoded = decodeLenient(path);
  return /^\/[a-zA-Z]:/.test(decoded) ? decoded.slice(1) : decoded;
}

/** Scheme, authority and decoded path: equal for two spellings of the same location. */
function comparable(uri: string): string {
  const { scheme, authority } = split(uri);
  return `${scheme}://${decodeLenient(authority).toLowerCase()}${uriPath(uri)}`;
}

/**
 * The workspace folder a document is in (the innermost) and the document's path relative to it, decoded; without a
 * folder, the document's name.
 */
export function placeInWorkspace(folders: readonly string[], uri: string): { folder: string | undefined; path: string } {
  const document = comparable(uri);
  let best: { folder: string; length: number } | undefined;
  for (const folder of folders) {
    const prefix = comparable(folder).replace(/\/$/, '');
    if (document.startsWith(prefix + '/') && (best === undefined || prefix.length > best.length)) {
      best = { folder, length: prefix.length };
    }
  }
  return best !== undefined ? { folder: best.folder, path: document.slice(best.length + 1) } : { folder: undefined, path: uriName(uri) };
}
