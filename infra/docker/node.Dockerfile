# One image for every Node process of Peiyu: the five subgraph services, the worker, the gateway
# and the migrations job. Each runs its TypeScript sources through tools/dev/register.mjs (swc, see
# docs/decisions/0001); which one runs is the container's command, e.g.
#   node --import ./tools/dev/register.mjs apps/gateway/src/main.ts
# Build from the repository root: docker build -f infra/docker/node.Dockerfile -t peiyu/node .
FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm workspaces need every workspace's package.json before `npm ci`.
COPY apps ./apps
COPY libs ./libs
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.base.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools/dev ./tools/dev
COPY tools/db ./tools/db
USER node
# Overridden per container; the default is the migrations job.
CMD ["node", "tools/dev/run-ts.mjs", "tools/db/migrate-cli.ts"]
