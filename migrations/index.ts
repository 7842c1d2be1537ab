import type { MigrationInterface } from 'typeorm';
import { Foundation1764140000000 } from './1764140000000-foundation';
import { ModuleVersions1764150000000 } from './1764150000000-module-versions';
import { Learning1795685274203 } from './1795685274203-learning';
import { TrainingRecords1795687493683 } from './1795687493683-training-records';
import { RosterImport1795688087017 } from './1795688087017-roster-import';
import { ConsentRecords1795689710889 } from './1795689710889-consent-records';
import { Authoring1795693662001 } from './1795693662001-authoring';
import { Safeguarding1795700100000 } from './1795700100000-safeguarding';
import { DeliveryRecords1795700000000 } from './1795700000000-delivery-records';
import { FacilitatorProfiles1795700300000 } from './1795700300000-facilitator-profiles';
import { ReviewCredit1795700400000 } from './1795700400000-review-credit';

/** Every migration, oldest first. Never edit one that has been committed: add a new one. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Foundation1764140000000,
  ModuleVersions1764150000000,
  Learning1795685274203,
  TrainingRecords1795687493683,
  RosterImport1795688087017,
  ConsentRecords1795689710889,
  Authoring1795693662001,
  DeliveryRecords1795700000000,
  Safeguarding1795700100000,
  FacilitatorProfiles1795700300000,
  ReviewCredit1795700400000,
];
