// The options of npm run pdf and npm run pptx: what each asks for, and each mistake said before anything is done.
import { describe, expect, it } from 'vitest';
import { readOutputOptions } from '../../scripts/lib/output-command.ts';

describe('readOutputOptions', () => {
  it('reads where and whether to build, both ways of giving a value, and the command\'s own switches', () => {
    expect(readOutputOptions(['--no-build', '--dist', 'site', '--out=pdfs', '--a4'], ['a4', 'letter'])).toEqual({
      help: false,
      buildMode: 'never',
      dist: 'site',
      out: 'pdfs',
      flags: new Set(['a4']),
    });
    expect(readOutputOptions([])).toEqual({ help: false, buildMode: 'auto', dist: undefined, out: undefined, flags: new Set() });
    expect(readOutputOptions(['--build'])).toMatchObject({ buildMode: 'always' });
    expect(readOutputOptions(['-h'])).toEqual({ help: true });
  });

  it('says each mistake: an unknown option, a missing folder, opposites, a value on a switch, a stray word', () => {
    const cases: [string[], string][] = [
      [['--a3'], 'unknown option "--a3"'],
      [['--dist', '--no-build'], '--dist needs a folder or file after it'],
      [['--out'], '--out needs a folder or file after it'],
      [['--build', '--no-build'], '--build and --no-build ask for opposite things: give one of them'],
      [['--no-build=yes'], '--no-build takes no value'],
      [['talk.pptx'], '"talk.pptx" is not an option'],
    ];
    for (const [args, mistake] of cases) expect(readOutputOptions(args), args.join(' ')).toEqual({ mistake });
    // A folder really named with a dash is written with "=".
    expect(readOutputOptions(['--dist=-odd'])).toMatchObject({ dist: '-odd' });
  });
});
