/**
 * A small glob matcher for profile associations: `**`, `*`, `?`; a glob without `/` matches the file name. Globs
 * come from settings and workspace files, so matching must not backtrack: the glob is read as a list of tokens and
 * the path is run through all of them at once (a set of positions in the glob, as in a Thompson NFA), which costs
 * the length of the glob times the length of the path at most, whatever the glob.
 */

type Token =
  | { readonly kind: 'char'; readonly char: string } // a literal character
  | { readonly kind: 'one' } // `?`: one character other than `/`
  | { readonly kind: 'star' } // `*`: any run of characters other than `/`
  | { readonly kind: 'any' } // `**` not followed by `/`: any run of characters
  | { readonly kind: 'dirs' }; // `**/`: zero or more whole folders (`a/`, `a/b/`)

const cache = new Map<string, readonly Token[]>();

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        tokens.push({ kind: 'dirs' });
        i += 2;
      } else {
        tokens.push({ kind: 'any' });
        i += 1;
      }
    } else if (c === '*') {
      tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}

/**
 * States: 2·k is "about to read token k" (2·n is the end), 2·k+1 is "inside a folder name read by the folders
 * token k" (it must read on to a `/` before it may leave).
 */
function run(tokens: readonly Token[], target: string): boolean {
  const n = tokens.length;
  let current = new Uint8Array(2 * n + 2);
  let next = new Uint8Array(2 * n + 2);
  const add = (set: Uint8Array, state: number): void => {
    // the closure over tokens that may match nothing
    for (let s = state; ; s += 2) {
      if (set[s] === 1) {
        return;
      }
      set[s] = 1;
      const k = s / 2;
      if (s % 2 === 1 || k >= n || tokens[k].kind === 'char' || tokens[k].kind === 'one') {
        return;
      }
    }
  };
  add(current, 0);
  for (let i = 0; i < target.length; i++) {
    const ch = target[i];
    next.fill(0);
    let alive = false;
    for (let s = 0; s < current.length; s++) {
      if (current[s] === 0) {
        continue;
      }
      const k = s >> 1;
      if (s % 2 === 1) {
        add(next, ch === '/' ? 2 * k : s);
        alive = true;
        continue;
      }
      if (k >= n) {
        continue;
      }
      const token = tokens[k];
      switch (token.kind) {
        case 'char':
          if (ch === token.char) {
            add(next, s + 2);
            alive = true;
          }
          break;
        case 'one':
          if (ch !== '/') {
            add(next, s + 2);
            alive = true;
          }
          break;
        case 'star':
          if (ch !== '/') {
            add(next, s);
            alive = true;
          }
          break;
        case 'any':
          add(next, s);
          alive = true;
          break;
        case 'dirs':
          add(next, ch === '/' ? s : s + 1);
          alive = true;
          break;
      }
    }
    if (!alive) {
      return false;
    }
    [current, next] = [next, current];
  }
  return current[2 * n] === 1;
}

export function matchGlob(glob: string, path: string): boolean {
  const target = glob.includes('/') ? path.replace(/^\/+/, '') : path.slice(path.lastIndexOf('/') + 1);
  let tokens = cache.get(glob);
  if (tokens === undefined) {
    tokens = tokenize(glob.replace(/^\/+/, ''));
    if (cache.size > 500) {
      cache.clear();
    }
    cache.set(glob, tokens);
  }
  return run(tokens, target);
}
