-- One row per register value of a reading. The primary key is the idempotent key: a reading
-- stored again (a retried poll, a redelivery) adds no row.
-- H2's NUMERIC without precision has scale 0 and would round 1234.567 to 1235, so the precision
-- and scale are given: a KMP value is an integer of up to 8 bytes (20 digits) times 10^-63..10^63,
-- and NUMERIC(146, 63) holds every such value exactly (read back with trailing zeros).
CREATE TABLE IF NOT EXISTS {{db.table}} (
  meter_serial  BIGINT                   NOT NULL,
  read_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  register_id   INTEGER                  NOT NULL,
  register_name VARCHAR(64)              NOT NULL,
  unit          VARCHAR(32)              NOT NULL,
  value_decimal NUMERIC(146, 63)         NOT NULL,
  value_text    VARCHAR(255),
  PRIMARY KEY (meter_serial, read_at, register_id)
)
