import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType()
export class StaffSignInInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'password must be 1 to 200 characters' })
  password: string;
}

@InputType()
export class StudentSignInInput {
  @Field({ description: "The school's sign-in code, e.g. BAYSIDE" })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{3,20}$/, { message: 'schoolCode must be 3 to 20 letters, digits or dashes' })
  schoolCode: string;

  @Field()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'username must be 1 to 64 letters, digits, dots, dashes or underscores',
  })
  username: string;

  @Field({ description: 'A PIN or short password' })
  @IsString()
  @Length(1, 100, { message: 'secret must be 1 to 100 characters' })
  secret: string;
}

export const LANGUAGES = ['en', 'es'] as const;

@ArgsType()
export class LanguageArgs {
  @Field()
  @IsIn(LANGUAGES, { message: 'language must be en or es' })
  language: string;
}
