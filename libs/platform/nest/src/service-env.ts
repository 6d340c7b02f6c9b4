import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

// Decorated properties carry explicit types: swc emits design:type metadata only from annotations.

/** The environment every subgraph service reads at boot; each app sets its own default port. */
export class ServiceEnv {
  @IsString() @IsNotEmpty() DATABASE_URL: string = 'postgres://postgres:postgres@127.0.0.1:5433/peiyu';
  @IsString() @IsNotEmpty() HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) PORT: number = 0;
}
