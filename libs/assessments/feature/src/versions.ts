import { QueryFailedError } from 'typeorm';
import { DomainException } from '@peiyu/platform-nest';

/**
 * Stores the next version of a reference document (a rubric, an indicator set): two admins storing
 * at once both compute the same next version, and the unique index lets only one through; the other
 * gets CONFLICT.
 */
export async function storeNextVersion<T>(save: () => Promise<T>, what: string): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
      throw new DomainException('CONFLICT', `Another version of this ${what} was stored at the same time; read it again and retry.`);
    }
    throw error;
  }
}
