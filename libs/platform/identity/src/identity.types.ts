import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { ROLES, SCOPE_KINDS, type Role, type ScopeKind } from '@peiyu/contracts';
import { RoleEnum, graphqlEnum } from '@peiyu/platform-nest';
import { MAX_PASSWORD_LENGTH, MAX_SCOPES, MIN_PASSWORD_LENGTH } from './access-policy.js';

export const ScopeKindEnum = graphqlEnum(SCOPE_KINDS, 'ScopeKind', 'What a scope covers: the whole city, a district, street or community, or an institution.');

@ObjectType('Scope', { description: 'A part of the city (or an institution) a user works on.' })
export class ScopeType {
  @Field(() => ScopeKindEnum) kind: ScopeKind;
  @Field(() => ID, { nullable: true, description: 'The district, street, community or institution; null for CITY.' }) id: string | null;
}

@ObjectType('User', { description: 'A person who signs in to Peiyu.' })
export class User {
  @Field(() => ID) id: string;
  @Field({ description: 'Sign-in name.' }) username: string;
  @Field({ description: 'Name shown in the app.' }) displayName: string;
  @Field(() => String, { nullable: true, description: 'Where notifications are mailed besides the in-app inbox; null when none.' }) email: string | null;
  @Field(() => RoleEnum, { description: 'The role that decides what the user may do.' }) role: Role;
  @Field(() => [ScopeType], { description: 'Where the role applies.' }) scopes: ScopeType[];
  @Field(() => Int, { description: 'Changes with every change to the user; pass it back to updateUserAccess.' }) version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => String, { nullable: true, description: 'The OpenID Connect subject the user signs in as, when linked.' }) externalSubject: string | null;
}

@ObjectType('AuthPayload', { description: 'A signed-in session.' })
export class AuthPayload {
  @Field({ description: 'Bearer token (access token) for the Authorization header.' }) token: string;
  @Field(() => GraphQLISODateTime, { description: 'When the token stops being accepted.' }) expiresAt: Date;
  @Field({ description: 'Opaque token for refreshToken, used once; keep it out of reach of scripts.' }) refreshToken: string;
  @Field(() => GraphQLISODateTime, { description: 'When the refresh token stops being accepted.' }) refreshTokenExpiresAt: Date;
  @Field(() => User) user: User;
}

@InputType({ description: 'Credentials for signing in.' })
export class SignInInput {
  @Field() @IsNotEmpty({ message: 'username must not be empty' }) @MaxLength(100) username: string;
  @Field() @IsNotEmpty({ message: 'password must not be empty' }) @MaxLength(MAX_PASSWORD_LENGTH) password: string;
}

@InputType({ description: 'A refresh token from signIn or refreshToken.' })
export class RefreshTokenInput {
  @Field() @IsNotEmpty({ message: 'refreshToken must not be empty' }) @MaxLength(200) refreshToken: string;
}

@InputType({ description: 'The refresh token of the session to end.' })
export class SignOutInput {
  @Field() @IsNotEmpty({ message: 'refreshToken must not be empty' }) @MaxLength(200) refreshToken: string;
}

@InputType({ description: 'A scope: CITY with no id, or a district, street, community or institution by id.' })
export class ScopeInput {
  @Field(() => ScopeKindEnum) @IsIn(SCOPE_KINDS, { message: `kind must be one of ${SCOPE_KINDS.join(', ')}` }) kind: ScopeKind;
  @Field(() => ID, { nullable: true })
  @ValidateIf((s: ScopeInput) => s.id !== null && s.id !== undefined)
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string | null;
}

const passwordRule = `At least ${MIN_PASSWORD_LENGTH} characters.`;
const PasswordLength = (field: string): PropertyDecorator => MinLength(MIN_PASSWORD_LENGTH, { message: `${field} must be at least ${MIN_PASSWORD_LENGTH} characters long` });

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field({ description: '3 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.' })
  @Matches(/^[a-z][a-z0-9._-]{2,31}$/, { message: 'username must be 3 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter' })
  username: string;
  @Field() @IsNotEmpty({ message: 'displayName must not be empty' }) @MaxLength(100) displayName: string;
  @Field(() => String, { nullable: true, description: 'Where notifications are mailed; none when not given.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a mail address' })
  @MaxLength(200)
  email?: string | null;
  @Field({ description: passwordRule }) @PasswordLength('password') @MaxLength(MAX_PASSWORD_LENGTH) password: string;
  @Field(() => RoleEnum) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role: Role;
  @Field(() => [ScopeInput]) @ArrayMaxSize(MAX_SCOPES) @ValidateNested({ each: true }) @Type(() => ScopeInput) scopes: ScopeInput[];
}

@InputType({ description: "A change to a user's role and scopes." })
export class UpdateUserAccessInput {
  @Field(() => ID) @IsUUID('all', { message: 'userId must be a UUID' }) userId: string;
  @Field(() => RoleEnum) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role: Role;
  @Field(() => [ScopeInput]) @ArrayMaxSize(MAX_SCOPES) @ValidateNested({ each: true }) @Type(() => ScopeInput) scopes: ScopeInput[];
  @Field(() => Int, { description: 'The version read; a change made since is refused as CONFLICT.' }) @IsInt() @Min(1) version: number;
}

@InputType({ description: "An administrator's reset of a user's password." })
export class SetUserPasswordInput {
  @Field(() => ID) @IsUUID('all', { message: 'userId must be a UUID' }) userId: string;
  @Field({ description: passwordRule }) @PasswordLength('password') @MaxLength(MAX_PASSWORD_LENGTH) password: string;
}

@InputType({ description: 'The signed-in user changes their password.' })
export class ChangePasswordInput {
  @Field() @IsNotEmpty({ message: 'currentPassword must not be empty' }) @MaxLength(MAX_PASSWORD_LENGTH) currentPassword: string;
  @Field({ description: passwordRule }) @PasswordLength('newPassword') @MaxLength(MAX_PASSWORD_LENGTH) newPassword: string;
}

@InputType({ description: 'Links a user to the subject the OpenID provider knows them by; null unlinks.' })
export class LinkExternalSubjectInput {
  @Field(() => ID) @IsUUID('all', { message: 'userId must be a UUID' }) userId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotEmpty({ message: 'subject must not be empty' }) @MaxLength(255) subject?: string | null;
}

@ObjectType('OidcAuthorization', { description: 'Where to send the user to sign in with the OpenID provider.' })
export class OidcAuthorization {
  @Field({ description: "The provider's authorization URL." }) authorizationUrl: string;
  @Field({ description: 'Keep it (session storage) and check the provider sends the same one back; then pass it to completeOidcSignIn.' }) state: string;
}

@InputType({ description: 'What the OpenID provider sent back to the redirect URI.' })
export class CompleteOidcSignInInput {
  @Field() @IsNotEmpty({ message: 'code must not be empty' }) @MaxLength(2000) code: string;
  @Field() @IsNotEmpty({ message: 'state must not be empty' }) @MaxLength(200) state: string;
}

export const AuditOutcomeEnum = graphqlEnum(['OK', 'ERROR'] as const, 'AuditOutcome', 'How a recorded mutation ended.');

@ObjectType('AuditEntry', { description: 'One call of a mutation, in any service.' })
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) occurredAt: Date;
  @Field({ description: 'The service that served it.' }) service: string;
  @Field(() => String, { nullable: true }) requestId: string | null;
  @Field(() => ID, { nullable: true, description: 'Who: null when not signed in.' }) userId: string | null;
  @Field(() => String, { nullable: true }) username: string | null;
  @Field(() => RoleEnum, { nullable: true }) role: Role | null;
  @Field(() => String, { nullable: true }) clientAddress: string | null;
  @Field({ description: 'The mutation field, e.g. createUser.' }) operation: string;
  @Field(() => String, { nullable: true, description: 'The GraphQL operation name the client gave.' }) operationName: string | null;
  @Field({ description: 'The arguments as JSON, secrets redacted.' }) arguments: string;
  @Field(() => AuditOutcomeEnum) outcome: 'OK' | 'ERROR';
  @Field(() => String, { nullable: true, description: 'The error code when it failed.' }) errorCode: string | null;
  @Field(() => String, { nullable: true }) entityType: string | null;
  @Field(() => ID, { nullable: true }) entityId: string | null;
  @Field(() => String, { nullable: true, description: 'The entity before, as JSON (for entities whose service records it).' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'The entity after, as JSON.' }) after: string | null;
}

@InputType({ description: 'Which audit entries; all conditions together.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(100) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'A mutation field name, e.g. createUser.' }) @IsOptional() @MaxLength(100) operation?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'From this instant, inclusive.' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until this instant, exclusive.' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date | null;
}

@InputType({ description: "A user's mail address, or none." })
export class SetUserEmailInput {
  @Field(() => ID) @IsUUID('all', { message: 'userId must be a UUID' }) userId: string;
  @Field(() => String, { nullable: true, description: 'The address; null to mail them nothing.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a mail address' })
  @MaxLength(200)
  email?: string | null;
}
