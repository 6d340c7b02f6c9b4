import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Identity } from '@peiyu/contracts';
import { existingDistrictIds, findPlacesInArea } from '@peiyu/communities-data-access';
import { InstitutionEntity, ServiceContractEntity, chinaCalendarDate } from '@peiyu/organizations-data-access';
import { DomainException } from '@peiyu/platform-nest';
import { coversDistrict, reachOf, requireReach, seesDistrict, seesInstitution, type Reach } from '@peiyu/platform-reach';
import type { RecordServiceContractInput, SetServiceContractEndInput } from './service-contracts.types.js';

/** Which contracts to list. */
export interface ServiceContractQuery {
  institutionIds?: readonly string[];
  districtId?: string | null;
  /** Only those in force on this day, YYYY-MM-DD. */
  inForceOn?: string | null;
}

/**
 * Service contracts: recorded and changed by the programme managers of the district that buys; seen
 * by whoever sees both the district and the institution.
 */
@Injectable()
export class ServiceContractsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(caller: Identity, query: ServiceContractQuery): Promise<ServiceContractEntity[]> {
    const reach = await reachOf(this.db, caller);
    const builder = this.db.getRepository(ServiceContractEntity).createQueryBuilder('s').orderBy('s."starts_on"', 'DESC').addOrderBy('s."reference"', 'ASC');
    if (query.institutionIds) builder.andWhere(`s."institution_id" = ANY(:institutionIds::uuid[])`, { institutionIds: [...query.institutionIds] });
    if (query.districtId != null) builder.andWhere(`s."district_id" = :districtId`, { districtId: query.districtId });
    if (query.inForceOn != null) builder.andWhere(`s."starts_on" <= :day::date AND s."ends_on" >= :day::date`, { day: query.inForceOn });
    const contracts = await builder.getMany();
    return contracts.filter((c) => visible(reach, c));
  }

  /** Records a contract; the caller's scopes must cover the district (FORBIDDEN otherwise). */
  async record(input: RecordServiceContractInput, caller: Identity): Promise<ServiceContractEntity> {
    requireReach(coversDistrict(await reachOf(this.db, caller), input.districtId), 'District', input.districtId);
    if (input.endsOn < input.startsOn) throw DomainException.badInput('endsOn', 'endsOn must not be before startsOn.');
    if (!(await this.db.getRepository(InstitutionEntity).existsBy({ id: input.institutionId }))) {
      throw DomainException.badInput('institutionId', `Institution ${input.institutionId} does not exist.`);
    }
    const streetIds = [...new Set(input.streetIds ?? [])];
    const { streets } = await findPlacesInArea(this.db, { districtIds: [], streetIds, communityIds: [] });
    const inDistrict = new Set(streets.filter((s) => s.districtId === input.districtId).map((s) => s.id));
    const stray = streetIds.find((id) => !inDistrict.has(id));
    if (stray) throw DomainException.badInput('streetIds', `Street ${stray} is not a street of district ${input.districtId}.`);
    if (!(await existingDistrictIds(this.db, [input.districtId])).has(input.districtId)) {
      throw DomainException.badInput('districtId', `District ${input.districtId} does not exist.`);
    }
    try {
      return await this.db.getRepository(ServiceContractEntity).save({
        id: randomUUID(),
        institutionId: input.institutionId,
        districtId: input.districtId,
        streetIds,
        reference: input.reference.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw DomainException.badInput('reference', `The district has a contract ${input.reference} already.`);
      }
      throw error;
    }
  }

  /** Moves a contract's last day at the version read; CONFLICT, changing nothing, when it has changed since. */
  async setEnd(input: SetServiceContractEndInput, caller: Identity): Promise<ServiceContractEntity> {
    const repository = this.db.getRepository(ServiceContractEntity);
    const contract = await repository.findOneBy({ id: input.id });
    if (!contract) throw DomainException.notFound('ServiceContract', input.id);
    requireReach(coversDistrict(await reachOf(this.db, caller), contract.districtId), 'District', contract.districtId);
    if (input.endsOn < contract.startsOn) throw DomainException.badInput('endsOn', `endsOn must not be before the first day, ${contract.startsOn}.`);
    const result = await repository.update({ id: input.id, version: input.version }, { endsOn: input.endsOn });
    if (result.affected !== 1) throw new DomainException('CONFLICT', `ServiceContract ${input.id} was changed by someone else; read it again and retry.`);
    return repository.findOneByOrFail({ id: input.id });
  }

  /** Whether a contract is in force on a day (today in China by default). */
  static inForce(contract: Pick<ServiceContractEntity, 'startsOn' | 'endsOn'>, day: string = chinaCalendarDate()): boolean {
    return contract.startsOn <= day && day <= contract.endsOn;
  }
}

const visible = (reach: Reach, contract: ServiceContractEntity): boolean => seesDistrict(reach, contract.districtId) && seesInstitution(reach, contract.institutionId);
