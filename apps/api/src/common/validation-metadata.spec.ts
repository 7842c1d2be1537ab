import {
  getMetadataStorage,
  IsInt,
  IsString,
  MaxLength,
  Min,
  registerDecorator,
  validate,
} from 'class-validator';
import { memoiseValidationMetadata } from './validation-metadata';

const messages = async (o: object): Promise<string[]> =>
  (await validate(o, { whitelist: true, forbidNonWhitelisted: true }))
    .flatMap((e) => Object.values(e.constraints ?? {}))
    .sort();

describe('memoiseValidationMetadata', () => {
  class Parent {
    @IsString()
    name!: string;
  }
  class Child extends Parent {
    @IsInt()
    @Min(1, { groups: ['strict'] })
    count!: number;
  }

  it('answers as class-validator does, and the same array when asked again', () => {
    const storage = getMetadataStorage();
    const before = storage.getTargetValidationMetadatas(Child, '', false, false, undefined);
    const beforeStrict = storage.getTargetValidationMetadatas(Child, '', false, false, ['strict']);
    memoiseValidationMetadata();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false, undefined);
    expect(first).toEqual(before);
    expect([...new Set(first.map((m) => m.propertyName))].sort()).toEqual(['count', 'name']);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, undefined)).toBe(first);
    // Groups are part of the question.
    const strict = storage.getTargetValidationMetadatas(Child, '', false, false, ['strict']);
    expect(strict).toEqual(beforeStrict);
    expect(strict).not.toEqual(first);
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false, undefined)).toHaveLength(1);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
  });

  it('validates as before: rules of the class and its parents, unknown properties refused', async () => {
    memoiseValidationMetadata();
    const bad = Object.assign(new Child(), { name: 4, count: 1.5, extra: true });
    expect(await messages(bad)).toEqual([
      'count must be an integer number',
      'name must be a string',
      'property extra should not exist',
    ]);
    expect(await messages(Object.assign(new Child(), { name: 'a', count: 2 }))).toEqual([]);
  });

  it('forgets its answers when a rule is registered later (a class loaded after the first validation)', async () => {
    memoiseValidationMetadata();
    class Late {
      @MaxLength(3)
      code!: string;
    }
    expect(await messages(Object.assign(new Late(), { code: 'long' }))).toEqual([
      'code must be shorter than or equal to 3 characters',
    ]);
    // A rule added to an already validated class (and to its subclass's answers) applies from then on.
    registerDecorator({
      target: Late,
      propertyName: 'code',
      validator: { validate: (v: unknown) => v !== 'bad', defaultMessage: () => 'code must not be bad' },
    });
    expect(await messages(Object.assign(new Late(), { code: 'bad' }))).toEqual(['code must not be bad']);
    class LateChild extends Late {
      @IsInt()
      n!: number;
    }
    expect(await messages(Object.assign(new LateChild(), { code: 'bad', n: 'x' }))).toEqual([
      'code must not be bad',
      'n must be an integer number',
    ]);
  });

  it('installs once: a second call does not wrap the storage again', () => {
    memoiseValidationMetadata();
    const storage = getMetadataStorage();
    const installed = storage.getTargetValidationMetadatas;
    memoiseValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
