import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { District } from './district.entity';

@ObjectType({ description: 'A school within a district.' })
@Entity({ name: 'school' })
@Check('CHK_school_code', `"code" ~ '^[A-Z0-9-]{3,20}$'`)
@Check(
  'CHK_school_grades',
  `"lowest_grade" BETWEEN 0 AND 12 AND "highest_grade" BETWEEN "lowest_grade" AND 12`,
)
export class School {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_school_district')
  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'The code students type to sign in, e.g. BAYSIDE' })
  @Index('UQ_school_code', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Field({ description: 'Lowest grade taught (0 = kindergarten)' })
  @Column({ name: 'lowest_grade', type: 'smallint' })
  lowestGrade: number;

  @Field({ description: 'Highest grade taught' })
  @Column({ name: 'highest_grade', type: 'smallint' })
  highestGrade: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
