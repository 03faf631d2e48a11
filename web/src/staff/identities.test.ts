import { describe, expect, it } from 'vitest';
import { identityOfActorKey, identityText } from './identities';

describe('identityOfActorKey', () => {
  it('reads every key the progress read model files actors under', () => {
    expect(identityOfActorKey('mbox|mailto:guest1@example.com')).toEqual({ mbox: 'mailto:guest1@example.com' });
    expect(identityOfActorKey('sha1|ABCDEF0123456789abcdef0123456789abcdef01')).toEqual({
      mboxSha1sum: 'abcdef0123456789abcdef0123456789abcdef01',
    });
    expect(identityOfActorKey('openid|https://id.example.org/somchai')).toEqual({ openid: 'https://id.example.org/somchai' });
    expect(identityOfActorKey('account|https://elearning.dla.go.th|somchai.j')).toEqual({
      account: { homePage: 'https://elearning.dla.go.th', name: 'somchai.j' },
    });
  });

  it('refuses what it cannot read', () => {
    expect(identityOfActorKey('sha1|nothex')).toBeNull();
    expect(identityOfActorKey('account|https://x.org')).toBeNull();
    expect(identityOfActorKey('group|x')).toBeNull();
    expect(identityOfActorKey('nothing')).toBeNull();
  });

  it('shows identities as people read them', () => {
    expect(identityText({ mbox: 'mailto:a@b.go.th' })).toBe('a@b.go.th');
    expect(identityText({ account: { homePage: 'https://elearning.dla.go.th', name: 'somchai.j' } })).toBe('somchai.j @ https://elearning.dla.go.th');
  });
});
