/**
 * A simulated Kamstrup meter for tests, demos and development without hardware.
 *
 * <p>{@link org.camelkmp.kmp.simulator.SimulatedMeter} behaves like a MULTICAL 403 heat meter by
 * default: it answers every publicly known KMP command by the meter's rules, its registers follow a
 * deterministic heat load (energy and volume integrate power and flow over the injected {@link
 * java.time.Clock}), and it keeps an hourly and a daily log. {@link
 * org.camelkmp.kmp.simulator.MeterConfig} configures it from code or from a properties file; {@link
 * org.camelkmp.kmp.simulator.FaultPlan} makes it misbehave on purpose. {@link
 * org.camelkmp.kmp.simulator.TcpMeterServer} serves it like a ser2net gateway and {@link
 * org.camelkmp.kmp.simulator.SerialMeterServer} on a serial device; {@link
 * org.camelkmp.kmp.simulator.MeterSimulator} puts these together for the command line.
 */
package org.camelkmp.kmp.simulator;
