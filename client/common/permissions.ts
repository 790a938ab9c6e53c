import { ROLE_COMMANDS, type CommandName, type User, type WorldId } from '../../shared/index.js';

/**
 * Whether the screen should offer a command to this user. It mirrors shared/world/authorize.ts
 * (instructors act as dispatchers inside drills); the server still decides.
 */
export function maySend(user: User | null, world: WorldId, name: CommandName): boolean {
  if (!user) return false;
  const allowed = world !== 'live' && user.role === 'instructor' ? ROLE_COMMANDS.dispatcher : ROLE_COMMANDS[user.role];
  return allowed.includes(name);
}

/** Supervisors and administrators keep the plan library. */
export function editsPlans(user: User | null): boolean {
  return user !== null && (user.role === 'supervisor' || user.role === 'admin');
}
