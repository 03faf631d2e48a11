/** Texts of the administration (users, tokens, xAPI credentials) pages, Thai first; `adminEn` has the same shape (the compiler checks it). */
export const adminTh = {
  title: 'ผู้ดูแลระบบ',
  tabs: { users: 'ผู้ใช้', tokens: 'โทเคนเข้าถึง', credentials: 'ข้อมูลเชื่อมต่อ xAPI', audit: 'ประวัติการใช้งาน' },
};

export const adminEn: typeof adminTh = {
  title: 'Administration',
  tabs: { users: 'Users', tokens: 'Access tokens', credentials: 'xAPI credentials', audit: 'Audit trail' },
};
