import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { School } from './school.entity';
import { User } from './user.entity';

@ObjectType('Class', {
  description: 'A class (section) in one school and school year, e.g. "Health 7, period 2".',
})
@Entity({ name: 'class_section' })
@Check('CHK_class_year', `"school_year" ~ '^[0-9]{4}-[0-9]{4}$'`)
@Check(
  'CHK_class_grades',
  `cardinality("grade_levels") > 0 AND 0 <= ALL("grade_levels") AND 12 >= ALL("grade_levels")`,
)
@Index('IDX_class_school_year', ['schoolId', 'schoolYear'])
export class ClassSection {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Field()
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Field(() => [Int], { description: 'Grade levels taught in this class (0 = kindergarten)' })
  @Column({ name: 'grade_levels', type: 'smallint', array: true })
  gradeLevels: number[];

  @Field({ description: 'School year, e.g. 2026-2027 (1 July to 30 June)' })
  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A teacher of a class (a class may have co-teachers). */
@Entity({ name: 'class_teacher' })
export class ClassTeacher {
  @PrimaryColumn({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Index('IDX_class_teacher_user')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => ClassSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  classSection?: ClassSection;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}

/** A student enrolled in a class. */
@Entity({ name: 'enrollment' })
export class Enrollment {
  @PrimaryColumn({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Index('IDX_enrollment_student')
  @PrimaryColumn({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => ClassSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  classSection?: ClassSection;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: User;

  @CreateDateColumn({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt: Date;
}
