-- One row per register value of a reading. The primary key is the idempotent key: a reading
-- stored again (a retried poll, a redelivery) adds no row. NUMERIC without precision keeps every
-- value exactly as the meter sent it, scale included (12.50 stays 12.50).
CREATE TABLE IF NOT EXISTS {{db.table}} (
  meter_serial  BIGINT                   NOT NULL,
  read_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  register_id   INTEGER                  NOT NULL,
  register_name VARCHAR(64)              NOT NULL,
  unit          VARCHAR(32)              NOT NULL,
  value_decimal NUMERIC                  NOT NULL,
  value_text    VARCHAR(255),
  PRIMARY KEY (meter_serial, read_at, register_id)
)
