// The messages Boucle wrote to its mail folder (run.sh sets no SMTP server, so the
// server writes each message as an .eml file in MAIL_DIR).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAIL_DIR = process.env.MAIL_DIR ?? '';

/** Decodes a quoted-printable body: soft line breaks and =XX bytes (UTF-8). */
function quotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

function read(file) {
  const raw = readFileSync(join(MAIL_DIR, file), 'utf8');
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const to = (headers.match(/^To: (.*)$/m) ?? [])[1]?.trim() ?? '';
  return { to, body: quotedPrintable(raw.slice(split + 4)) };
}

/**
 * Waits up to ten seconds for a message to `to` whose body holds `pattern`, written at
 * or after `since` (ms since the epoch); returns its body.
 */
export async function waitForMail(to, pattern, since = 0) {
  for (let attempt = 0; attempt < 100; attempt++) {
    let files = [];
    try {
      // Newest first: the same person may have asked more than once.
      files = readdirSync(MAIL_DIR)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => ({ f, at: statSync(join(MAIL_DIR, f)).mtimeMs }))
        .filter(({ at }) => at >= since - 1000)
        .sort((a, b) => b.at - a.at)
        .map(({ f }) => f);
    } catch { /* not created yet */ }
    const found = files.map(read).find((m) => m.to === to && pattern.test(m.body));
    if (found) return found.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no message to ${to} matching ${pattern} in ${MAIL_DIR}`);
}
