/** A small glob matcher for profile associations: `**`, `*`, `?`; a glob without `/` matches the file name. */
const cache = new Map<string, RegExp>();

function compile(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp('^' + re + '$');
}

export function matchGlob(glob: string, path: string): boolean {
  const target = glob.includes('/') ? path.replace(/^\/+/, '') : path.slice(path.lastIndexOf('/') + 1);
  let re = cache.get(glob);
  if (re === undefined) {
    re = compile(glob.replace(/^\/+/, ''));
    if (cache.size > 500) {
      cache.clear();
    }
    cache.set(glob, re);
  }
  return re.test(target);
}
