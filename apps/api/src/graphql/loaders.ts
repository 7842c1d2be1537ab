import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { ModuleVersion } from '@haven/curriculum';
import { ModuleVersionEntity } from '../catalog/module-version.entity';
import { District } from '../identity/district.entity';
import { School } from '../identity/school.entity';
import { User } from '../identity/user.entity';

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function countsByKey(keys: readonly string[], rows: { key: string; n: string }[]): number[] {
  const map = new Map(rows.map((r) => [r.key, Number(r.n)]));
  return keys.map((k) => map.get(k) ?? 0);
}

/**
 * Per-request batch loaders (DataLoader), so a list of N classes costs one query per field, not N. They load
 * by ids that a tenant-scoped parent has already produced; they never widen what the caller can see.
 */
export class Loaders {
  constructor(private readonly ds: DataSource) {}

  readonly district = new DataLoader<string, District | null>(async (ids) =>
    byKey(ids, await this.ds.getRepository(District).findBy({ id: In([...ids]) }), (d) => d.id),
  );

  readonly school = new DataLoader<string, School | null>(async (ids) =>
    byKey(ids, await this.ds.getRepository(School).findBy({ id: In([...ids]) }), (s) => s.id),
  );

  readonly teachersOfClass = new DataLoader<string, User[]>(async (classIds) => {
    const rows = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin('class_teacher', 'ct', 'ct.user_id = u.id')
      .addSelect('ct.class_id', 'ct_class_id')
      .where('ct.class_id IN (:...classIds)', { classIds })
      .orderBy('u.display_name')
      .getRawAndEntities();
    const out = new Map<string, User[]>(classIds.map((id) => [id, []]));
    rows.entities.forEach((u, i) => out.get(rows.raw[i].ct_class_id as string)?.push(u));
    return classIds.map((id) => out.get(id) ?? []);
  });

  readonly studentsOfClass = new DataLoader<string, User[]>(async (classIds) => {
    const rows = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin('enrollment', 'e', 'e.student_id = u.id')
      .addSelect('e.class_id', 'e_class_id')
      .where('e.class_id IN (:...classIds)', { classIds })
      .andWhere('u.disabled_at IS NULL')
      .orderBy('u.display_name')
      .addOrderBy('u.username')
      .getRawAndEntities();
    const out = new Map<string, User[]>(classIds.map((id) => [id, []]));
    rows.entities.forEach((u, i) => out.get(rows.raw[i].e_class_id as string)?.push(u));
    return classIds.map((id) => out.get(id) ?? []);
  });

  readonly studentCountOfClass = new DataLoader<string, number>(async (classIds) =>
    countsByKey(
      classIds,
      await this.ds.query(
        `SELECT e.class_id AS key, count(*) AS n FROM enrollment e JOIN app_user u ON u.id = e.student_id
         WHERE e.class_id = ANY($1) AND u.disabled_at IS NULL GROUP BY e.class_id`,
        [[...classIds]],
      ),
    ),
  );

  readonly classCountOfSchool = new DataLoader<string, number>(async (schoolIds) =>
    countsByKey(
      schoolIds,
      await this.ds.query(
        `SELECT school_id AS key, count(*) AS n FROM class_section WHERE school_id = ANY($1) GROUP BY school_id`,
        [[...schoolIds]],
      ),
    ),
  );

  readonly studentCountOfSchool = new DataLoader<string, number>(async (schoolIds) =>
    countsByKey(
      schoolIds,
      await this.ds.query(
        `SELECT school_id AS key, count(*) AS n FROM app_user
         WHERE kind = 'student' AND disabled_at IS NULL AND school_id = ANY($1) GROUP BY school_id`,
        [[...schoolIds]],
      ),
    ),
  );

  /** The compiled module (the large `bundle` column), only for versions a query opens. */
  readonly moduleBundle = new DataLoader<string, ModuleVersion | null>(async (ids) => {
    const rows = await this.ds
      .getRepository(ModuleVersionEntity)
      .createQueryBuilder('v')
      .select(['v.id', 'v.bundle'])
      .where('v.id IN (:...ids)', { ids })
      .getMany();
    return byKey(ids, rows, (r) => r.id).map((r) => r?.bundle ?? null);
  });

  /** Every version of a module, newest first. */
  readonly moduleVersions = new DataLoader<string, string[]>(async (moduleIds) => {
    const rows: { module_id: string; version: string }[] = await this.ds.query(
      `SELECT module_id, version FROM module_version WHERE module_id = ANY($1) ORDER BY version_sort DESC`,
      [[...moduleIds]],
    );
    return moduleIds.map((id) => rows.filter((r) => r.module_id === id).map((r) => r.version));
  });
}
