/** Texts of the committee review pages, Thai first; `reviewEn` has the same shape (the compiler checks it). */
export const reviewTh = {
  title: 'แผนที่รอพิจารณา',
};

export const reviewEn: typeof reviewTh = {
  title: 'Plans for review',
};
