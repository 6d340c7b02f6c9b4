import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '@peiyu/contracts';
import { findCommunityPlacements } from '@peiyu/communities-data-access';
import type { NotificationKind } from '@peiyu/cultivation-data-access';
import { findUsersInScope, type Recipient } from '@peiyu/platform-identity-data-access';

/** Where notifications go besides the in-app inbox. */
export interface Mailer {
  send(recipients: Recipient[], subject: string, body: string): Promise<void>;
}

/** The default transport: a log line per mail, so development and tests need no mail server. */
export const loggingMailer: Mailer = {
  async send(recipients, subject) {
    if (recipients.length === 0) return;
    console.log(`mail to ${recipients.map((r) => r.displayName).join(', ')}: ${subject}`);
  },
};

export interface NotificationRequest {
  cultivationId: string;
  kind: NotificationKind;
  role: Role;
  escalationId: string | null;
  summary: string;
  details: Record<string, unknown>;
  /** The event that causes it; a retry with the same key notifies nobody twice. */
  sourceKey: string;
  at: string;
}

/**
 * Puts a notification in the inbox of every user of `role` whose scope covers the cultivation,
 * inside the caller's transaction, and returns the recipients so the caller can mail them after
 * commit.
 */
export async function notifyRole(m: EntityManager, request: NotificationRequest): Promise<Recipient[]> {
  const [cultivation]: { district_id: string; community_id: string; institution_id: string }[] = await m.query(
    `SELECT "district_id", "community_id", "institution_id" FROM "cultivation"."cultivation" WHERE "id" = $1`,
    [request.cultivationId],
  );
  if (!cultivation) return [];
  const [community] = await findCommunityPlacements(m, [cultivation.community_id]);
  const recipients = await findUsersInScope(m, request.role, {
    districtId: cultivation.district_id,
    streetId: community?.streetId ?? null,
    communityId: cultivation.community_id,
    institutionId: cultivation.institution_id,
  });
  for (const recipient of recipients) {
    await m.query(
      `INSERT INTO "cultivation"."notification" ("id", "user_id", "kind", "cultivation_id", "escalation_id", "summary", "details", "created_at", "source_key")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT ("source_key", "user_id") DO NOTHING`,
      [randomUUID(), recipient.userId, request.kind, request.cultivationId, request.escalationId, request.summary, JSON.stringify(request.details), request.at, request.sourceKey],
    );
  }
  return recipients;
}
