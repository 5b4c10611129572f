// Newsroom prose from templates, for generated articles: believable enough for fronts, search and
// pagination to have real work, and obviously made up (invented towns, people and bodies).
import type { Random } from '@/lib/seed/random';

type Desk = { places: readonly string[]; topics: readonly string[]; bodies: readonly string[]; tags: readonly string[] };

const desks: Record<string, Desk> = {
  world: {
    places: ['Port Avela', 'Norvik', 'Santa Lucerna', 'Kestrel Bay', 'Olmara', 'Tervassi', 'Mondrago', 'Lake Idris'],
    topics: ['water-sharing', 'border crossing', 'fisheries', 'flood defence', 'refugee resettlement', 'cross-border rail'],
    bodies: ['the regional council', 'the coastal states', 'the UN mission', 'aid agencies', 'the foreign ministry'],
    tags: ['Diplomacy', 'Migration', 'Climate', 'Water', 'Security'],
  },
  'middle-east': {
    places: ['Qasr al-Nur', 'Wadi Sahel', 'Bayt Amran', 'Tel Rimon', 'Jabal Hadid', 'Port Suhail', 'Ain Qamar'],
    topics: ['ceasefire', 'reconstruction', 'humanitarian corridor', 'water pipeline', 'prisoner exchange', 'electricity grid'],
    bodies: ['the mediation committee', 'relief agencies', 'the interior ministry', 'local councils', 'tribal elders'],
    tags: ['Diplomacy', 'Security', 'Energy', 'Water', 'Migration'],
  },
  politics: {
    places: ['the capital', 'Eastmoor', 'the northern provinces', 'Haverford', 'the lower house', 'Castleton'],
    topics: ['pension', 'housing', 'budget', 'electoral reform', 'transport', 'school funding'],
    bodies: ['the finance committee', 'opposition leaders', 'the coalition', 'the electoral commission', 'city mayors'],
    tags: ['Elections', 'Courts', 'Education', 'Cities', 'Labour'],
  },
  business: {
    places: ['the port of Grenmouth', 'Lindhaven', 'the central exchange', 'Ostbridge', 'the eastern corridor', 'Marrow Point'],
    topics: ['grain export', 'freight rail', 'bond', 'wind energy', 'retail', 'shipbuilding'],
    bodies: ['the central bank', 'the chamber of commerce', 'dock unions', 'regulators', 'the largest lenders'],
    tags: ['Markets', 'Trade', 'Energy', 'Labour', 'Technology'],
  },
  'science-tech': {
    places: ['the Halvorsen Institute', 'Brightwater University', 'the Kepler Array', 'Northfield Labs', 'the polar station'],
    topics: ['battery', 'satellite', 'vaccine', 'quantum sensor', 'rural broadband', 'soil carbon'],
    bodies: ['the research council', 'a team of engineers', 'independent reviewers', 'the space agency', 'hospital trusts'],
    tags: ['Technology', 'Space', 'Health', 'Climate', 'Education'],
  },
  culture: {
    places: ['the Old Mill Theatre', 'the riverside gallery', 'Vellmar', 'the national library', 'the summer festival'],
    topics: ['film festival', 'poetry prize', 'opera season', 'street art', 'book fair', 'music archive'],
    bodies: ['the arts council', 'the festival jury', 'curators', 'independent publishers', 'the city orchestra'],
    tags: ['Film', 'Music', 'Books', 'Cities', 'Football'],
  },
};

/** The made-up reporters of generated stories (each a contributor: lib/contributors/ensure.ts). */
export const generatedPeople: readonly string[] = ['Amina Rahimi', 'Tomas Varga', 'Leila Haddad', 'Owen Marsh', 'Priya Natarajan', 'Jonas Eklund', 'Sara Bennani', 'Daniel Okafor', 'Mei Lin', 'Rafael Costa', 'Hana Novak', 'Yusuf Kaya'];
const officials = ['the minister', 'a senior official', 'the mayor', 'a spokeswoman', 'the committee chair', 'a government adviser', 'the project director'];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const kickers = ['ANALYSIS', 'EXPLAINER', 'INTERVIEW', 'EXCLUSIVE', 'IN PICTURES'];
const credits = ['Staff and agencies', 'Lede Wire', 'Pool report'];

const headlineForms: ReadonlyArray<(w: Words) => string> = [
  (w) => `${cap(w.place)} agrees ${w.topic} plan after ${w.n} days of talks`,
  (w) => `${cap(w.body)} weigh ${w.topic} changes as pressure mounts in ${w.place}`,
  (w) => `${cap(w.topic)} deal in ${w.place} faces first test`,
  (w) => `What the ${w.topic} dispute means for ${w.place}`,
  (w) => `${cap(w.place)} braces for ${w.topic} decision this ${w.day}`,
  (w) => `${cap(w.body)} call for ${w.topic} review in ${w.place}`,
  (w) => `${w.n} years on, ${w.place} rethinks its ${w.topic} policy`,
  (w) => `Delays hit ${w.topic} scheme as ${w.body} push back`,
];

const sentenceForms: ReadonlyArray<(w: Words) => string> = [
  (w) => `${cap(w.body)} said on ${w.day} that the ${w.topic} plan would be put to a vote within ${w.n} weeks.`,
  (w) => `The proposal, first raised in ${w.place} last year, has divided ${w.body2}.`,
  (w) => `Supporters say it could affect as many as ${w.n * 1000} households, while critics warn that the costs have not been published.`,
  (w) => `"We have listened carefully, and we will not rush this," ${w.official} told reporters in ${w.place}.`,
  (w) => `Officials declined to give a date for the next round of talks, saying only that ${w.body2} had been invited.`,
  (w) => `Figures released on ${w.day} showed a rise of ${w.n} per cent on the same period a year earlier.`,
  (w) => `The ${w.topic} question has returned to the agenda after months in which little was said in public.`,
  (w) => `Residents of ${w.place} interviewed this week were cautious, with several saying they would wait to see the details.`,
  (w) => `${cap(w.body2)} said the timetable was realistic but depended on funding that has yet to be agreed.`,
  (w) => `An independent review is due to report in the spring, and its findings are expected to shape the final text.`,
  (w) => `The last attempt at a ${w.topic} agreement collapsed ${w.n} years ago amid disputes over who would pay.`,
  (w) => `Observers noted that the language of ${w.day}'s statement was noticeably softer than in previous weeks.`,
  (w) => `"The details matter more than the headlines," said ${w.person}, who has followed the issue for a decade.`,
  (w) => `A further statement is expected once ${w.body} have met, possibly as early as next ${w.day}.`,
];

type Words = { place: string; topic: string; body: string; body2: string; official: string; person: string; day: string; n: number };

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function words(desk: Desk, random: Random): Words {
  const body = random.pick(desk.bodies);
  return {
    place: random.pick(desk.places),
    topic: random.pick(desk.topics),
    body,
    body2: random.pick(desk.bodies.filter((other) => other !== body)),
    official: random.pick(officials),
    person: random.pick(generatedPeople),
    day: random.pick(weekdays),
    n: random.int(3, 40),
  };
}

export type GeneratedStory = {
  kicker: string;
  headline: string;
  standfirst: string;
  paragraphs: string[];
  byline: string;
  sourceCredit: string;
  tags: string[];
};

export function deskFor(sectionSlug: string): Desk {
  return desks[sectionSlug] ?? desks.world!;
}

/** A story for a section. `video` stories get the VIDEO kicker. */
export function generateStory(sectionSlug: string, random: Random, video: boolean): GeneratedStory {
  const desk = deskFor(sectionSlug);
  const w = words(desk, random);
  const paragraphs: string[] = [];
  const count = random.int(4, 8);
  for (let index = 0; index < count; index += 1) {
    const sentences = random.int(1, 2);
    const parts: string[] = [];
    for (let s = 0; s < sentences; s += 1) parts.push(random.pick(sentenceForms)(words(desk, random)));
    paragraphs.push(parts.join(' '));
  }
  paragraphs[0] = `${cap(w.body)} in ${w.place} moved on ${w.day} to settle the ${w.topic} question, ${w.official} said. ${paragraphs[0]}`;
  const tagCount = random.int(1, 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => random.pick(desk.tags)))];
  return {
    kicker: video ? 'VIDEO' : random.chance(0.25) ? random.pick(kickers) : '',
    headline: random.pick(headlineForms)(w),
    standfirst: `${cap(w.body)} and ${w.body2} set out competing ${w.topic} plans for ${w.place}, with a decision expected within ${w.n} weeks.`,
    paragraphs,
    byline: random.pick(generatedPeople),
    sourceCredit: random.chance(0.3) ? random.pick(credits) : '',
    tags,
  };
}

/** Every tag name the generator uses (about 20). */
export const generatedTagNames: readonly string[] = [...new Set(Object.values(desks).flatMap((desk) => desk.tags))];
