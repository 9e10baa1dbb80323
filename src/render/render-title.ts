// The title slide: the talk, the speaker and the event.
import type { TalkModel } from '../data/load-data.ts';
import { html } from '../html/escape.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../layout/slide.ts';
import { textVersionFile } from '../names/output-files.ts';
import { lowerFirst } from './words.ts';

export function renderTitle({ talk, people, words: w }: TalkModel): Slide[] {
  const hosts = people.invitedBy?.people.length ? w.list(people.invitedBy.people.map((p) => p.name)) : 'none';
  const role = lowerFirst(talk.speaker.role, w);
  const speaker = talk.speaker.name ? w.text('title.byline', { name: talk.speaker.name, role }) : talk.speaker.role;
  return [
    {
      id: 'title',
      title: talk.title,
      kind: 'title',
      weight: 0.6,
      body: html`<h1>${talk.title}</h1>
${talk.subtitle ? html`<p class="subtitle">${talk.subtitle}</p>` : ''}
<p class="byline">${speaker}</p>
<p class="event">${talk.event.kind}, ${talk.event.chapter}<br>${talk.event.organisation}</p>
<p class="text-link"><a href="${textVersionFile(talk)}">${w.text('title.textLink')}</a></p>`,
      notes: markdownBlock(w.text('title.notes', { role, title: talk.title, hosts })),
    },
  ];
}
