#!/usr/bin/env node
'use strict';
// `gongwen-outline check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 2));
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    // exit once stdout is flushed, without waiting for a file read given up at its deadline (it may never return)
    process.stdout.write('', () => process.exit(code));
  });
