/** Texts of the plans (list, calendar, editor, plan page) pages, Thai first; `plansEn` has the same shape (the compiler checks it). */
export const plansTh = {
  title: 'แผนพัฒนาบุคลากร',
};

export const plansEn: typeof plansTh = {
  title: 'Development plans',
};
