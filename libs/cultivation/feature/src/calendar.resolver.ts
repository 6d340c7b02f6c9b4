import { Args, Field, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Identity } from '@peiyu/contracts';
import { calendarOverrides, isWorkingDay } from '@peiyu/cultivation-data-access';
import { CurrentIdentity, DomainException, Roles } from '@peiyu/platform-nest';
import { appendDeadlinesChanged } from './cultivation.service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

@ObjectType('CalendarDay', { description: 'A day of the working-day calendar (China dates).' })
export class CalendarDay {
  @Field({ description: 'YYYY-MM-DD.' }) day: string;
  @Field({ description: 'Whether deadlines counted in working days count this day.' }) working: boolean;
  @Field({ description: 'True when the calendar overrides the Monday-Friday rule (a holiday, or a make-up working weekend 调休).' }) override: boolean;
  @Field({ description: 'Why, for overrides (e.g. 国庆节, 调休).' }) note: string;
}

@InputType('CalendarDayInput', { description: 'An exception to the Monday-Friday rule.' })
export class CalendarDayInput {
  @Field({ description: 'YYYY-MM-DD.' }) @Matches(DATE, { message: 'day must be a date as YYYY-MM-DD' }) day: string;
  @Field() @IsBoolean() working: boolean;
  @Field({ nullable: true }) @IsOptional() @MaxLength(200) note?: string;
}

@InputType({ description: "Stores exceptions to the Monday-Friday rule, e.g. a year's public holidays and make-up working days." })
export class SetCalendarDaysInput {
  @Field(() => [CalendarDayInput])
  @ArrayMinSize(1, { message: 'days must list at least one day' })
  @ArrayMaxSize(400, { message: 'days may list at most 400 days' })
  @ValidateNested({ each: true })
  @Type(() => CalendarDayInput)
  days: CalendarDayInput[];
}

/**
 * The working-day calendar that deadlines counted in working days use. A change is stored with a
 * `cultivation.deadlines-changed` event, so every open cultivation then recomputes its working-day
 * deadline on the new calendar (docs/architecture.md).
 */
@Resolver(() => CalendarDay)
export class CalendarResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Query(() => [CalendarDay], { description: 'Every day between two dates (at most 400), working or not.' })
  async workingCalendar(@Args('from') from: string, @Args('to') to: string): Promise<CalendarDay[]> {
    if (!DATE.test(from) || Number.isNaN(Date.parse(from))) throw DomainException.badInput('from', 'from must be a date as YYYY-MM-DD');
    if (!DATE.test(to) || Number.isNaN(Date.parse(to))) throw DomainException.badInput('to', 'to must be a date as YYYY-MM-DD');
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1 || days > 400) throw DomainException.badInput('to', 'to must be on or after from, at most 400 days later');
    const overrides = await calendarOverrides(this.db, from, to);
    const notes: { day: string; note: string }[] = await this.db.query(
      `SELECT to_char("day", 'YYYY-MM-DD') AS "day", "note" FROM "cultivation"."calendar_day" WHERE "day" BETWEEN $1 AND $2`,
      [from, to],
    );
    const noteOf = new Map(notes.map((n) => [n.day, n.note]));
    return Array.from({ length: days }, (_, i) => {
      const day = new Date(Date.parse(from) + i * DAY_MS).toISOString().slice(0, 10);
      return { day, working: isWorkingDay(day, overrides), override: overrides.has(day), note: noteOf.get(day) ?? '' };
    });
  }

  @Roles('ADMIN')
  @Mutation(() => [CalendarDay], {
    description:
      'Stores calendar exceptions (admins); a day set back to its weekday rule is removed. Open cultivations then recompute their working-day deadlines, shortly after (each move is on their timeline as DEADLINE_RECOMPUTED).',
  })
  async setCalendarDays(@Args('input') input: SetCalendarDaysInput, @CurrentIdentity() caller: Identity): Promise<CalendarDay[]> {
    for (const [i, d] of input.days.entries()) {
      if (Number.isNaN(Date.parse(`${d.day}T00:00:00Z`)) || new Date(`${d.day}T00:00:00Z`).toISOString().slice(0, 10) !== d.day) {
        throw DomainException.badInput(`days.${i}.day`, `days.${i}.day is not a real date`);
      }
    }
    await this.db.transaction(async (m) => {
      for (const d of input.days) {
        if (d.working === isWorkingDay(d.day, new Map())) {
          await m.query(`DELETE FROM "cultivation"."calendar_day" WHERE "day" = $1`, [d.day]);
        } else {
          await m.query(
            `INSERT INTO "cultivation"."calendar_day" ("day", "working", "note", "updated_at", "updated_by") VALUES ($1, $2, $3, now(), $4)
             ON CONFLICT ("day") DO UPDATE SET "working" = EXCLUDED."working", "note" = EXCLUDED."note", "updated_at" = now(), "updated_by" = EXCLUDED."updated_by"`,
            [d.day, d.working, d.note ?? '', caller.userId],
          );
        }
      }
      await appendDeadlinesChanged(m, { cause: 'CALENDAR', districtId: null, policyVersion: null });
    });
    const sorted = input.days.map((d) => d.day).sort();
    return this.workingCalendar(sorted[0], sorted[sorted.length - 1]).then((days) => days.filter((d) => input.days.some((i) => i.day === d.day)));
  }
}
