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
import { ModuleVersionEntity } from '../catalog/module-version.entity';
import { ClassSection } from '../identity/class-section.entity';
import { User } from '../identity/user.entity';
import { Assignment } from '../learning/learning.entities';

/**
 * A lesson of an assigned module version taught to the class in person by a trained member of staff
 * (facilitation mode). Who was present is in `delivery_attendance`; only they received the instruction.
 */
@Entity({ name: 'class_delivery' })
@Index('IDX_class_delivery_assignment', ['assignmentId'])
@Index('IDX_class_delivery_class', ['classId'])
@Check('CHK_class_delivery_minutes', `"minutes" BETWEEN 1 AND 600`)
export class ClassDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_class_delivery' })
  id: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @ManyToOne(() => ClassSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id', foreignKeyConstraintName: 'FK_class_delivery_class' })
  classSection?: ClassSection;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_class_delivery_assignment' })
  assignment?: Assignment;

  @Column({ name: 'module_version_id', type: 'uuid' })
  moduleVersionId: string;

  @ManyToOne(() => ModuleVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_version_id', foreignKeyConstraintName: 'FK_class_delivery_module_version' })
  moduleVersion?: ModuleVersionEntity;

  @Column({ name: 'lesson_id', type: 'varchar', length: 80 })
  lessonId: string;

  @Column({ name: 'delivered_by', type: 'uuid' })
  deliveredBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delivered_by', foreignKeyConstraintName: 'FK_class_delivery_delivered_by' })
  deliverer?: User;

  @Column({ name: 'delivered_at', type: 'timestamptz' })
  deliveredAt: Date;

  @Column({ type: 'int' })
  minutes: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A student present for an in-class delivery (absent and excused students have no row). */
@Entity({ name: 'delivery_attendance' })
@Index('IDX_delivery_attendance_student', ['studentId'])
export class DeliveryAttendance {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid', primaryKeyConstraintName: 'PK_delivery_attendance' })
  deliveryId: string;

  @PrimaryColumn({ name: 'student_id', type: 'uuid', primaryKeyConstraintName: 'PK_delivery_attendance' })
  studentId: string;

  @ManyToOne(() => ClassDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'FK_delivery_attendance_delivery' })
  delivery?: ClassDelivery;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id', foreignKeyConstraintName: 'FK_delivery_attendance_student' })
  student?: User;
}
