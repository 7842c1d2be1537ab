import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_PAGE = 200;

/** Bounded list size: every list argument is 1 to 200. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many to return (1 to 200)' })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE, { message: `first must be at most ${MAX_PAGE}` })
  first = 50;
}
