/** Texts of the audit trail pages, Thai first; `auditEn` has the same shape (the compiler checks it). */
export const auditTh = {
  title: 'ประวัติการใช้งาน',
};

export const auditEn: typeof auditTh = {
  title: 'Audit trail',
};
