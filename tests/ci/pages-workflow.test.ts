// The GitHub Pages workflow (issue 15, item 6): the job that runs `npm ci` (third-party install scripts) can read
// the code and nothing more; only the deploy job may publish; every action is pinned to a commit, not a tag.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
}
const file = resolve(import.meta.dirname, '../../.github/workflows/pages.yml');
const text = readFileSync(file, 'utf8');
const workflow = parse(text) as { permissions?: unknown; jobs: Record<string, Job> };

describe('the Pages workflow', () => {
  it('grants nothing to the whole workflow', () => {
    expect(workflow.permissions).toEqual({});
  });

  it('gives the job that installs packages read access to the code only', () => {
    const installing = Object.entries(workflow.jobs).filter(([, job]) => job.steps.some((s) => /\bnpm (ci|install)\b/.test(s.run ?? '')));
    expect(installing.map(([name]) => name)).toEqual(['build']);
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read' });
    const checkout = workflow.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
  });

  it('gives the Pages rights to the deploy job alone, which runs no commands', () => {
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.deploy!.steps.filter((s) => s.run)).toEqual([]);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (name !== 'deploy') expect(Object.keys(job.permissions ?? {}), name).not.toContain('pages');
    }
  });

  it('pins every action to a full commit SHA, with the release named beside it', () => {
    const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBe(5);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });
});
