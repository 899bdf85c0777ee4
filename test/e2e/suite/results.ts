/** What a suite run reports back to the runner (written to $GONGWEN_E2E_RESULTS by index.ts). */
export interface RunResults {
  passed: number;
  failed: number;
  vscodeVersion: string;
  appHost: string;
  remoteName: string | undefined;
  language: string;
  failures: { test: string; error: string }[];
}
