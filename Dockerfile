# syntax=docker/dockerfile:1
# The bot in a container. Stage 1 installs every dependency and compiles src/ and commands/ into dist/
# (scripts/build.mjs, as `npm start` does); stage 2 holds only the production dependencies and dist/, and
# runs as the unprivileged `node` user. The articles (corpus/) and the index cache (.cache/) are volumes.
# Build: docker build -t news-study-bot .   Run: see compose.yaml and the README.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs scripts/
COPY src src
COPY commands commands
RUN node scripts/build.mjs

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    CORPUS_DIR=/app/corpus \
    INDEX_CACHE_DIR=/app/.cache \
    HEALTH_PORT=9464 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
# The seed articles; a named volume starts as a copy of them, a bind mount replaces them.
COPY corpus corpus
RUN mkdir -p .cache && chown -R node:node corpus .cache
USER node
VOLUME ["/app/corpus", "/app/.cache"]
# /healthz and /metrics (HEALTH_HOST=0.0.0.0 to reach them from outside the container).
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTH_PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
