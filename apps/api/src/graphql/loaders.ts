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
  /** Made on first use: most requests (a student's step) need none of them, and every request gets a Loaders. */
  private readonly made = new Map<string, DataLoader<never, unknown>>();

  constructor(private readonly ds: DataSource) {}

  private once<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.made.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.made.set(name, loader as unknown as DataLoader<never, unknown>);
    }
    return loader;
  }

  get district(): DataLoader<string, District | null> {
    return this.once('district', async (ids) =>
      byKey(ids, await this.ds.getRepository(District).findBy({ id: In([...ids]) }), (d) => d.id),
    );
  }

  get school(): DataLoader<string, School | null> {
    return this.once('school', async (ids) =>
      byKey(ids, await this.ds.getRepository(School).findBy({ id: In([...ids]) }), (s) => s.id),
    );
  }

  /**
   * The members of each class (teachers or students), in name order. Pairs are read first and users by id
   * after, so a user in several classes of one batch is listed in each of them.
   */
  private async membersOf(
    classIds: readonly string[],
    table: 'class_teacher' | 'enrollment',
    column: 'user_id' | 'student_id',
    activeOnly: boolean,
  ): Promise<User[][]> {
    const pairs: { class_id: string; user_id: string }[] = await this.ds.query(
      `SELECT m.class_id, m.${column} AS user_id FROM ${table} m JOIN app_user u ON u.id = m.${column}
        WHERE m.class_id = ANY($1) ${activeOnly ? 'AND u.disabled_at IS NULL' : ''}
        ORDER BY u.display_name, u.username, u.id`,
      [[...classIds]],
    );
    const ids = [...new Set(pairs.map((p) => p.user_id))];
    const users = ids.length ? await this.ds.getRepository(User).findBy({ id: In(ids) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const out = new Map<string, User[]>(classIds.map((id) => [id, []]));
    for (const p of pairs) {
      const user = byId.get(p.user_id);
      if (user) out.get(p.class_id)?.push(user);
    }
    return classIds.map((id) => out.get(id) ?? []);
  }

  get teachersOfClass(): DataLoader<string, User[]> {
    return this.once('teachersOfClass', (classIds) =>
      this.membersOf(classIds, 'class_teacher', 'user_id', false),
    );
  }

  get studentsOfClass(): DataLoader<string, User[]> {
    return this.once('studentsOfClass', (classIds) =>
      this.membersOf(classIds, 'enrollment', 'student_id', true),
    );
  }

  get studentCountOfClass(): DataLoader<string, number> {
    return this.once('studentCountOfClass', async (classIds) =>
      countsByKey(
        classIds,
        await this.ds.query(
          `SELECT e.class_id AS key, count(*) AS n FROM enrollment e JOIN app_user u ON u.id = e.student_id
         WHERE e.class_id = ANY($1) AND u.disabled_at IS NULL GROUP BY e.class_id`,
          [[...classIds]],
        ),
      ),
    );
  }

  get classCountOfSchool(): DataLoader<string, number> {
    return this.once('classCountOfSchool', async (schoolIds) =>
      countsByKey(
        schoolIds,
        await this.ds.query(
          `SELECT school_id AS key, count(*) AS n FROM class_section WHERE school_id = ANY($1) GROUP BY school_id`,
          [[...schoolIds]],
        ),
      ),
    );
  }

  get studentCountOfSchool(): DataLoader<string, number> {
    return this.once('studentCountOfSchool', async (schoolIds) =>
      countsByKey(
        schoolIds,
        await this.ds.query(
          `SELECT school_id AS key, count(*) AS n FROM app_user
         WHERE kind = 'student' AND disabled_at IS NULL AND school_id = ANY($1) GROUP BY school_id`,
          [[...schoolIds]],
        ),
      ),
    );
  }

  /** The compiled module (the large `bundle` column), only for versions a query opens. */
  get moduleBundle(): DataLoader<string, ModuleVersion | null> {
    return this.once('moduleBundle', async (ids) => {
      const rows = await this.ds
        .getRepository(ModuleVersionEntity)
        .createQueryBuilder('v')
        .select(['v.id', 'v.bundle'])
        .where('v.id IN (:...ids)', { ids })
        .getMany();
      return byKey(ids, rows, (r) => r.id).map((r) => r?.bundle ?? null);
    });
  }

  /** Every version of a module, newest first. */
  get moduleVersions(): DataLoader<string, string[]> {
    return this.once('moduleVersions', async (moduleIds) => {
      const rows: { module_id: string; version: string }[] = await this.ds.query(
        `SELECT module_id, version FROM module_version WHERE module_id = ANY($1) ORDER BY version_sort DESC`,
        [[...moduleIds]],
      );
      return moduleIds.map((id) => rows.filter((r) => r.module_id === id).map((r) => r.version));
    });
  }

  /**
   * Where a class stands on each assignment: active students enrolled now, and of them how many have started
   * and finished. One query for every assignment on a page.
   */
  get assignmentSummary(): DataLoader<string, { enrolled: number; started: number; completed: number }> {
    return this.once('assignmentSummary', async (assignmentIds) => {
      const rows: { id: string; enrolled: number; started: number; completed: number }[] =
        await this.ds.query(
          `SELECT a.id,
              count(e.student_id)::int AS enrolled,
              count(t.id)::int AS started,
              count(t.completed_at)::int AS completed
         FROM assignment a
         JOIN enrollment e ON e.class_id = a.class_id
         JOIN app_user u ON u.id = e.student_id AND u.disabled_at IS NULL
         LEFT JOIN attempt t ON t.assignment_id = a.id AND t.student_id = e.student_id
        WHERE a.id = ANY($1)
        GROUP BY a.id`,
          [[...assignmentIds]],
        );
      const map = new Map(rows.map((r) => [r.id, r]));
      return assignmentIds.map((id) => {
        const r = map.get(id);
        return { enrolled: r?.enrolled ?? 0, started: r?.started ?? 0, completed: r?.completed ?? 0 };
      });
    });
  }
}
