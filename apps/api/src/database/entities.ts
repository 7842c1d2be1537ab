import { AuditEvent } from '../audit/audit-event.entity';
import {
  ModuleDraft,
  ModuleDraftComment,
  ModuleDraftEvent,
  ModuleDraftReview,
  ModuleVersionSource,
  ReviewerQualification,
} from '../authoring/authoring.entities';
import { ModuleVersionEntity } from '../catalog/module-version.entity';
import {
  Assignment,
  AssessmentResponse,
  Attempt,
  ProgressEvent,
  ScenarioRun,
} from '../learning/learning.entities';
import { TrainingCourse, TrainingRecord } from '../training/training.entities';
import { ImportRun, RosterSource } from '../roster-import/roster-import.entities';
import { ConsentRecord } from '../consent/consent.entity';
import { SafeguardingAlert, SafeguardingDesignee } from '../safeguarding/safeguarding.entities';
import { ClassDelivery, DeliveryAttendance } from '../delivery/delivery.entities';
import { UserSession } from '../auth/session.entity';
import { ClassSection, ClassTeacher, Enrollment } from '../identity/class-section.entity';
import { District } from '../identity/district.entity';
import { RoleGrant } from '../identity/role-grant.entity';
import { School } from '../identity/school.entity';
import { User } from '../identity/user.entity';
import { FacilitatorProfile } from '../facilitators/facilitator-profile.entity';

/** Every TypeORM entity, in one list for the app, the migration runner and the schema-drift check. */
export const ENTITIES = [
  District,
  School,
  User,
  RoleGrant,
  ClassSection,
  ClassTeacher,
  Enrollment,
  UserSession,
  AuditEvent,
  ModuleVersionEntity,
  Assignment,
  Attempt,
  ScenarioRun,
  AssessmentResponse,
  ProgressEvent,
  TrainingCourse,
  TrainingRecord,
  RosterSource,
  ImportRun,
  ConsentRecord,
  ClassDelivery,
  DeliveryAttendance,
  ModuleVersionSource,
  ModuleDraft,
  ModuleDraftReview,
  ModuleDraftComment,
  ModuleDraftEvent,
  ReviewerQualification,
  FacilitatorProfile,
  SafeguardingDesignee,
  SafeguardingAlert,
];
