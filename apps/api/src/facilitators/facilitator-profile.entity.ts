import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../identity/user.entity';

/**
 * A staff member's facilitator profile. Only its owner writes it. `listed`: shown in the district's
 * directory. `survivorStatement`: the owner's own words, set only when they choose to be listed as a survivor
 * facilitator; withdrawing deletes the text (null), nobody else can set it.
 */
@Entity({ name: 'facilitator_profile' })
@Check(
  'CHK_facilitator_profile_survivor',
  `"survivor_statement" IS NULL OR length(btrim("survivor_statement")) > 0`,
)
export class FacilitatorProfile {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  pronouns: string | null;

  @Column({ type: 'varchar', length: 2000, default: '' })
  bio: string;

  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'boolean', default: false })
  listed: boolean;

  @Column({ name: 'survivor_statement', type: 'varchar', length: 2000, nullable: true })
  survivorStatement: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
