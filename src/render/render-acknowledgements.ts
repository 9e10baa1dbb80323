// Thanks: who invited the talk, the "team", and the named helpers and book.
import type { TalkModel } from '../data/load-data.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import type { Slide } from '../slides/slide.ts';

export function renderAcknowledgements({ people }: TalkModel): Slide[] {
  const hosts = people.invitedBy.people.map((p) => p.name).join(' and ');
  const book = people.book;
  const author = book && people.helpers.find((h) => h.id === book.author);
  const named = (p: (typeof people.helpers)[number]) => (p.credential ? `${p.name}, ${p.credential}` : p.name);
  return [
    {
      id: 'thanks',
      title: 'Thank you',
      kind: 'thanks',
      weight: 1,
      body: raw(html`<h2>Thank you</h2>
<ul>
<li><strong>${hosts}</strong>, ${people.invitedBy.organisation}, for inviting me.</li>
<li>My <strong>“team”</strong>: ${markdownInline(people.team.summary.charAt(0).toLowerCase() + people.team.summary.slice(1))}</li>
</ul>`),
      notes: markdownBlock(
        `First, thank you to ${hosts} of the ${people.invitedBy.organisation}, who asked me to speak. ` +
          `And a special thanks to my "team": ${people.team.summary.charAt(0).toLowerCase() + people.team.summary.slice(1)} ` +
          `When I asked in a few forums, they ${people.team.didWhat.join('; ')}.`,
      ),
    },
    {
      id: 'special-thanks',
      title: 'Special thanks',
      kind: 'thanks',
      weight: 1,
      body: raw(html`<h2>Special thanks</h2>
<ul>
${people.helpers.map(
  (h) => html`<li><strong>${named(h)}</strong>${h.about ? html`, ${h.about},` : ''} for ${markdownInline(h.thanksFor ?? 'help')}${
    book && author && h.id === author.id ? html`: <cite>${book.titles.join('; ')}</cite>` : ''
  }.</li>`,
)}
</ul>`),
      notes: markdownBlock(
        people.helpers
          .map((h) => `Thank you to ${named(h)}${h.about ? `, who is ${h.about},` : ''} for ${h.thanksFor ?? 'help'}.`)
          .join(' ') +
          (book ? ` The book is *${book.titles.join('; ')}*.` : '') +
          (people.groups.length
            ? ` You can read the discussions yourself in ${groupsPhrase(people.groups)}: ${people.groups.map((g) => g.name).join(', and ')}.`
            : ''),
      ),
    },
  ];
}

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

/** "two Facebook pages", "one Slack group and one Facebook page": each called what its source calls it. */
function groupsPhrase(groups: { platform: string; kind: string }[]): string {
  const byPlatform = new Map<string, number>();
  for (const g of groups) byPlatform.set(`${g.platform} ${g.kind}`, (byPlatform.get(`${g.platform} ${g.kind}`) ?? 0) + 1);
  return [...byPlatform]
    .map(([place, n]) => `${NUMBERS[n] ?? n} ${place}${n === 1 ? '' : 's'}`)
    .join(' and ');
}
