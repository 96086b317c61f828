-- Drives Neovim's own LSP client against `claimcheck lsp`, headless, as a
-- user would: open an article, see its diagnostics (one of them from another
-- article of the workspace), apply the quick fix, edit a fact in the rules
-- folder on disk, see the diagnostics change, quit. Run by
-- scripts/nvim-lsp-test.sh, which makes the workspace; the client is set up
-- exactly as README.md shows (vim.lsp.config + vim.lsp.enable on Neovim
-- 0.11+, vim.lsp.start_client + vim.lsp.buf_attach_client before).
-- Prints one PASS or FAIL line per step; exits 0 only if every step passed.

local ws = assert(os.getenv('CLAIMCHECK_WS'), 'CLAIMCHECK_WS: the workspace')
local server = assert(os.getenv('CLAIMCHECK_SERVER'), 'CLAIMCHECK_SERVER: the binary')
local failures = 0
local exit_code = nil

local function say(text)
  io.stdout:write(text .. '\n')
  io.stdout:flush()
end

local function step(name, ok, detail)
  say((ok and 'PASS ' or 'FAIL ') .. name .. (detail and detail ~= '' and (': ' .. detail) or ''))
  if not ok then
    failures = failures + 1
  end
  return ok
end

local function finish()
  say(failures == 0 and 'all steps passed' or (failures .. ' step(s) failed'))
  os.exit(failures == 0 and 0 or 1)
end

local v = vim.version()
say(string.format('Neovim %d.%d.%d', v.major, v.minor, v.patch))
vim.cmd('filetype on')

-- The set-up of README.md, with the binary under test.
if vim.lsp.config and vim.lsp.enable then
  vim.lsp.config('claimcheck', {
    cmd = { server, 'lsp' },
    filetypes = { 'markdown', 'text' },
    root_markers = { 'claimcheck.toml', 'rules', '.git' },
    on_exit = function(code)
      exit_code = code
    end,
  })
  vim.lsp.enable('claimcheck')
  say('client: vim.lsp.config + vim.lsp.enable')
else
  local client_id = nil
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'markdown', 'text' },
    callback = function(args)
      client_id = client_id or vim.lsp.start_client({
        name = 'claimcheck',
        cmd = { server, 'lsp' },
        root_dir = vim.fn.getcwd(),
        on_exit = function(code)
          exit_code = code
        end,
      })
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })
  say('client: vim.lsp.start_client + vim.lsp.buf_attach_client')
end

local function clients(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  local out = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(out, c)
  end
  return out
end

local function code_of(d)
  local lsp = d.user_data and d.user_data.lsp or {}
  return d.code or lsp.code
end

local function find(buf, wanted)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if wanted(d) then
      return d
    end
  end
  return nil
end

local function wait_for(buf, ms, wanted)
  local found = nil
  vim.wait(ms, function()
    found = find(buf, wanted)
    return found ~= nil
  end, 50)
  return found
end

local function summary(buf)
  local parts = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(parts, string.format('%s@%d:%d', tostring(code_of(d)), d.lnum, d.col))
  end
  return table.concat(parts, ' ')
end

-- 1. Open an article.
vim.cmd('edit ' .. ws .. '/news/b.md')
local buf = vim.api.nvim_get_current_buf()
step('the article opens as markdown', vim.bo[buf].filetype == 'markdown', vim.bo[buf].filetype)
vim.wait(10000, function()
  return #clients(buf) > 0
end, 50)
local client = clients(buf)[1]
if not step('the client attaches to it', client ~= nil) then
  finish()
end

-- 2. Diagnostics arrive, at the right column.
local line = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
local variant = wait_for(buf, 15000, function(d)
  return code_of(d) == 'N001' and d.message:find('Amélie Roux', 1, true) ~= nil
end)
if step('diagnostics arrive: name-variant on `Amelie Roux`', variant ~= nil, summary(buf)) then
  local col = line:find('Amelie', 1, true) - 1
  step('at its line and byte column', variant.lnum == 4 and variant.col == col,
    string.format('%d:%d, expected 4:%d', variant.lnum, variant.col, col))
end

-- 3. A finding from the other article of the workspace (read in the background).
local conflict = wait_for(buf, 30000, function(d)
  return code_of(d) == 'M004'
end)
if step('cross-source-conflict with news/a.md (not open)', conflict ~= nil, summary(buf)) then
  local related = conflict.user_data.lsp.relatedInformation or {}
  local uri = related[1] and related[1].location.uri or ''
  step('its related information points at news/a.md', uri:sub(-#'/news/a.md') == '/news/a.md', uri)
end

-- 4. Apply the quick fix.
if variant then
  local lsp = vim.deepcopy(variant.user_data.lsp)
  -- Neovim 0.7 keeps no range in user_data: it is made from the diagnostic's
  -- byte columns, in the client's position encoding.
  local encoding = client.offset_encoding or 'utf-16'
  local function position(row, col)
    return { line = row, character = vim.lsp.util.character_offset(buf, row, col, encoding) }
  end
  lsp.range = lsp.range or {
    start = position(variant.lnum, variant.col),
    ['end'] = position(variant.end_lnum, variant.end_col),
  }
  lsp.message = lsp.message or variant.message
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp.range,
    context = { diagnostics = { lsp } },
  }
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}
  local fix = nil
  for _, reply in pairs(replies) do
    for _, action in ipairs(reply.result or {}) do
      if action.title:find('Replace', 1, true) == 1 then
        fix = action
      end
    end
  end
  if step('the quick fix is offered', fix ~= nil, fix and fix.title or '') then
    vim.lsp.util.apply_workspace_edit(fix.edit, encoding)
    local fixed = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
    step('applied, the text reads `Amélie Roux`', fixed:find('led by Amélie Roux,', 1, true) ~= nil, fixed)
    vim.wait(10000, function()
      return find(buf, function(d)
        return code_of(d) == 'N001'
      end) == nil
    end, 50)
    step('its diagnostic goes', find(buf, function(d)
      return code_of(d) == 'N001'
    end) == nil, summary(buf))
  end
end

-- 5. Edit a fact in the rules folder, on disk, behind the editor's back.
local entities = io.open(ws .. '/rules/entities.yaml', 'a')
entities:write('  - id: globex\n    kind: org\n    name: Globex Corporation\n')
entities:close()
local misspelt = wait_for(buf, 15000, function(d)
  return code_of(d) == 'N001' and d.message:find('Globex Corporation', 1, true) ~= nil
end)
step('the diagnostics change: the new fact shows `Globex Corporaton` misspelt', misspelt ~= nil, summary(buf))

-- 6. A clean ending: shutdown, exit, status 0.
vim.lsp.stop_client(client.id)
vim.wait(10000, function()
  return exit_code ~= nil
end, 50)
step('the server ends with status 0', exit_code == 0, tostring(exit_code))
finish()
