# The admin app: built by Vite, served as static files by nginx, which also proxies /graphql to
# the gateway so the browser talks to one origin (as the dev server does).
# Build from the repository root: docker build -f infra/docker/admin.Dockerfile -t peiyu/admin .
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json ./
RUN cd apps/admin && ../../node_modules/.bin/vite build

FROM nginx:1.29-alpine
COPY infra/docker/admin-nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/admin/dist /usr/share/nginx/html
# GATEWAY_UPSTREAM is substituted into the template at start (nginx image's envsubst step).
ENV GATEWAY_UPSTREAM=http://gateway:4000
EXPOSE 8080
