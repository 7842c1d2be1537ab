import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { appError } from '../common/errors';
import { School } from '../identity/school.entity';
import { User } from '../identity/user.entity';
import type { Actor } from './actor';
import { StaffSignInInput, StudentSignInInput } from './dtos/sign-in.input';
import { LoginLimiter } from './login-limiter';
import { verifySecret } from './password';
import type { HavenRequest } from './request-context';
import { SessionService } from './session.service';

const STAFF_FAILURE = 'Email or password is incorrect.';
const STUDENT_FAILURE = 'School code, username or PIN is incorrect.';
const TOO_MANY =
  'Too many sign-in attempts. Wait 15 minutes and try again, or ask an adult at your school for help.';

@Injectable()
export class AuthService {
  private readonly limiter = new LoginLimiter();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async staffSignIn(input: StaffSignInInput, req: HavenRequest, res: FastifyReply): Promise<Actor> {
    const email = input.email.trim().toLowerCase();
    const user = await this.ds.getRepository(User).findOne({ where: { email, kind: 'staff' } });
    return this.complete(`staff:${email}`, user, input.password, STAFF_FAILURE, req, res);
  }

  async studentSignIn(input: StudentSignInInput, req: HavenRequest, res: FastifyReply): Promise<Actor> {
    const code = input.schoolCode.trim().toUpperCase();
    const username = input.username.trim().toLowerCase();
    const school = await this.ds.getRepository(School).findOne({ where: { code } });
    const user = school
      ? await this.ds
          .getRepository(User)
          .findOne({ where: { schoolId: school.id, username, kind: 'student' } })
      : null;
    return this.complete(`student:${code}:${username}`, user, input.secret, STUDENT_FAILURE, req, res);
  }

  private async complete(
    account: string,
    user: User | null,
    secret: string,
    failure: string,
    req: HavenRequest,
    res: FastifyReply,
  ): Promise<Actor> {
    const address = req.ip ?? 'unknown';
    if (await this.limiter.isBlocked(account, address)) throw appError('TOO_MANY_ATTEMPTS', TOO_MANY);
    const ok = await verifySecret(user && !user.disabledAt ? user.passwordHash : undefined, secret);
    if (!ok || !user) {
      await this.limiter.recordFailure(account, address);
      await this.audit.record({
        actorId: null,
        action: 'sign_in.failed',
        detail: { kind: account.split(':')[0] },
      });
      throw appError('UNAUTHENTICATED', failure);
    }
    await this.limiter.recordSuccess(account);
    const session = await this.sessions.start(user, res);
    const actor = await this.sessions.actorForUser(user.id, session.id);
    if (!actor) throw appError('UNAUTHENTICATED', failure);
    req.actor = actor;
    req.actorPromise = Promise.resolve(actor);
    await this.audit.record({
      actorId: user.id,
      action: 'sign_in',
      districtId: actor.grants.find((g) => g.districtId)?.districtId ?? null,
    });
    return actor;
  }
}
