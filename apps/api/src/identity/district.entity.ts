import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description: 'A school district: the top tenant. Nothing crosses from one district to another.',
})
@Entity({ name: 'district' })
@Check('CHK_district_state', `"state" ~ '^[A-Z]{2}$'`)
export class District {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'Two-letter US state code, e.g. FL' })
  @Column({ type: 'varchar', length: 2 })
  state: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
