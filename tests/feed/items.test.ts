import { describe, expect, it } from 'vitest';
import { type FeedEntry, feedItems } from '../../packages/cited-explainer/feed/items.ts';

const site = new URL('https://example.org/explainer/');
const entry = (title: string, updated: string, changes: FeedEntry['changes'] = []): FeedEntry => ({
  title,
  url: `/explainer/${title.toLowerCase()}/`,
  summary: `About ${title}.`,
  updated,
  changes,
});

describe('feedItems', () => {
  it('lists entries newest review first, same-day entries by title, with absolute links', () => {
    const items = feedItems([entry('Bridge', '2024-01-02'), entry('Weir', '2024-03-01'), entry('Attic', '2024-01-02')], site);
    expect(items.map((item) => item.title)).toEqual(['Weir', 'Attic', 'Bridge']);
    expect(items[0].link).toBe('https://example.org/explainer/weir/');
    expect(items[0].pubDate.toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('says what changed when the latest review has a change note', () => {
    const [changed, unchanged] = feedItems(
      [entry('Weir', '2024-03-01', [{ date: '2024-03-01', note: 'Added the council’s figure.' }]), entry('Bridge', '2024-01-02', [{ date: '2023-12-01', note: 'Older.' }])],
      site,
    );
    expect(changed.description).toBe('About Weir. Changed: Added the council’s figure.');
    expect(unchanged.description).toBe('About Bridge.');
  });
});
