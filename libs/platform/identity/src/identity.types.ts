import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { type Role } from '@peiyu/contracts';
import { RoleEnum } from '@peiyu/platform-nest';


@ObjectType('User', { description: 'A person who signs in to Peiyu.' })
export class User {
  @Field(() => ID) id: string;
  @Field({ description: 'Sign-in name.' }) username: string;
  @Field({ description: 'Name shown in the app.' }) displayName: string;
  @Field(() => RoleEnum, { description: 'The role that decides what the user may do.' }) role: Role;
}

@ObjectType('AuthPayload', { description: 'A signed-in session.' })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header.' }) token: string;
  @Field(() => GraphQLISODateTime, { description: 'When the token stops being accepted.' }) expiresAt: Date;
  @Field(() => User) user: User;
}

@InputType({ description: 'Credentials for signing in.' })
export class SignInInput {
  @Field() @IsNotEmpty({ message: 'username must not be empty' }) @MaxLength(100) username: string;
  @Field() @IsNotEmpty({ message: 'password must not be empty' }) @MaxLength(200) password: string;
}
