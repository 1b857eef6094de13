/**
 * The council's directorates (departments), which own requirements. When the council reorganises, change this list:
 * requirements keep the name they were saved with, and the form still shows it until they are moved.
 */
export const directorates: readonly string[] = [
  'Adults and Communities',
  'Children and Family Services',
  'Chief Executive’s',
  'Corporate Resources',
  'Environment and Transport',
  'Public Health',
];
