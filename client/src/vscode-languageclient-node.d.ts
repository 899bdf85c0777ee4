// tsconfig's moduleResolution "node" ignores package.json "exports", so the subpath 'vscode-languageclient/node'
// (exports-only in v10) has no types for tsc. Point it at the file its "exports" names; esbuild resolves the
// real module through "exports" as usual.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
