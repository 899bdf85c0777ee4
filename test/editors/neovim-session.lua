-- A headless Neovim session against gongwen-language-server (Neovim 0.7 and later).
-- Run by test/lsp/editors.test.ts: nvim --headless -u NONE -i NONE -c 'luafile neovim-session.lua'
-- Environment: GONGWEN_SERVER, GONGWEN_FIXTURE, GONGWEN_OUT. Starts the client as the README does (vim.lsp.start
-- on 0.8+, start_client + buf_attach_client on 0.7), waits with a deadline for the diagnostics, asks for the
-- document symbols, the completion at the empty last line and runs one section command (gongwen.section.moveUp on
-- the second top-level heading: the server's workspace/applyEdit is applied by Neovim's own handler), and writes
-- what it got as JSON.
local function write(value)
  local f = assert(io.open(os.getenv('GONGWEN_OUT'), 'w'))
  f:write(vim.fn.json_encode(value))
  f:close()
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('GONGWEN_FIXTURE')))
  local buf = vim.api.nvim_get_current_buf()
  local config = {
    name = 'gongwen',
    cmd = { 'node', os.getenv('GONGWEN_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(os.getenv('GONGWEN_FIXTURE'), ':h'),
  }
  if vim.lsp.start then
    vim.lsp.start(config)
  else
    vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
  end
  local arrived = vim.wait(60000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 100)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(diagnostics, { line = d.lnum + 1, text = d.message, code = d.code })
  end
  local response = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol',
    { textDocument = vim.lsp.util.make_text_document_params() }, 60000)
  local symbols = {}
  for _, r in pairs(response or {}) do
    for _, s in ipairs(r.result or {}) do
      table.insert(symbols, s.name)
    end
  end
  local position = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = 5, character = 0 } }
  local completion = {}
  for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/completion', position, 60000) or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    table.sort(items, function(a, b)
      return (a.sortText or a.label) < (b.sortText or b.label)
    end)
    for _, item in ipairs(items) do
      table.insert(completion, item.label)
    end
  end
  local command = { command = 'gongwen.section.moveUp', arguments = { { uri = vim.uri_from_bufnr(buf), line = 3 } } }
  local executed = {}
  for _, r in pairs(vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', command, 60000) or {}) do
    executed = r.result or { error = r.err and r.err.message }
  end
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  write({
    arrived = arrived,
    diagnostics = diagnostics,
    symbols = symbols,
    completion = completion,
    executed = executed,
    lines = lines,
  })
end)
if not ok then
  write({ error = tostring(err) })
end
vim.cmd('qall!')
