INSERT INTO kmp_reading
  (meter_serial, meter_address, read_at, register_id, register_name, unit,
   value_decimal, value_scale, value_text)
VALUES
  (:#meterSerial, :#meterAddress, :#readAt, :#registerId, :#registerName, :#unit,
   :#value, :#scale, :#text)
