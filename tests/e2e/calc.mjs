// LibreOffice Calc as the judge of a CSV file: it opens the file as an
// organiser's Calc would (UTF-8, comma separated, Calc's default import,
// which evaluates formulas), saves it as a flat OpenDocument spreadsheet
// (.fods), and this reads back each cell: its type, whether Calc made it a
// formula, and its text. Each call has its own profile and output folder.

import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export const SOFFICE = process.env.SOFFICE_BIN || 'soffice';

/** `text` with XML's entities and character references read. */
function unescape(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an XML fragment of a cell: paragraphs, spaces, tabs, breaks, entities. */
function cellText(xml) {
  const paragraphs = [...xml.matchAll(/<text:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map((m) => m[1] ?? '');
  return paragraphs
    .map((p) =>
      p
        .replace(/<text:s\s+text:c="(\d+)"\s*\/>/g, (_, n) => ' '.repeat(Number(n)))
        .replace(/<text:s\s*\/>/g, ' ')
        .replace(/<text:tab\s*\/>/g, '\t')
        .replace(/<text:line-break\s*\/>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    )
    .map(unescape)
    .join('\n');
}

/**
 * Opens `csv` in Calc and returns `{ formulas, cells }`: every cell Calc
 * made a formula (`row:column formula`), and the rows of cells, each
 * `{ type, formula, text }` (`type`: Calc's `office:value-type`, `string`
 * for text). Calc drops a TAB in a cell of several lines as it reads a CSV.
 */
export async function calcCells(csv, workDir) {
  const out = path.join(workDir, 'out');
  const profile = path.join(workDir, 'profile');
  await mkdir(out, { recursive: true });
  await promisify(execFile)(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', out, csv],
    { timeout: 120_000 },
  );
  const [name] = (await readdir(out)).filter((f) => f.endsWith('.fods'));
  if (!name) throw new Error(`Calc wrote no .fods for ${csv}`);
  const xml = await readFile(path.join(out, name), 'utf8');
  const table = xml.match(/<table:table\s[\s\S]*?<\/table:table>/)?.[0] ?? '';
  const formulas = [];
  const cells = [];
  for (const [row] of table.matchAll(/<table:table-row[\s\S]*?<\/table:table-row>/g)) {
    const cellsOfRow = [];
    for (const m of row.matchAll(/<table:(?:covered-)?table-cell((?:\s[^>]*?)?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      const attrs = m[1] ?? '';
      const repeat = Number(attrs.match(/table:number-columns-repeated="(\d+)"/)?.[1] ?? 1);
      const cell = {
        type: attrs.match(/office:value-type="([^"]+)"/)?.[1] ?? 'empty',
        formula: /table:formula=/.test(attrs),
        // Calc writes the whole text in `office:string-value` when its
        // paragraphs do not say it all (a line break, say).
        text: attrs.includes('office:string-value="')
          ? unescape(attrs.match(/office:string-value="([^"]*)"/)[1])
          : cellText(m[2] ?? ''),
      };
      if (cell.formula) formulas.push(`${cells.length + 1}:${cellsOfRow.length + 1} ${attrs.match(/table:formula="([^"]*)"/)?.[1]}`);
      for (let i = 0; i < Math.min(repeat, 1000); i++) cellsOfRow.push(cell);
    }
    cells.push(cellsOfRow);
  }
  if (cells.length === 0) throw new Error(`Calc's .fods of ${csv} has no rows`);
  return { formulas, cells };
}
