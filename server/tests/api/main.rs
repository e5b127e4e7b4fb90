//! The server's integration tests: one binary, the real application on port 0 with a
//! fresh database per test — a SQLite file, or a PostgreSQL database when
//! `BOUCLE_TEST_POSTGRES` holds an admin URL (`scripts/test.sh` runs both).

mod access_matrix;
mod campaigns;
mod harness;
mod identifying_exports;
mod mail;
mod pages;
mod people;
mod plans;
mod projects;
mod questionnaires;
mod respondents;
mod results;
mod sign_in_lockout;
mod staff;
mod staff_support;
mod storage;
mod submissions_api;
