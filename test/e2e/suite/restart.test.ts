// The language server comes back after it is killed (the client restarts it) and on gongwen.restartServer.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeUntitled,
  codesAt,
  openEditor,
  poll,
  serverPids,
  symbolsOf,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

/** Proves the server answers: a fresh untitled document gets its outline and its diagnostics. */
async function assertServing(): Promise<void> {
  const { document } = await openEditor(
    await vscode.workspace.openTextDocument({ language: 'plaintext', content: '一、甲方面\n\n内容。\n\n三、乙方面\n\n内容。\n' }),
  );
  assert.ok((await symbolsOf(document.uri)).length === 2);
  await waitForDiagnostics(document.uri, 'numbering.gap from the server', (ds) => codesAt(ds).join() === 'numbering.gap@5');
  await closeUntitled(document);
  assert.ok((await symbolsOf(workspaceUri('工作总结.txt'))).length > 0);
}

async function theServer(other?: number): Promise<number> {
  const [pid] = await poll(other ? `a new language server process (not ${other})` : 'the language server process', () => {
    const pids = serverPids();
    return pids.length === 1 && pids[0] !== other ? pids : undefined;
  });
  return pid;
}

describe('server restart', () => {
  before(async () => {
    await activateExtension();
    await openEditor(workspaceUri('工作总结.txt'));
    await symbolsOf(workspaceUri('工作总结.txt'));
  });

  it('the server is restarted after it is killed, and serves again', async () => {
    const pid = await theServer();
    process.kill(pid, 'SIGKILL');
    await theServer(pid);
    await assertServing();
  });

  it('gongwen.restartServer starts a new server that serves', async () => {
    const pid = await theServer();
    await vscode.commands.executeCommand('gongwen.restartServer');
    await theServer(pid);
    await assertServing();
  });
});
