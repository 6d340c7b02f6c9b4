#!/bin/sh
# First start of the PostgreSQL volume only: a role and database for Peiyu, and a role for
# Temporal that may create its own two databases (temporal-sql-tool create-database).
set -eu
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE peiyu LOGIN PASSWORD '${PEIYU_DB_PASSWORD}';
CREATE DATABASE peiyu OWNER peiyu;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD '${TEMPORAL_DB_PASSWORD}';
SQL
