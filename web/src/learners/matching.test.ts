import { describe, expect, it } from 'vitest';
import { rankCandidates } from './matching';

const staff = [
  { id: 'a', fullNameTh: 'นายสมชาย ใจดี', firstNameTh: 'สมชาย', lastNameTh: 'ใจดี' },
  { id: 'b', fullNameTh: 'นางสาวสุดารัตน์ ทองดี', firstNameTh: 'สุดารัตน์', lastNameTh: 'ทองดี' },
  { id: 'c', fullNameTh: 'นางมาลี ศรีสุข', firstNameTh: 'มาลี', lastNameTh: 'ศรีสุข' },
];

describe('rankCandidates', () => {
  it('puts the staff member sharing the actor name first', () => {
    expect(rankCandidates({ name: 'สุดารัตน์ ทองดี', identityText: 'sudarat@example.com' }, staff)[0].id).toBe('b');
    expect(rankCandidates({ name: 'มาลี', identityText: 'x@y.z' }, staff)[0].id).toBe('c');
  });

  it('keeps the register order when nothing is alike', () => {
    expect(rankCandidates({ name: 'Guest', identityText: 'guest1@example.com' }, staff).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
