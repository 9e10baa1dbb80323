// The title slide: the talk, the speaker and the event.
import type { TalkModel } from '../data/load-data.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../slides/slide.ts';
import { textVersionFile } from './files.ts';

export function renderTitle({ talk, people }: TalkModel): Slide[] {
  const hosts = people.invitedBy.people.map((p) => p.name).join(' and ');
  const speaker = talk.speaker.name ? `${talk.speaker.name}, ${talk.speaker.role.toLowerCase()}` : talk.speaker.role;
  return [
    {
      id: 'title',
      title: talk.title,
      kind: 'title',
      weight: 0.6,
      body: raw(html`<h1>${talk.title}</h1>
${talk.subtitle ? html`<p class="subtitle">${talk.subtitle}</p>` : ''}
<p class="byline">${speaker}</p>
<p class="event">${talk.event.kind}, ${talk.event.chapter}<br>${talk.event.organisation}</p>
<p class="text-link"><a href="${textVersionFile(talk)}">Text version of this talk</a></p>`),
      notes: markdownBlock(
        `Welcome, and thank you for having me. I am a ${talk.speaker.role.toLowerCase()}, and today's topic is ${talk.title.toLowerCase()}. ` +
          `Thank you to ${hosts} for the invitation. If you are listening by phone, I will say each slide number as we go, ` +
          `and there is a text version of this talk you can read with a screen reader.`,
      ),
    },
  ];
}
