-- Headless Neovim (0.7+) as a second LSP client for the standalone server.
--
--   ECS_SERVER=<repo>/dist/server.js ECS_FILE=<file.json> \
--     nvim --headless --clean -n -c 'luafile test/nvim/diagnostics.lua'
--
-- Opens ECS_FILE as filetype json, starts `node ECS_SERVER --stdio` with Neovim's built-in
-- client, waits for textDocument/publishDiagnostics for that file, then for the stream to go
-- quiet, and prints each diagnostic as one JSON line on stdout:
--   {"code":"fargate-cpu-memory","source":"ecs-taskdef","severity":1,"line":5,"col":3,...}
-- Positions are 1-based. Exit code 0 on success, 2 when no diagnostics came (with a reason
-- on stderr). Optional: ECS_NODE (node binary, default "node"), ECS_TIMEOUT_MS (default 20000),
-- ECS_QUIET_MS (how long the stream must be quiet, default 700).

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then return default end
  return v
end

local function fail(msg)
  io.stderr:write('nvim-lsp: ' .. msg .. '\n')
  io.stderr:flush()
  vim.cmd('cquit 2')
end

local server = env('ECS_SERVER', nil)
local file = env('ECS_FILE', nil)
if not server or not file then return fail('set ECS_SERVER and ECS_FILE') end
local node = env('ECS_NODE', 'node')
local timeout = tonumber(env('ECS_TIMEOUT_MS', '20000'))
local quiet = tonumber(env('ECS_QUIET_MS', '700'))

vim.lsp.set_log_level('ERROR')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'json'
local uri = vim.uri_from_bufnr(bufnr)

local received = nil   -- last diagnostics list for our uri
local last_at = 0      -- vim.loop.now() of the last publish
local exited = nil     -- exit code if the server died

local client_id = vim.lsp.start_client({
  name = 'ecsTaskdef',
  cmd = { node, server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      if result and result.uri == uri then
        received = result.diagnostics or {}
        last_at = vim.loop.now()
      end
    end,
  },
  on_exit = function(code) exited = code end,
})
if not client_id then return fail('could not start ' .. node .. ' ' .. server .. ' --stdio') end
if not vim.lsp.buf_attach_client(bufnr, client_id) then return fail('could not attach the client to the buffer') end

local ok = vim.wait(timeout, function()
  if exited ~= nil then return true end
  return received ~= nil and vim.loop.now() - last_at >= quiet
end, 50)

if exited ~= nil and received == nil then return fail('server exited with code ' .. tostring(exited) .. ' before publishing diagnostics') end
if not ok or received == nil then
  return fail('no textDocument/publishDiagnostics for ' .. uri .. ' within ' .. timeout .. ' ms')
end

for _, d in ipairs(received) do
  local line = vim.fn.json_encode({
    code = d.code ~= nil and tostring(d.code) or vim.NIL,
    source = d.source or vim.NIL,
    severity = d.severity or vim.NIL,
    message = d.message,
    line = d.range.start.line + 1,
    col = d.range.start.character + 1,
    endLine = d.range['end'].line + 1,
    endCol = d.range['end'].character + 1,
  })
  io.stdout:write(line .. '\n')
end
io.stdout:flush()

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return exited ~= nil end, 50)
vim.cmd('qall!')
