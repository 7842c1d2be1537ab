import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Topic } from '../catalog/catalog.models';

@ObjectType({
  description: 'A state (or local) mandate applied to the district, with its source and certainty',
})
export class MandateRuleSummary {
  @Field()
  id: string;

  @Field()
  title: string;

  @Field({ description: 'One-line citation of the statute or rule' })
  citation: string;

  @Field(() => [String], { description: 'Source URLs' })
  sourceUrls: string[];

  @Field({ description: 'verified, secondary-source or uncertain' })
  certainty: string;

  @Field(() => [String], { description: 'Facts short of verified, to show beside the figures' })
  uncertainties: string[];

  @Field(() => String, { nullable: true, description: 'e.g. each-school-year, once-per-band' })
  frequency: string | null;

  @Field(() => String, { nullable: true, description: 'none, opt-out or opt-in-written' })
  consentModel: string | null;

  @Field(() => [Topic])
  requiredTopics: Topic[];
}

@ObjectType({ description: 'Counts for one grade of one school. Counts under 5 are shown as "<5".' })
export class GradeComplianceRow {
  @Field(() => Int)
  grade: number;

  @Field({ description: 'met, partially-met, not-met or not-applicable' })
  status: string;

  @Field()
  enrolled: string;

  @Field()
  delivered: string;

  @Field()
  missing: string;

  @Field()
  excused: string;

  @Field()
  pending: string;

  @Field(() => Int, {
    description: 'Share delivered of those who can receive it (0-100); -1 when not applicable',
  })
  percentDelivered: number;

  @Field(() => [String], { description: 'Why the grade is not met: missing topics, students not reached, …' })
  reasons: string[];
}

@ObjectType()
export class SchoolComplianceRow {
  @Field(() => ID)
  schoolId: string;

  @Field()
  schoolName: string;

  @Field()
  status: string;

  @Field(() => [GradeComplianceRow])
  grades: GradeComplianceRow[];
}

@ObjectType({ description: 'Whether each mandate was met this school year, per school and grade' })
export class ComplianceReport {
  @Field()
  districtName: string;

  @Field()
  state: string;

  @Field()
  schoolYear: string;

  @Field(() => GraphQLISODateTime)
  generatedAt: Date;

  @Field(() => [MandateRuleSummary])
  rules: MandateRuleSummary[];

  @Field(() => [SchoolComplianceRow])
  schools: SchoolComplianceRow[];
}

@ObjectType({ description: 'What counted for one student under one rule, and what is missing' })
export class StudentRuleExplanation {
  @Field()
  ruleId: string;

  @Field()
  citation: string;

  @Field({ description: 'delivered, partial, not-reached, pending, excused-opt-out or excused-no-consent' })
  outcome: string;

  @Field(() => [Topic])
  requiredTopics: Topic[];

  @Field(() => [Topic])
  coveredTopics: Topic[];

  @Field(() => [Topic])
  missingTopics: Topic[];

  @Field(() => [String], { description: 'The modules that counted, as "module@version (date)"' })
  counted: string[];

  @Field()
  window: string;
}

@ObjectType({ description: "A student's compliance record (staff of the district or school only)" })
export class StudentComplianceRecord {
  @Field(() => ID)
  studentId: string;

  @Field()
  displayName: string;

  @Field()
  username: string;

  @Field(() => Int)
  grade: number;

  @Field()
  schoolName: string;

  @Field(() => [String])
  classes: string[];

  @Field(() => [StudentRuleExplanation])
  rules: StudentRuleExplanation[];
}
