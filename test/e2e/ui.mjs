// UI helpers on a VS Code workbench page (code-server in Chromium). Selectors are VS Code's
// own DOM classes; each helper waits for the element it needs and throws when it times out.
import fs from 'node:fs';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll fn until it returns a truthy value or the time is up. */
async function until(what, fn, timeoutMs, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await sleep(everyMs);
  }
}

/**
 * Read every marker row of the Problems panel (the tree is virtualised: scroll through it).
 * Returns [{ file, severity, message, source, code, line, col, label }] in panel order.
 */
export async function readProblemsPanel(page) {
  const rows = new Map();
  const list = page.locator('.markers-panel .monaco-list').first();
  await list.waitFor({ state: 'visible' });
  const box = await list.boundingBox();
  if (box) { // start at the top
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100_000);
    await sleep(150);
  }
  for (let i = 0; i < 200; i++) {
    const batch = await list.evaluate((el) => [...el.querySelectorAll('.monaco-list-row')].map((r) => ({
      index: Number(r.getAttribute('data-index')),
      level: Number(r.getAttribute('aria-level')),
      aria: r.getAttribute('aria-label') ?? '',
      file: r.querySelector('.file-icon .label-name, .monaco-icon-label .label-name')?.textContent ?? '',
      message: r.querySelector('.marker-message')?.textContent ?? '',
      source: r.querySelector('.marker-source')?.textContent ?? '',
      code: r.querySelector('.marker-code')?.textContent ?? '',
      pos: r.querySelector('.marker-line')?.textContent ?? '',
      severity: r.querySelector('.marker-icon')?.className ?? '',
    })));
    for (const b of batch) if (!rows.has(b.index)) rows.set(b.index, b);
    // The list only renders the rows in view: wheel down over it until the last row is in.
    const lastIndex = Math.max(...batch.map((b) => b.index));
    const atEnd = await list.evaluate((el) => [...el.querySelectorAll('.monaco-list-row')].some((r) => r.getAttribute('data-last-element') === 'true'));
    if (atEnd || batch.length === 0 || !box) break;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, Math.max(44, box.height * 0.8));
    await sleep(150);
    const after = await list.evaluate((el) => Math.max(...[...el.querySelectorAll('.monaco-list-row')].map((r) => Number(r.getAttribute('data-index')))));
    if (after <= lastIndex) break;
  }
  const out = [];
  let file = '';
  for (const r of [...rows.values()].sort((a, b) => a.index - b.index)) {
    if (r.level === 1 || (!r.message && r.file)) { file = r.file; continue; }
    const m = /\[Ln (\d+), Col (\d+)\]/.exec(r.pos) ?? /(\d+)\D+(\d+)/.exec(r.pos);
    const sev = /\b(error|warning|info)\b/.exec(r.severity);
    out.push({
      file, severity: sev ? sev[1] : '', message: r.message.trim(),
      source: r.source.trim(), code: r.code.replace(/^\(|\)$/g, '').trim(),
      line: m ? Number(m[1]) : 0, col: m ? Number(m[2]) : 0, label: r.aria,
    });
  }
  return out;
}

/**
 * Do `action`, wait a little for `locator` to show; repeat until the time is up. Language
 * features answer nothing while their server is still starting, and VS Code does not re-ask,
 * so a single key press can be lost.
 */
async function retryUntilVisible(what, action, locator, timeoutMs, everyMs = 2500) {
  const deadline = Date.now() + timeoutMs;
  for (let first = true; ; first = false) {
    // A widget that showed late must not get the repeated key: Ctrl+. on an open code action menu applies its
    // first action (seen under load: the quick fix ran before the test chose it).
    if (!first && (await locator.isVisible().catch(() => false))) return;
    await action(first);
    try {
      await locator.waitFor({ state: 'visible', timeout: Math.min(everyMs, Math.max(1, deadline - Date.now())) });
      return;
    } catch {
      if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
  }
}

export function ui(page, { timeoutMs, imagesDir }) {
  const kb = page.keyboard;
  const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();

  // Focus the editor's input element without moving the cursor. VS Code 1.139 types into a
  // div.native-edit-context (EditContext API); older builds use textarea.inputarea.
  const focusEditor = async () => {
    await editor().locator('.native-edit-context, textarea.inputarea').first().focus({ timeout: timeoutMs });
  };

  const api = {
    /**
     * Click a file in the Explorer (Ctrl+P is unreliable in code-server) and wait for its editor.
     * `name` may be a relative path ("dir/file.json"): folders on the way are expanded.
     */
    async openFileFromExplorer(name) {
      const view = page.locator('.explorer-folders-view');
      if (!(await view.isVisible())) await kb.press('Control+Shift+E');
      const parts = name.split('/');
      await view.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs });
      const top = Math.min(...(await view.locator('.monaco-list-row').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('aria-level'))))));
      for (let i = 0; i < parts.length; i++) {
        const exact = new RegExp(`^${parts[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const row = view.locator(`.monaco-list-row[aria-level="${top + i}"]`)
          .filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
        await row.waitFor({ state: 'visible', timeout: timeoutMs });
        const isLast = i === parts.length - 1;
        if (!isLast) {
          if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
          continue;
        }
        await row.click();
      }
      const base = parts[parts.length - 1];
      await page.locator(`.tabs-container .tab.active[aria-label^="${base}"]`).waitFor({ timeout: timeoutMs });
      await editor().locator('.view-lines').waitFor({ state: 'visible', timeout: timeoutMs });
      await focusEditor();
    },

    /** F2 at the cursor, type `newName` into the rename box and apply it (Enter). */
    async rename(newName) {
      const box = page.locator('input.rename-input').first();
      await retryUntilVisible('the rename box', async () => {
        await focusEditor();
        await kb.press('F2');
      }, box, timeoutMs);
      await box.fill(newName);
      await kb.press('Enter');
      await box.waitFor({ state: 'hidden', timeout: timeoutMs });
      await focusEditor();
    },

    /** Open (and focus) the Problems panel. */
    async openProblems() {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible())) await kb.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: timeoutMs });
    },

    /** Markers in the Problems panel, optionally waiting until `predicate(list)` holds. */
    async readProblems(predicate) {
      await api.openProblems();
      if (!predicate) return readProblemsPanel(page);
      return until('Problems panel content', async () => {
        const list = await readProblemsPanel(page);
        return predicate(list) ? list : null;
      }, timeoutMs, 500);
    },

    /** Put the cursor at 1-based line/col (Ctrl+G) and show the hover there (Ctrl+K Ctrl+I). */
    async hoverAt(line, col) {
      await api.gotoLine(line, col);
      await retryUntilVisible(`a hover at ${line}:${col}`, async () => {
        await focusEditor();
        await kb.press('Control+K');
        await kb.press('Control+I');
      }, page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first(), timeoutMs);
    },

    /** Text of the visible hover (all its parts, joined by blank lines). */
    async readHover() {
      const parts = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content .hover-row');
      await parts.first().waitFor({ state: 'visible', timeout: timeoutMs });
      return (await parts.allInnerTexts()).map((t) => t.trim()).filter(Boolean).join('\n\n');
    },

    async gotoLine(line, col = 1) {
      await focusEditor();
      await kb.press('Control+G');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      await input.fill(`:${line}:${col}`);
      await sleep(150);
      await kb.press('Enter');
      await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: timeoutMs });
    },

    /** Ctrl+. on the current cursor position; waits for the code action menu. */
    async triggerQuickFix() {
      await retryUntilVisible('the code action menu', async (first) => {
        await focusEditor();
        if (!first) await kb.press('Escape'); // closes a menu that opened since the check, without applying
        await kb.press('Control+.');
      }, page.locator('.action-widget .monaco-list-row').first(), timeoutMs);
    },

    /** Titles of the code actions in the open menu (group headers left out). */
    async readQuickFixMenu() {
      const rows = page.locator('.action-widget .monaco-list-row.action');
      await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
      return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    },

    async chooseQuickFix(title) {
      const row = page.locator('.action-widget .monaco-list-row.action').filter({ hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      await row.click();
      await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
    },

    /** Ctrl+Space at the cursor; waits for the suggest widget. */
    async triggerCompletion() {
      await retryUntilVisible('the completion list', async () => {
        await focusEditor();
        await kb.press('Control+Space');
      }, page.locator('.suggest-widget.visible .monaco-list-row').first(), timeoutMs);
    },

    /** Labels of the visible completion items. */
    async readCompletion() {
      const rows = page.locator('.suggest-widget.visible .monaco-list-row');
      await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
      return rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent ?? e.getAttribute('aria-label') ?? ''));
    },

    /** Run a command by its title through the F1 palette. */
    async runCommand(title) {
      await kb.press('F1');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      await input.fill(`>${title}`);
      const item = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
      await item.waitFor({ state: 'visible', timeout: timeoutMs });
      await item.click();
      await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
    },

    /**
     * Whole text of the active editor: select all, copy (execCommand: a synthetic Ctrl+C does
     * not copy in headless Chromium), read the clipboard. The selection is collapsed afterwards
     * (cursor at the end of the text).
     */
    async readEditorText() {
      await focusEditor();
      await page.evaluate(() => navigator.clipboard.writeText('\u0000'));
      await kb.press('Control+A');
      const text = await until('clipboard text after copy', async () => {
        const t = await page.evaluate(async () => { document.execCommand('copy'); return navigator.clipboard.readText(); });
        return t === '\u0000' ? null : { t };
      }, timeoutMs);
      await kb.press('Control+End');
      return text.t;
    },

    /** Wait until the active editor's text satisfies `predicate(text)`; returns the text. */
    async waitForEditorText(predicate, what = 'editor text to change') {
      let last = '';
      try {
        return await until(what, async () => { last = await api.readEditorText(); return predicate(last) ? last : null; }, timeoutMs, 300);
      } catch (err) {
        throw new Error(`${err.message}; last text:\n${last}`);
      }
    },

    /** Close the bottom panel (Problems, Output, …) so the editor gets the whole height. */
    async hidePanel() {
      const panel = page.locator('.part.panel');
      if (await panel.isVisible()) await kb.press('Control+J');
      await panel.waitFor({ state: 'hidden', timeout: timeoutMs });
    },

    /**
     * Pin a language status item (the `{}` entry of the status bar) so its text shows in the status bar itself.
     * Returns the status bar text.
     */
    async pinLanguageStatus(text) {
      const item = page.locator('.statusbar-item').filter({ hasText: text });
      if (await item.first().isVisible()) return (await item.first().innerText()).trim();
      await retryUntilVisible('the language status hover', async () => {
        await page.locator('[id="status.languageStatus"]').click();
      }, page.locator('.hover-language-status').filter({ hasText: text }).first(), timeoutMs);
      await page.locator('.hover-language-status').filter({ hasText: text }).first().locator('.codicon-pin').click();
      await kb.press('Escape');
      await item.first().waitFor({ state: 'visible', timeout: timeoutMs });
      return (await item.first().innerText()).trim();
    },

    /**
     * Drag the open hover's right and bottom edges until its whole content shows (VS Code opens a long hover
     * 250 px high with a scroll bar). Returns { fits, width, height }.
     */
    async growHoverToFit(extraWidth = 150) {
      const hover = page.locator('.monaco-resizable-hover .monaco-hover:not(.hidden)').first();
      await hover.waitFor({ state: 'visible', timeout: timeoutMs });
      const drag = async (selector, dx, dy) => {
        const b = await page.locator(selector).first().boundingBox();
        if (!b) throw new Error(`no ${selector} on the hover`);
        const x = b.x + b.width / 2;
        const y = b.y + b.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
        await page.mouse.move(x + dx, y + dy, { steps: 5 });
        await page.mouse.up();
        await sleep(300);
      };
      const measure = () => hover.evaluate((h) => {
        const content = h.querySelector('.monaco-hover-content');
        const r = h.getBoundingClientRect();
        return { width: Math.round(r.width), height: Math.round(r.height), missing: content.scrollHeight - content.clientHeight };
      });
      if (extraWidth) await drag('.monaco-resizable-hover .monaco-sash.vertical:not(.disabled)', extraWidth, 0);
      let m = await measure();
      for (let i = 0; i < 3 && m.missing > 0; i++) {
        await drag('.monaco-resizable-hover .monaco-sash.orthogonal-edge-south:not(.disabled)', 0, m.missing + 8);
        m = await measure();
      }
      return { fits: m.missing <= 0, width: m.width, height: m.height };
    },

    /** Fold the related-information rows the Problems panel opens under a problem, so each problem is one row. */
    async foldProblemDetails() {
      const open = page.locator('.markers-panel .monaco-list-row[aria-expanded="true"]:not([aria-level="1"]) .monaco-tl-twistie');
      for (let i = 0; i < 20 && (await open.count()) > 0; i++) {
        await open.first().click();
        await sleep(150);
      }
    },

    /**
     * Screenshot of the page (or of one locator) into the images folder as <name>.png; `maxHeight` keeps only the
     * top of the locator (no empty editor below the text).
     */
    async screenshot(name, locator, { maxHeight } = {}) {
      fs.mkdirSync(imagesDir, { recursive: true });
      const file = path.join(imagesDir, `${name}.png`);
      if (locator && maxHeight) {
        const b = await locator.boundingBox();
        await page.screenshot({ path: file, clip: { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, maxHeight) } });
      } else if (locator) await locator.screenshot({ path: file });
      else await page.screenshot({ path: file });
      return file;
    },
  };
  return api;
}
