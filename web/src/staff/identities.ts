import type { XapiIdentityInput } from '../gql/graphql';

export interface IdentityView {
  mbox?: string | null;
  mboxSha1sum?: string | null;
  openid?: string | null;
  account?: { homePage: string; name: string } | null;
}

export type IdentityKind = 'mbox' | 'mboxSha1sum' | 'openid' | 'account';

export function kindOf(identity: IdentityView): IdentityKind {
  if (identity.mbox) return 'mbox';
  if (identity.mboxSha1sum) return 'mboxSha1sum';
  if (identity.openid) return 'openid';
  return 'account';
}

/**
 * The xAPI identity of an actor key as the progress read model writes it: `mbox|mailto:…`,
 * `sha1|<hex>`, `openid|<url>`, `account|<homePage>|<name>`. Null for anything else.
 */
export function identityOfActorKey(key: string): XapiIdentityInput | null {
  const bar = key.indexOf('|');
  if (bar < 0) {
    return null;
  }
  const kind = key.slice(0, bar);
  const rest = key.slice(bar + 1);
  switch (kind) {
    case 'mbox':
      return rest ? { mbox: rest } : null;
    case 'sha1':
      return /^[0-9a-f]{40}$/i.test(rest) ? { mboxSha1sum: rest.toLowerCase() } : null;
    case 'openid':
      return rest ? { openid: rest } : null;
    case 'account': {
      const split = rest.indexOf('|', rest.indexOf('://') + 3);
      if (split < 0) {
        return null;
      }
      const homePage = rest.slice(0, split);
      const name = rest.slice(split + 1);
      return homePage && name ? { account: { homePage, name } } : null;
    }
    default:
      return null;
  }
}

/** An identity as people read it: the e-mail address, the account name at its system, … */
export function identityText(identity: IdentityView | XapiIdentityInput): string {
  if (identity.mbox) return identity.mbox.replace(/^mailto:/, '');
  if (identity.mboxSha1sum) return `sha1:${identity.mboxSha1sum.slice(0, 12)}…`;
  if (identity.openid) return identity.openid;
  if (identity.account) return `${identity.account.name} @ ${identity.account.homePage}`;
  return '';
}
