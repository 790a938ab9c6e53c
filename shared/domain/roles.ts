/** User roles; every command and room is checked against them. */
export const ROLES = ['dispatcher', 'supervisor', 'field', 'instructor', 'admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
