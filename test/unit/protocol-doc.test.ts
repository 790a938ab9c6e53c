import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderProtocolDoc } from '../../scripts/protocol-doc.js';
import { COMMAND_NAMES, EVENT_NAMES } from '../../shared/index.js';

describe('docs/protocol.md', () => {
  it('is what the schemas generate (run npx tsx scripts/protocol-doc.ts after changing them)', () => {
    expect(fs.readFileSync('docs/protocol.md', 'utf8')).toBe(renderProtocolDoc());
  });
  it('documents every command and event', () => {
    const document = renderProtocolDoc();
    for (const name of [...COMMAND_NAMES, ...EVENT_NAMES]) expect(document).toContain(`### \`${name}\``);
  });
});
