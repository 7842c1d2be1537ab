import type { Role } from '@haven/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { District } from './district.entity';
import { School } from './school.entity';
import { User } from './user.entity';

/**
 * One role a user holds, and where: school-scoped roles carry a school (and its district), district-scoped
 * roles a district, platform_admin neither.
 */
@Entity({ name: 'role_grant' })
@Check(
  'CHK_role_grant_role',
  `"role" IN ('student', 'teacher', 'school_admin', 'district_admin', 'author', 'reviewer', 'platform_admin')`,
)
@Check(
  'CHK_role_grant_scope',
  `("role" IN ('student', 'teacher', 'school_admin') AND "school_id" IS NOT NULL AND "district_id" IS NOT NULL) OR ("role" IN ('district_admin', 'author', 'reviewer') AND "school_id" IS NULL AND "district_id" IS NOT NULL) OR ("role" = 'platform_admin' AND "school_id" IS NULL AND "district_id" IS NULL)`,
)
@Index('UQ_role_grant', ['userId', 'role', 'districtId', 'schoolId'], { unique: true })
export class RoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_role_grant_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  @Index('IDX_role_grant_school')
  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId: string | null;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: School;
}
