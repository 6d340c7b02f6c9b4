import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Identity } from '@peiyu/contracts';
import { NotificationEntity } from '@peiyu/cultivation-data-access';
import { CurrentIdentity, DomainException } from '@peiyu/platform-nest';
import { Notification } from './cultivation.types.js';

const toGraphQL = (n: NotificationEntity): Notification => ({ ...n, details: JSON.stringify(n.details) });

/** The signed-in user's inbox: only their own notifications, ever. */
@Resolver(() => Notification)
export class NotificationResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Query(() => [Notification], { description: 'Your notifications, newest first.' })
  async notifications(
    @CurrentIdentity() caller: Identity,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many (default 50, at most 200).' }) first?: number,
  ): Promise<Notification[]> {
    const take = Math.min(Math.max(first ?? 50, 1), 200);
    const rows = await this.db.getRepository(NotificationEntity).find({
      where: { userId: caller.userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take,
    });
    return rows.map(toGraphQL);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  unreadNotificationCount(@CurrentIdentity() caller: Identity): Promise<number> {
    return this.db.getRepository(NotificationEntity).countBy({ userId: caller.userId, readAt: IsNull() });
  }

  @Mutation(() => Notification, { description: 'Marks one of your notifications read; NOT_FOUND for anyone else\'s.' })
  async markNotificationRead(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<Notification> {
    const repository = this.db.getRepository(NotificationEntity);
    const notification = await repository.findOneBy({ id, userId: caller.userId });
    if (!notification) throw DomainException.notFound('Notification', id);
    if (!notification.readAt) {
      notification.readAt = new Date();
      await repository.update({ id }, { readAt: notification.readAt });
    }
    return toGraphQL(notification);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many were unread.' })
  async markAllNotificationsRead(@CurrentIdentity() caller: Identity): Promise<number> {
    const result = await this.db.getRepository(NotificationEntity).update({ userId: caller.userId, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
