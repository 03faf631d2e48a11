/** Texts of the competencies pages, Thai first; `competenciesEn` has the same shape (the compiler checks it). */
export const competenciesTh = {
  title: 'สมรรถนะ',
};

export const competenciesEn: typeof competenciesTh = {
  title: 'Competencies',
};
