import { PermissionFlagsBits } from 'discord-api-types/v10';

/** Every permission bit at once: what an owner or an administrator has. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce(
  (all, bit) => all | bit,
  0n,
);

export interface Overwrite {
  /** A role id (the guild id is @everyone) or a member's user id. */
  id: string;
  type: 'role' | 'member';
  allow: bigint;
  deny: bigint;
}

export interface PermissionSubject {
  userId: string;
  roleIds: readonly string[];
}

export interface PermissionGuild {
  id: string;
  ownerId: string;
  roles: readonly { id: string; permissions: bigint }[];
}

/** Guild-level permissions: @everyone plus every role the member holds (Discord's base step). */
export function basePermissions(guild: PermissionGuild, subject: PermissionSubject): bigint {
  if (subject.userId === guild.ownerId) return ALL_PERMISSIONS;
  let permissions = guild.roles.find((role) => role.id === guild.id)?.permissions ?? 0n;
  for (const role of guild.roles) {
    if (subject.roleIds.includes(role.id)) permissions |= role.permissions;
  }
  return (permissions & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
}

/**
 * Channel permissions in Discord's documented order: @everyone overwrite, then all role overwrites
 * together, then the member's own overwrite. Without ViewChannel nothing else applies.
 */
export function channelPermissions(
  guild: PermissionGuild,
  subject: PermissionSubject,
  overwrites: readonly Overwrite[],
): bigint {
  let permissions = basePermissions(guild, subject);
  if (permissions === ALL_PERMISSIONS) return permissions;

  const everyone = overwrites.find((o) => o.type === 'role' && o.id === guild.id);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;

  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const o of overwrites) {
    if (o.type === 'role' && o.id !== guild.id && subject.roleIds.includes(o.id)) {
      roleAllow |= o.allow;
      roleDeny |= o.deny;
    }
  }
  permissions = (permissions & ~roleDeny) | roleAllow;

  const own = overwrites.find((o) => o.type === 'member' && o.id === subject.userId);
  if (own) permissions = (permissions & ~own.deny) | own.allow;

  return (permissions & PermissionFlagsBits.ViewChannel) === 0n ? 0n : permissions;
}
