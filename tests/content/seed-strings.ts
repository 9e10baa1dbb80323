// What the source text says, held here so the tests need no copy of it: figures, names,
// credentials and quotes that must reach the built deck exactly.

export const FIGURES = [
  'mean change 2.75 points, P = 0.001',
  'mean change 3.69 seconds, P = 0.009',
  'mean change 7.84 seconds, P = 0.007',
  'mean change 1.67 points, P = 0.001',
  'Twenty-four adults with multiple sclerosis',
  '45-minute massages twice a week for 5 weeks',
  'after 4 weeks of treatment',
  'endured 4 weeks after the end of the treatment series',
  'eight week follow up',
  'Twelve randomized controlled trials',
  'nutritional therapy (4), massage (1), Feldenkrais bodywork (1), reflexology (1), magnetic field therapy (2), neural therapy (1) and psychological counselling (2)',
  'some benefit of nutritional therapy for the physical symptoms of MS',
  'magnetic field therapy and neural therapy appear to have a short-term beneficial effect',
  'the effectiveness for other CATs is unproven at this time',
  'Massage/bodywork and psychological counselling seem to improve depression, anxiety and self-esteem',
  'The evidence is not compelling for any of these therapies',
  '3 to 7 days',
  '3-9 days',
  'over 100h of experience',
];

export const FROM_REFERENCES = [
  '48 patients in four equal groups',
  '24 people with MS',
  'EDSS',
  '30 people with MS and constipation',
  'P = 0.003',
  'doi:10.1177/0269215513491586',
  'PMID 23828184',
  'doi:10.1016/S1360-8592(98)80009-0',
  'doi:10.1177/1352458510384899',
  'PMID 20940182',
  'Clinical Rehabilitation',
  'Evidence-Based Complementary and Alternative Medicine',
  'Journal of Bodywork and Movement Therapies',
  'Complementary Therapies in Medicine',
  'Multiple Sclerosis Journal',
];

export const NAMES = [
  'Fiza Mahmood',
  'Toni Kodner',
  'St. Louis Gateway Area Chapter',
  'National Multiple Sclerosis Society',
  'Keith Eric Grant, PhD.',
  'Ruth Werner',
  "A Massage Therapist's Guide to Pathology; Disease Handbook for Massage Therapists",
  "Professor Moyer's Massage Therapy and Meditation Laboratory Research Group",
  'Advanced Practice Professional Massage Therapy Community of Practice',
  'Bert Davich, LMT',
  'Michael Reoch, RMT',
  'Tina Gio, LMT',
  'Rhonda Henry, LMT',
  'Sutherland-Chan School and Teaching Clinic in Toronto',
  'Specialty Clinics | Sutherland-Chan School',
];

export const STUDY_TITLES = [
  'Massage therapy and exercise therapy in patients with multiple sclerosis: a randomized controlled pilot study',
  "The effects of massage therapy on multiple sclerosis patients' quality of life and leg function",
  'Multiple sclerosis patients benefit from massage therapy',
  'A pragmatic investigation into the effects of massage therapy on the self efficacy of multiple sclerosis clients',
  'Complementary and alternative therapies for treating multiple sclerosis symptoms: a systematic review',
  'Abdominal massage for the alleviation of constipation symptoms in people with multiple sclerosis: a randomized controlled feasibility study',
];

/** Each quote, paragraph by paragraph, exactly as written (spelling included). */
export const QUOTES: Record<string, string[]> = {
  'Bert Davich, LMT': [
    'I have treated a number of MS clients. I am going to tell you a little of my clinical experience as you requested.',
    'I have found that a significant difference can occur with footwork to encourage dorsiflexion, which is typically part of their problem with walking. This has been consistent with most MS clients I have treated.',
    'My experience has been that it helps them for 3 to 7 days, then returns to pre treatment condition.',
    'Spasms as involuntary contractions are common. If a contraction does not pass quickly, recripical inhibition or contract relax techniques are often helpful (just as in non MS clients)',
    'They can have large sudden and unexpected spasms particularly in the lower limbs (my experience)',
    'Often when working in one area, they will experience spasms in another area directly related to the actual palpation. In a few cases it was like an on/off switch. Push button A and B responds.',
    'Most wanted deep work and responded very will to MFR (myofascial release) approaches during session and the following day(s).',
    'I hope that helps.',
  ],
  'Michael Reoch, RMT': [
    "My massage therapy school had an in reach for people with MS. Most of us had over 100h of experience treating MS before graduating. I don't see it as much in the private setting now due to cost barriers for patients but from what I remember Bert Davich described it well. Slow sustained pressure and strokes seemed to relieve HT muscles in the short term and lasted for 3-9 days.",
    'I have worked with a number of MS clients across the full spectrum (mild to severe symptoms), all who found massage to be beneficial primarily for pain reduction and stress/anxiety management. My experience was that people in wheelchairs found massage helpful to help manage postural/positional concerns and spasticity in more severe cases of MS.',
    'Sutherland-Chan School and Teaching Clinic in Toronto has an MS Massage Specialty Clinic. You might want to try to get in touch with them for more info.',
  ],
  'Tina Gio, LMT': [
    'As a side note, interestingly a lot of my MS clients love and get the most relief from deeper pressure treatments. Not sure why this is? I have experimented with DNM/gentler treatments with two of my pressure-loving MS clients recently and neither found any change in symptoms (even though they were both keen and interested to try it out). Relief came when we went back to the deeper stuff.',
  ],
  'Rhonda Henry, LMT': [
    'I spent early five years with a person who had chronic progressive MS.....she wanted touch, I studied from books, practiced on her, she loved it and eventually told me to go to massage, this is all her fault.',
  ],
  'Sutherland-Chan clinic': [
    'This clinic is for people with multiple sclerosis and focuses on their particular needs; for example, improving circulation and mobility, boosting energy and mood, improving sleep, reducing pain and improving everyday functions. Most are in wheelchairs or use ambulatory aids and need various types of treatment adaptation. Clients are usually referred to us through the MS Society, but this is not mandatory.',
  ],
};

/** The speaker's reading of the evidence. */
export const READING = [
  'Very little research has been done on massage therapy and MS',
  'not always well designed',
  'the greatest benefit comes from decreasing anxiety and depression and improving self-esteem',
];

/** What the sources say that the talk must carry (issue 13: left out before). */
export const CARRIED = [
  'a safe, noninvasive treatment that may assist MS patients in managing the stress of their symptoms',
  'responded very will to MFR',
  'two Facebook pages',
];

/** Claims, and firmed-up hedges, that no source makes: none may come back into a slide or a note. */
export const NOT_CLAIMED = [
  'not change the course of MS',
  'Massage is not a cure',
  'health care team in the loop',
  'pulls together all the good-quality trials',
  'Each had 15 supervised sessions',
  'the benefit seems real while you keep going',
  'The clearest benefit',
  'can ease tight muscles',
  'made a real difference to walking',
  'so they need ongoing sessions',
  'less anxious and less down, and better about themselves',
  'Facebook groups',
  'six small studies',
];
