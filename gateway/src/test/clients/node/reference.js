// The reference PostgreSQL 15 a comparing script also connects to, from REFERENCE_* variables.
'use strict';

module.exports = {
  host: process.env.REFERENCE_HOST,
  port: Number(process.env.REFERENCE_PORT),
  user: process.env.REFERENCE_USER,
  password: process.env.REFERENCE_PASSWORD,
  database: process.env.REFERENCE_DATABASE || 'postgres',
};
